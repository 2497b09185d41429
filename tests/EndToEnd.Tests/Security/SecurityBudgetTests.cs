using System.Net;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Security;

/// <summary>
/// Roles on LLM usage and budgets: every role that may read sees usage; only operators and admins change a budget
/// (REST and GraphQL); with guests off, a request without a session reads nothing. Refused changes change nothing.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SecurityBudgetTests(SecurityFixture fixture)
{
    private static readonly Guid Unknown = Guid.Parse("00000000-0000-4000-8000-000000000002");

    [Theory]
    [InlineData("guest", 200, 401, "UNAUTHENTICATED")]
    [InlineData("viewer", 200, 403, "FORBIDDEN")]
    [InlineData("operator", 200, 200, "NOT_FOUND")]
    [InlineData("admin", 200, 200, "NOT_FOUND")]
    public async Task Each_role_reads_usage_and_may_set_a_budget_exactly_as_it_should(string role, int read, int setBudget, string graphQLSet)
    {
        var jobId = await fixture.Admin.CreateJobAsync(new { prompt = $"budget roles for {role}", budget = new { max_cost_usd = 0.5 } });
        var client = fixture.As(role);

        (await client.GetAsync($"/api/jobs/{jobId}/usage")).Status.ShouldBe((HttpStatusCode)read);
        (await client.GetAsync("/api/stats/usage?days=7&group_by=model")).Status.ShouldBe((HttpStatusCode)read);
        var set = await client.PutJsonAsync($"/api/jobs/{jobId}/budget", new { max_cost_usd = 2.0 });
        set.Status.ShouldBe((HttpStatusCode)setBudget, set.Text);
        (await client.GraphQLErrorAsync("mutation($j: ID!) { setJobBudget(jobId: $j, budget: { maxCostUsd: 3 }) { id } }", new { j = Unknown }))
            .ShouldBe(graphQLSet);

        var budget = (await fixture.Admin.JobAsync(jobId))!["budget"]!["max_cost_usd"]!.GetValue<decimal>();
        budget.ShouldBe(setBudget == 200 ? 2.0m : 0.5m, "a refused change changes nothing");
    }

    [Fact]
    public async Task With_guests_off_usage_and_budgets_need_a_session()
    {
        var locked = fixture.LockedSilo.Client;

        (await locked.GetAsync($"/api/jobs/{Unknown}/usage")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await locked.GetAsync("/api/stats/usage")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await locked.PutJsonAsync($"/api/jobs/{Unknown}/budget", new { max_cost_usd = 1 })).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await locked.GraphQLErrorAsync("{ stats { usage(days: 7) { total { calls } } } }")).ShouldBe("UNAUTHENTICATED");
    }
}
