using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Cockpit.AgentBridge.Outbound;

/// <summary>How the push HttpClient talks to pods: the socket handler's settings and the resilience pipeline.</summary>
internal static class AgentPushPipeline
{
    public const string ResiliencePipelineName = "agent-push";

    public static SocketsHttpHandler CreatePrimaryHandler(AgentBridgeOptions options) => new()
    {
        ConnectTimeout = options.PushConnectTimeout,

        // The guard approved one address. A redirect would send us to another one unchecked (a pod answering
        // 307 → http://169.254.169.254/ is the classic), and a proxy from HTTP_PROXY would make the proxy, not the
        // pod, the thing we connect to. Neither has a use on a pod network.
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    };

    /// <summary>
    /// Total timeout around retries around a per-attempt timeout. Deliberately no circuit breaker: the client is
    /// shared by every pod, and one dead pod must not open a circuit that stops pushes to the healthy ones.
    /// </summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, AgentBridgeOptions options)
    {
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "push-total", Timeout = options.PushTotalTimeout });

        // Polly requires at least one retry attempt, so "no retries" means no retry strategy at all.
        if (options.PushRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "push-retry",
                MaxRetryAttempts = options.PushRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.PushRetryDelayMilliseconds),
                MaxDelay = AgentBridgeOptions.MaxPushRetryDelay,

                // Pods are ours and the budget is short: a Retry-After of minutes would only run into the total timeout.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(
                    !args.Context.CancellationToken.IsCancellationRequested
                    && PushRetryPolicy.ShouldRetry(args.Context.GetRequestMessage()?.Method, args.Outcome)),
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "push-attempt", Timeout = options.PushAttemptTimeout });
    }
}
