using Cockpit.AgentBridge.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace Cockpit.AgentBridge.Tests.Security;

/// <summary>Agent tokens derived from AGENT_REGISTRATION_TOKEN: stable per agent, different across agents and secrets.</summary>
public sealed class AgentTokensTests
{
    private const string Secret = "a-registration-token-of-forty-characters";

    private static AgentTokens Tokens(string? secret) => new(Options.Create(new AgentBridgeOptions { RegistrationToken = secret }));

    private static HttpRequest Request(string? bearer)
    {
        var context = new DefaultHttpContext();
        if (bearer is not null) context.Request.Headers.Authorization = "Bearer " + bearer;
        return context.Request;
    }

    [Fact]
    public void Without_a_registration_token_nothing_is_required_or_issued()
    {
        var tokens = Tokens(null);
        tokens.Required.ShouldBeFalse();
        tokens.IssueFor(Guid.NewGuid()).ShouldBeNull();
        tokens.CheckRegistration(Request(null)).ShouldBeNull();
        tokens.CheckAgent(Request(null), Guid.NewGuid()).ShouldBeNull();
    }

    [Fact]
    public void A_token_is_the_same_on_every_silo_and_belongs_to_one_agent_and_one_secret()
    {
        var agent = Guid.NewGuid();
        var token = Tokens(Secret).IssueFor(agent)!;

        Tokens(Secret).IssueFor(agent).ShouldBe(token);
        Tokens(Secret).IssueFor(Guid.NewGuid()).ShouldNotBe(token);
        Tokens(Secret + "x").IssueFor(agent).ShouldNotBe(token);
        Tokens(Secret).CheckAgent(Request(token), agent).ShouldBeNull();
        Tokens(Secret).CheckAgent(Request(token), Guid.NewGuid())!.StatusCode.ShouldBe(401);
        Tokens(Secret + "x").CheckAgent(Request(token), agent)!.StatusCode.ShouldBe(401);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong")]
    public void Registration_needs_exactly_the_registration_token(string? bearer)
    {
        var refused = Tokens(Secret).CheckRegistration(Request(bearer));
        refused.ShouldNotBeNull().StatusCode.ShouldBe(401);
        Tokens(Secret).CheckRegistration(Request(Secret)).ShouldBeNull();
    }
}
