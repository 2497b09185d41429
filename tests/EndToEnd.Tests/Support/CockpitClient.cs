using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>
/// Talks to a silo the way curl or a seed agent would: raw snake_case JSON over HTTP, without a session (so as a guest)
/// until <see cref="SignInAsync"/>; then like the cockpit in a browser: the session cookie on every request and the
/// session's CSRF token on every state-changing one. Tests read fields by their wire names, so a renamed field fails a test.
/// </summary>
public sealed class CockpitClient : IDisposable
{
    /// <summary>Bodies above this are sent with Expect: 100-continue (curl's threshold is 1 MiB too).</summary>
    private const long LargeBodyBytes = 1024 * 1024;

    private readonly CookieContainer _cookies;
    private readonly HttpClient _http;
    private string? _csrfToken;
    private string? _apiToken;

    public CockpitClient(Uri baseAddress)
        : this(baseAddress, new CookieContainer(), null, null)
    {
    }

    /// <param name="handler">How to connect (e.g. from another loopback source address); a plain handler when null.</param>
    public CockpitClient(Uri baseAddress, CookieContainer cookies, string? csrfToken, HttpMessageHandler? handler)
    {
        // Cookies by hand (not the handler's container) so that a session can be handed to other clients and silos.
        _http = new HttpClient(handler ?? new HttpClientHandler { UseCookies = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _cookies = cookies;
        _csrfToken = csrfToken;
    }

    /// <summary>A script's client: no cookies, and <c>Authorization: Bearer &lt;API token&gt;</c> on every request.</summary>
    public static CockpitClient WithApiToken(Uri baseAddress, string apiToken) => new(baseAddress) { _apiToken = apiToken };

    /// <summary>The same session (cookies are per host, not per port) against another silo.</summary>
    public CockpitClient On(Uri otherSilo) => new(otherSilo, _cookies, _csrfToken, null);

    /// <summary>The session's CSRF token, null without a session.</summary>
    public string? CsrfToken => _csrfToken;

    /// <summary>Cookies this client holds (the session after <see cref="SignInAsync"/>).</summary>
    public CookieContainer Cookies => _cookies;

    /// <summary>
    /// Signs in with POST /api/auth/mock-login (the silo must run with AUTH_DEV_LOGIN=true, as the test silos do) and
    /// acts with <paramref name="role"/> from then on. Returns the answer of the sign-in.
    /// </summary>
    public async Task<JsonObject> SignInAsync(string role)
    {
        var response = await PostJsonAsync("/api/auth/mock-login", new { role });
        var me = response.Ok().AsObject();
        _csrfToken = (string?)me["csrf_token"];
        return me;
    }

    /// <summary>Drops the session: from now on requests go without cookies, as a guest.</summary>
    public void SignOutLocally()
    {
        foreach (Cookie cookie in _cookies.GetAllCookies()) cookie.Expired = true;
        _csrfToken = null;
    }

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

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        // As curl does for large bodies: without it the server's 413 for an oversized body, and the connection close
        // after it, can arrive while the client is still writing, and the client sees a broken pipe, not the answer.
        if (content?.Headers.ContentLength > LargeBodyBytes) request.Headers.ExpectContinue = true;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        var target = new Uri(BaseAddress, path);
        var cookieHeader = _cookies.GetCookieHeader(target);
        if (cookieHeader.Length > 0) request.Headers.Add("Cookie", cookieHeader);
        if (_apiToken is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _apiToken);
        if (_csrfToken is not null && method != HttpMethod.Get && method != HttpMethod.Head) request.Headers.Add("X-CSRF-Token", _csrfToken);
        using var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies) _cookies.SetCookies(target, setCookie);
        }
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
