using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cockpit.AgentBridge.Networks;
using Cockpit.AgentBridge.Security;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Ports;
using Cockpit.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.AgentBridge.Outbound;

/// <summary>
/// Pushes job commands to agent pods over the seed's protocol (POST /job/start, /job/cancel, /job/resume and
/// GET /status, /health on http://&lt;pod_ip&gt;:&lt;pod_port&gt;).
/// </summary>
/// <remarks>
/// Every call first asks the <see cref="DestinationGuard"/>; a refused address is answered Forbidden without a byte
/// on the network. With AGENT_REGISTRATION_TOKEN set every request carries <c>Authorization: Bearer</c> with the
/// token of the agent the address names (<see cref="AgentTokens"/>), so a pod can tell our pushes from anyone's. Network failures never throw: they come back as Unreachable with a reason a person can read.
/// Cancellation by the caller does throw <see cref="OperationCanceledException"/>, as callers expect.
/// Timeouts and retries come from the resilience pipeline (see <see cref="AgentPushPipeline"/> and
/// <see cref="PushRetryPolicy"/> for which failures are repeated, and why POSTs almost never are).
/// </remarks>
public sealed class AgentPodClient : IAgentPodClient
{
    /// <summary>The IHttpClientFactory name of the push client, for adding handlers (tests count attempts with one).</summary>
    public const string HttpClientName = "Cockpit.AgentBridge.Push";

    // Nulls are left out rather than sent: the seed marks these fields optional, and an agent with a non-nullable
    // default (context: dict = {}) accepts a missing field but may reject an explicit null.
    private static readonly JsonSerializerOptions WireJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly HttpClient _http;
    private readonly DestinationGuard _guard;
    private readonly AgentTokens _tokens;
    private readonly AgentBridgeOptions _options;
    private readonly ILogger<AgentPodClient> _logger;

    public AgentPodClient(HttpClient http, DestinationGuard guard, AgentTokens tokens, IOptions<AgentBridgeOptions> options, ILogger<AgentPodClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _http = http;
        _guard = guard;
        _tokens = tokens;
        _options = options.Value;
        _logger = logger;
    }

    public Task<PodCommandResult> StartJobAsync(PodAddress pod, JobSpec job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!TryParseContext(job.ContextJson, out var context))
        {
            // The pod would refuse it too; saying so without sending keeps the reason ours and exact.
            return Task.FromResult(new PodCommandResult(PodCommandOutcome.Rejected, "not sent: the job's context is not a JSON object"));
        }

        var request = new JobStartRequest
        {
            JobId = job.JobId,
            Prompt = job.Prompt,
            DocumentPath = job.DocumentPath,
            DocumentDir = job.DocumentDir,
            ConfigName = job.ConfigName,
            Context = context,
            Instructions = job.Instructions,
        };
        return SendAsync(pod, HttpMethod.Post, ProtocolPaths.JobStart, JsonSerializer.SerializeToUtf8Bytes(request, WireJson), cancellationToken);
    }

    public Task<PodCommandResult> CancelJobAsync(PodAddress pod, Guid jobId, CancellationToken cancellationToken) =>
        SendAsync(pod, HttpMethod.Post, ProtocolPaths.JobCancel, CommandBody(jobId), cancellationToken);

    public Task<PodCommandResult> ResumeJobAsync(PodAddress pod, Guid jobId, CancellationToken cancellationToken) =>
        SendAsync(pod, HttpMethod.Post, ProtocolPaths.JobResume, CommandBody(jobId), cancellationToken);

    /// <summary>GET /status: Accepted with Detail = the status the agent reports (null if it reported none).</summary>
    public Task<PodCommandResult> GetStatusAsync(PodAddress pod, CancellationToken cancellationToken) =>
        SendAsync(pod, HttpMethod.Get, ProtocolPaths.Status, body: null, cancellationToken);

    /// <summary>GET /health: Accepted when the pod answers 2xx, with its status word when the body carries one.</summary>
    public Task<PodCommandResult> CheckHealthAsync(PodAddress pod, CancellationToken cancellationToken) =>
        SendAsync(pod, HttpMethod.Get, ProtocolPaths.Health, body: null, cancellationToken);

    private static byte[] CommandBody(Guid jobId) => JsonSerializer.SerializeToUtf8Bytes(new JobCommandRequest { JobId = jobId }, WireJson);

    private static bool TryParseContext(string? contextJson, out Dictionary<string, JsonElement>? context)
    {
        context = null;
        if (string.IsNullOrWhiteSpace(contextJson))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(contextJson);
            switch (document.RootElement.ValueKind)
            {
                case JsonValueKind.Null:
                    return true;
                case JsonValueKind.Object:
                    context = document.RootElement.Deserialize<Dictionary<string, JsonElement>>();
                    return true;
                default:
                    return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task<PodCommandResult> SendAsync(PodAddress pod, HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        cancellationToken.ThrowIfCancellationRequested();

        var check = _guard.Check(pod);
        if (!check.IsAllowed)
        {
            _logger.LogWarning("Push {Method} {Path} not sent: {Reason}", method, path, check.Reason);
            return new PodCommandResult(PodCommandOutcome.Forbidden, check.Reason);
        }

        // Built from the approved address, never from the text the agent registered.
        var target = new Uri($"http://{new IPEndPoint(check.Address, pod.Port)}{path}");
        using var request = new HttpRequestMessage(method, target);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (pod.AgentId != Guid.Empty && _tokens.IssueFor(pod.AgentId) is { } token)
        {
            // Set on the request, not the shared client: each pod gets its own agent's token, and retries resend it.
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(Secrets.Bearer(token));
        }
        if (body is not null)
        {
            // Bytes with a Content-Length rather than a streamed JsonContent: simple agent servers mishandle chunked
            // bodies, and a buffered body can be sent again when a retry is allowed.
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (PushFailures.IsNetworkFailure(ex))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reason = $"agent pod {pod} unreachable: {PushFailures.Describe(ex, _options.PushConnectTimeout)}";
            _logger.LogWarning("Push {Method} {Path} failed: {Reason}", method, path, reason);
            return new PodCommandResult(PodCommandOutcome.Unreachable, reason);
        }

        using (response)
        {
            var answer = await PodAnswer.ReadAsync(response, _options.PushAttemptTimeout, cancellationToken);
            var result = Map(pod, answer, response.ReasonPhrase);
            if (result.IsAccepted)
            {
                _logger.LogDebug("Push {Method} {Path} to {Pod} accepted: {PodStatus}", method, path, pod, result.Detail);
            }
            else
            {
                _logger.LogWarning("Push {Method} {Path} to {Pod} {Outcome}: {Reason}", method, path, pod, result.Outcome, result.Detail);
            }

            return result;
        }
    }

    private static PodCommandResult Map(PodAddress pod, PodAnswer answer, string? reasonPhrase)
    {
        var code = answer.Code;
        if (code is >= 200 and < 300)
        {
            return PodCommandResult.Accepted(answer.StatusWord);
        }

        var explanation = answer.Explanation(reasonPhrase);
        var said = explanation is null ? $"answered {code}" : $"answered {code}: {explanation}";
        if (code >= 500)
        {
            // The pod is there but cannot serve: for the caller that is the same as not reaching it (try later).
            return new PodCommandResult(PodCommandOutcome.Unreachable, $"agent pod {pod} unreachable: {said}");
        }

        // 4xx is a refusal that repeating will not change; 1xx/3xx land here too because redirects are not followed.
        return new PodCommandResult(PodCommandOutcome.Rejected, $"agent {said}");
    }
}
