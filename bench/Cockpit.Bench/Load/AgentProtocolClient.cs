using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cockpit.Bench.Infrastructure;
using Cockpit.Protocol;

namespace Cockpit.Bench.Load;

/// <summary>
/// What simulated agents and the dispatcher say, over one pooled HTTP client. The same instance type drives the silo
/// and the baselines, so the client costs the same for each.
/// </summary>
public sealed class AgentProtocolClient(Uri baseAddress, int connections, TimeSpan? timeout = null) : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http = BenchHttp.Create(baseAddress, connections, timeout ?? TimeSpan.FromSeconds(30));

    public Uri BaseAddress => _http.BaseAddress!;

    public async Task<Guid> RegisterAsync(string hostname, int podPort)
    {
        using var response = await PostAsync(ProtocolPaths.Register, Payloads.Registration(hostname, podPort));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"register {hostname}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<AgentRegistrationResponse>(text)!.AgentId;
    }

    /// <summary>Sends one heartbeat; the status code, or null when the request failed on the network or timed out.</summary>
    public async Task<HttpStatusCode?> HeartbeatAsync(Guid agentId, byte[] body, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await PostAsync(ProtocolPaths.Heartbeat(agentId), body, cancellationToken);
            // Read the answer as an agent does, so that the connection is reusable and the cost is counted.
            await response.Content.CopyToAsync(Stream.Null, cancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public async Task<Guid> CreateJobAsync(string prompt)
    {
        using var response = await PostAsync("/api/jobs", JsonSerializer.SerializeToUtf8Bytes(new { prompt }));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created) throw new HttpRequestException($"create job: {(int)response.StatusCode} {text}");
        return Guid.Parse((string)JsonNode.Parse(text)!["id"]!);
    }

    /// <summary>POST /api/jobs with <c>"dispatch": "auto"</c>: the job goes straight into the queue.</summary>
    public async Task<Guid> EnqueueJobAsync(string prompt, string? concurrencyKey = null)
    {
        using var response = await PostAsync("/api/jobs", JsonSerializer.SerializeToUtf8Bytes(
            new { prompt, dispatch = "auto", concurrency_key = concurrencyKey }, BaselineServers.BaselineJson.Wire));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"queue job: {(int)response.StatusCode} {text}");
        return Guid.Parse((string)JsonNode.Parse(text)!["id"]!);
    }

    /// <summary>The GraphQL <c>assignJob</c> mutation over HTTP; null on success, else what went wrong.</summary>
    public async Task<string?> AssignJobAsync(Guid jobId, Guid agentId, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            query = "mutation Assign($jobId: ID!, $agentId: ID!) { assignJob(jobId: $jobId, agentId: $agentId) { id status } }",
            variables = new { jobId, agentId },
        });
        try
        {
            using var response = await PostAsync("/graphql", body, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) return $"{(int)response.StatusCode} {text}";
            var json = JsonNode.Parse(text);
            return json?["errors"] is JsonArray { Count: > 0 } errors ? errors.ToJsonString() : null;
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timed out";
        }
    }

    /// <summary>GET a JSON document; null on 404.</summary>
    public async Task<JsonNode?> GetJsonAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text);
    }

    private Task<HttpResponseMessage> PostAsync(string path, byte[] body, CancellationToken cancellationToken = default)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        return SendAndDisposeRequestAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAndDisposeRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request) return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    public void Dispose() => _http.Dispose();
}
