using System.Net;
using System.Net.Http.Headers;

namespace Cockpit.Agent.Telemetry;

/// <summary>Posts one prepared batch to the orchestrator's telemetry endpoint.</summary>
public sealed class TelemetryClient(HttpClient http)
{
    public static string PathFor(Guid agentId) => $"api/agents/{agentId}/telemetry";

    /// <summary>The answer's status and the start of its body; network failures and timeouts come back as <see cref="TelemetrySendResult.Failure"/>.</summary>
    public async Task<TelemetrySendResult> SendAsync(Guid agentId, byte[] body, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        try
        {
            using var response = await http.PostAsync(PathFor(agentId), content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new TelemetrySendResult(response.StatusCode, text.Length <= 500 ? text : text[..500], null);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new TelemetrySendResult(null, null, e.Message);
        }
        finally
        {
            content.Dispose();
        }
    }
}
