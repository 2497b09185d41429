using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;
using Cockpit.EndToEnd.Tests.Jobs;

namespace Cockpit.EndToEnd.Tests.Reliability.Fuzz;

/// <summary>
/// Random and malformed input thrown at a running silo's REST and GraphQL surfaces (FsCheck): never a 500, and neither
/// a read nor a rejected write changes what the API shows (jobs and agents, as listed and as their grains hold them,
/// and the fixture job's telemetry). A write that is accepted may change things; the property then waits for the read
/// model to settle before the next case. A 502 (the agent's pod cannot be reached) records that on the job by design,
/// so it counts as accepted.
/// </summary>
public sealed class InputFuzzProperties(BadInputFixture fixture, ITestOutputHelper output) : IClassFixture<BadInputFixture>, IDisposable
{
    private readonly ConcurrentDictionary<string, int> _outcomes = new();
    private readonly HttpClient _http = new() { BaseAddress = fixture.Silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private CockpitClient Api => fixture.Silo.Client;

    [Fact]
    public Task Random_bodies_at_the_REST_writes_never_get_a_500_and_a_refusal_changes_nothing() =>
        CheckAsync(FuzzGenerators.Bodies(), RestHoldsAsync, maxTest: 200);

    [Fact]
    public Task Random_ids_in_REST_paths_never_get_a_500_and_a_refusal_changes_nothing() =>
        CheckAsync(FuzzGenerators.Ids(), RestHoldsAsync, maxTest: 200);

    [Fact]
    public Task Random_query_strings_never_get_a_500_and_change_nothing() =>
        CheckAsync(FuzzGenerators.Queries(), RestHoldsAsync, maxTest: 100);

    [Fact]
    public Task Random_GraphQL_documents_and_variables_never_get_a_500_and_a_refused_mutation_changes_nothing() =>
        CheckAsync(FuzzGenerators.GraphQL(), GraphQLHoldsAsync, maxTest: 200);

    /// <summary>
    /// Runs the property on the thread pool: FsCheck waits on each case synchronously, which must not happen on
    /// xUnit's synchronisation context.
    /// </summary>
    private async Task CheckAsync<T>(Arbitrary<T> cases, Func<T, Task> holds, int maxTest)
    {
        var started = DateTime.UtcNow;
        var property = Prop.ForAll(cases, (T request) => Task.Run(() => holds(request)).GetAwaiter().GetResult());
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), property));
        output.WriteLine($"{maxTest} cases in {(DateTime.UtcNow - started).TotalSeconds:0.0} s; answers: " +
                         string.Join(", ", _outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} ×{o.Value}")));
    }

    private async Task RestHoldsAsync(RestRequest request)
    {
        var before = await SnapshotAsync();
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), Fill(request.Path));
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Fill(body)));
            if (request.ContentType is { } type) message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }
        var (status, text) = await SendAsync(message);
        Count($"{status}");

        AssertNoServerError(status, text, request.ToString());
        // A read changes nothing whatever its answer; an accepted write may.
        if (request.Method != "GET" && IsAccepted(status)) await SettleAsync();
        else if (await SnapshotAsync() is var after && after != before)
        {
            throw new ShouldAssertException($"{status}, yet the state changed: {request}\n{text}\n{Difference(before, after)}");
        }
    }

    private async Task GraphQLHoldsAsync(GraphQLRequestCase request)
    {
        var before = await SnapshotAsync();
        using var message = request.OverGet
            ? new HttpRequestMessage(HttpMethod.Get, "/graphql" + Fill(request.Body))
            : new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Fill(request.Body))) };
        message.Content?.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        message.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json, application/json");
        var (status, text) = await SendAsync(message);

        AssertNoServerError(status, text, request.ToString());
        var errors = TryParse(text)?["errors"] is JsonArray { Count: > 0 };
        Count(errors ? $"{status} with errors" : $"{status}");
        var mutation = request.Body.Contains("mutation", StringComparison.Ordinal);
        if (mutation && IsAccepted(status) && !errors) await SettleAsync();
        else if (await SnapshotAsync() is var after && after != before)
        {
            throw new ShouldAssertException($"{status}, yet the state changed: {request}\n{text}\n{Difference(before, after)}");
        }
    }

    private static void AssertNoServerError(int status, string text, string request)
    {
        if (status >= 500 && status != 502) throw new ShouldAssertException($"{status} for {request}\n{text}");
    }

    private static bool IsAccepted(int status) => status is >= 200 and < 300 or 502;

    private async Task<(int Status, string Text)> SendAsync(HttpRequestMessage message)
    {
        using var response = await _http.SendAsync(message);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// What the API shows: the job and agent lists (read model, agents sorted), the fixture's agent and jobs from their
    /// grains, and the fixture job's audit trail and requirements.
    /// </summary>
    private async Task<string> SnapshotAsync()
    {
        var agents = (await Api.GetAsync("/api/agents")).Ok().AsArray().OfType<JsonObject>()
            .OrderBy(a => (string?)a["id"], StringComparer.Ordinal).Select(a => a.ToJsonString());
        var parts = new List<string> { (await Api.GetAsync("/api/jobs?limit=200")).Text, string.Join("\n", agents) };
        foreach (var path in new[]
                 {
                     $"/api/agents/{fixture.Agent.Id}", $"/api/jobs/{fixture.JobId}", $"/api/jobs/{fixture.CancelledJobId}",
                     $"/api/jobs/{fixture.JobId}/audit", $"/api/jobs/{fixture.JobId}/requirements",
                 })
        {
            var response = await Api.GetAsync(path);
            parts.Add($"{(int)response.Status} {response.Text}");
        }
        return string.Join("\n", parts);
    }

    /// <summary>After an accepted request: waits until the state has read the same for half a second (three readings or more).</summary>
    private async Task SettleAsync()
    {
        var readings = new List<(DateTime At, string State)>();
        await Eventually.UntilAsync(async () =>
        {
            readings.Add((DateTime.UtcNow, await SnapshotAsync()));
            var current = readings[^1].State;
            var stable = readings.AsEnumerable().Reverse().TakeWhile(r => r.State == current).ToList();
            return stable.Count >= 3 && stable[0].At - stable[^1].At >= TimeSpan.FromMilliseconds(500);
        }, TimeSpan.FromSeconds(20), "the read model to settle after an accepted request",
            () => readings.Count < 2 ? "one reading" : Difference(readings[^2].State, readings[^1].State));
    }

    private string Fill(string text) => text
        .Replace("{agent}", fixture.Agent.Id.ToString(), StringComparison.Ordinal)
        .Replace("{job}", fixture.JobId.ToString(), StringComparison.Ordinal)
        .Replace("{cancelled}", fixture.CancelledJobId.ToString(), StringComparison.Ordinal);

    public void Dispose() => _http.Dispose();

    /// <summary>The first line where two snapshots differ, for a failure message.</summary>
    private static string Difference(string a, string b)
    {
        var (left, right) = (a.Split('\n'), b.Split('\n'));
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i]) return $"line {i}:\n  {left[i]}\n  {right[i]}";
        }
        return left.Length == right.Length ? "no difference" : $"{left.Length} lines against {right.Length}";
    }

    private void Count(string outcome) => _outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
