using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Cockpit.AgentBridge.Outbound;

/// <summary>
/// Which failed push attempts may be repeated.
/// </summary>
/// <remarks>
/// GET (/status, /health) changes nothing on the pod, so any transient failure is retried: 5xx, 408, 429,
/// timeouts, connection errors.
/// POST (/job/start, /job/cancel, /job/resume) is retried only when the request provably never reached the pod: the
/// TCP connection was refused, could not be made in time, or the name did not resolve. Once bytes may have reached
/// the pod, a second POST could act twice: the seed does not require /job/start to be idempotent, and an agent that
/// started the job before failing to answer would start it again, or answer 409 busy to its own job. A pod that
/// answered 5xx, reset the connection mid-request or went silent past the attempt timeout may have acted, so the
/// first answer stands and the caller (the job's grain) decides.
/// </remarks>
internal static class PushRetryPolicy
{
    public static bool ShouldRetry(HttpMethod? method, Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } exception && NeverReachedPod(exception))
        {
            return true;
        }

        return IsSafe(method) && HttpClientResiliencePredicates.IsTransient(outcome);
    }

    /// <summary>Methods that cannot change the pod's state. An unknown method is treated as unsafe.</summary>
    public static bool IsSafe(HttpMethod? method) => method == HttpMethod.Get || method == HttpMethod.Head;

    /// <summary>True when the failure happened before a connection to the pod existed, so nothing was sent.</summary>
    public static bool NeverReachedPod(Exception exception) => exception switch
    {
        // SocketsHttpHandler uses ConnectionError only for failures while establishing the connection.
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,

        // SocketsHttpHandler.ConnectTimeout surfaces as a cancellation wrapping a TimeoutException. Inside the handler
        // chain nothing else has that shape: the resilience timeouts throw TimeoutRejectedException, and
        // HttpClient.Timeout (disabled here anyway) acts outside the handlers.
        OperationCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };
}
