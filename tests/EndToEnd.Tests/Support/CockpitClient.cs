using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>
/// Talks to a silo the way curl or a seed agent would: raw snake_case JSON over HTTP. Tests read fields by their
/// wire names, so a renamed field fails a test.
/// </summary>
public sealed class CockpitClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public Uri BaseAddress => _http.BaseAddress!;

    public async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await _http.GetAsync("/health/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json") =>
        SendAsync(method, path, body is null ? null : new StringContent(body, Encoding.UTF8, contentType));

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (text.Length > 0 && (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) ?? false))
        {
            json = JsonNode.Parse(text);
        }
        return new ApiResponse(response.StatusCode, json, text, response.Content.Headers.ContentType?.MediaType);
    }

    public Task<ApiResponse> PostJsonAsync(string path, object body) => SendAsync(HttpMethod.Post, path, JsonContent.Create(body));

    public Task<ApiResponse> PutJsonAsync(string path, object body) => SendAsync(HttpMethod.Put, path, JsonContent.Create(body));

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, (HttpContent?)null);

    public async Task<JsonArray> AgentsAsync() => (await GetAsync("/api/agents")).Ok().AsArray();

    public async Task<JsonObject?> AgentByHostnameAsync(string hostname) =>
        (await AgentsAsync()).OfType<JsonObject>().FirstOrDefault(a => (string?)a["hostname"] == hostname);

    public async Task<JsonObject?> AgentAsync(Guid id)
    {
        var response = await GetAsync($"/api/agents/{id}");
        return response.Status == HttpStatusCode.NotFound ? null : response.Ok().AsObject();
    }

    public async Task<JsonObject?> JobAsync(Guid id)
    {
        var response = await GetAsync($"/api/jobs/{id}");
        return response.Status == HttpStatusCode.NotFound ? null : response.Ok().AsObject();
    }

    public async Task<Guid> CreateJobAsync(object body)
    {
        var response = await PostJsonAsync("/api/jobs", body);
        response.Status.ShouldBe(HttpStatusCode.Created, response.Text);
        return Guid.Parse((string)response.Json!["id"]!);
    }

    public Task<ApiResponse> AssignAsync(Guid jobId, Guid agentId) => SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/assign/{agentId}");

    public Task<ApiResponse> CancelAsync(Guid jobId) => SendAsync(HttpMethod.Put, $"/api/jobs/{jobId}/cancel");

    public Task<ApiResponse> ResumeAsync(Guid jobId) => SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/resume");

    public async Task<JsonObject?> JobInStatusAsync(Guid jobId, string status)
    {
        var job = await JobAsync(jobId);
        return (string?)job?["status"] == status ? job : null;
    }

    public async Task<JsonObject?> AgentInStatusAsync(Guid agentId, string status)
    {
        var agent = await AgentAsync(agentId);
        return (string?)agent?["status"] == status ? agent : null;
    }

    public void Dispose() => _http.Dispose();

    public static string Json(object value) => JsonSerializer.Serialize(value);
}
