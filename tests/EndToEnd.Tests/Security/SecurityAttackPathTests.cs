using System.Net;
using System.Text;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Security;

/// <summary>
/// Known attack paths against a hardened silo that no other class covers end to end: pushes to metadata or public
/// addresses (SSRF) and deeply nested or oversized JSON. Each is refused with a clear 4xx and changes nothing. (Path
/// traversal: WorkspaceEndToEndTests, DocumentsBadInputTests; SQL injection through the table browser: StatisticsTests;
/// the README's Security section lists them all.)
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SecurityAttackPathTests(SecurityFixture fixture)
{
    [Fact]
    public async Task Ssrf_an_agent_at_a_metadata_link_local_or_public_address_cannot_register_so_nothing_is_ever_pushed_there()
    {
        // Cloud metadata services (IPv4 and IPv6 link-local), a public address (pushes would leave the cluster), "any".
        string[] addresses = ["169.254.169.254", "fe80::a9fe:a9fe", "8.8.8.8", "0.0.0.0"];
        foreach (var podIp in addresses)
        {
            var body = $$"""{"config_name":"sim","hostname":"ssrf-{{podIp}}","pod_ip":"{{podIp}}","pod_port":80}""";
            var response = await fixture.Silo.Client.SendAsync(HttpMethod.Post, "/api/agents/register",
                new StringContent(body, Encoding.UTF8, "application/json"),
                new Dictionary<string, string> { ["Authorization"] = "Bearer " + SecurityFixture.RegistrationToken });

            response.Status.ShouldBe(HttpStatusCode.BadRequest, $"{podIp}: {response.Text}");
            response.Json!["errors"]!["pod_ip"].ShouldNotBeNull(podIp);
        }

        await AgentAbsence.AssertNoAgentWithHostnameAsync(fixture.Admin, SecurityFixture.RegistrationToken, [.. addresses.Select(a => "ssrf-" + a)]);
    }

    [Fact]
    public async Task Deeply_nested_JSON_is_refused_with_400_before_it_costs_anything()
    {
        var nested = new string('[', 10_000) + new string(']', 10_000);

        var rest = await fixture.Admin.SendAsync(HttpMethod.Post, "/api/jobs", Json("""{"prompt":"deep","context":{"x":""" + nested + "}}"));
        rest.Status.ShouldBe(HttpStatusCode.BadRequest, rest.Text);
        rest.Json!["errors"]!["body"].ShouldNotBeNull();

        var graphQL = await fixture.Admin.SendAsync(HttpMethod.Post, "/graphql",
            Json("""{"query":"mutation($c: JSON) { createJob(input: {prompt: \"deep\", context: $c}) { id } }","variables":{"c":""" + nested + "}}"));
        ((int)graphQL.Status).ShouldBeInRange(400, 499, graphQL.Text);

        await JobAbsence.AssertNoJobWithPromptAsync(fixture.Admin, "deep");
    }

    [Fact]
    public async Task An_oversized_JSON_body_is_refused_with_413_and_creates_nothing()
    {
        var prompt = new string('x', 2 * 1024 * 1024);
        var huge = $$"""{"prompt":"{{prompt}}"}""";

        var response = await fixture.Admin.SendAsync(HttpMethod.Post, "/api/jobs", Json(huge));

        response.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge, response.Text);
        await JobAbsence.AssertNoJobWithPromptAsync(fixture.Admin, prompt);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
