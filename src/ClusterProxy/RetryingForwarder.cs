using System.Diagnostics;
using System.Net;
using Yarp.ReverseProxy.Forwarder;

namespace Cockpit.ClusterProxy;

/// <summary>
/// Forwards a request (WebSocket upgrades included) to one silo after another in <see cref="DestinationPool.AttemptOrder"/>
/// until one answers. It moves on only as <see cref="RetryRule"/> allows; a silo's own answer, errors included, is
/// passed back as it is. Requests that may be repeated are buffered (they are small) so their body can be sent again.
/// </summary>
public sealed partial class RetryingForwarder : IDisposable
{
    /// <summary>
    /// Idle time after which YARP gives up on a request or a WebSocket without traffic. Long, because GraphQL
    /// subscriptions can be quiet for minutes; the silos bound their own request handling.
    /// </summary>
    public static readonly TimeSpan ActivityTimeout = TimeSpan.FromMinutes(15);

    private readonly IHttpForwarder _forwarder;
    private readonly DestinationPool _pool;
    private readonly ILogger<RetryingForwarder> _logger;
    private readonly HttpMessageInvoker _client;
    private readonly Dictionary<DestinationAddress, SiloTransformer> _transformers;
    private readonly ForwarderRequestConfig _requestConfig = new()
    {
        ActivityTimeout = ActivityTimeout,
        // Silos speak HTTP/1.1 over plain TCP; WebSockets then arrive as HTTP/1.1 upgrades.
        Version = HttpVersion.Version11,
        VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    };

    public RetryingForwarder(IHttpForwarder forwarder, DestinationPool pool, ProxyOptions settings, ILogger<RetryingForwarder> logger)
    {
        _forwarder = forwarder;
        _pool = pool;
        _logger = logger;
        _transformers = pool.Destinations.ToDictionary(d => d, d => new SiloTransformer(d.Name));
        _client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = settings.ConnectTimeout,
            ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
        });
    }

    public async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (hasBody && RetryRule.IsSafeToRepeat(request.Method, request.Path.Value)) request.EnableBuffering();

        foreach (var destination in _pool.AttemptOrder())
        {
            var error = await _forwarder.SendAsync(context, destination.Prefix, _client, _requestConfig, _transformers[destination]);
            var exception = context.GetForwarderErrorFeature()?.Exception;
            var unanswered = RetryRule.FailedBeforeAnyAnswer(error) || RetryRule.NeverReachedTheSilo(error, exception);
            _pool.Count(destination, answered: !unanswered);
            if (error == ForwarderError.None) return;

            if (unanswered)
            {
                // The silo did not answer at all: most likely it is gone. The prober brings it back when it answers again.
                if (_pool.Report(destination, healthy: false, exception?.Message ?? error.ToString()))
                {
                    LogDown(_logger, destination.Name, destination.Prefix, exception?.Message);
                }
            }
            if (!RetryRule.MayTryNext(request.Method, request.Path.Value, error, exception)
                || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
            {
                LogFailed(_logger, request.Method, request.Path, destination.Name, error, exception?.Message);
                return;
            }

            // No answer was passed on: undo the 502 the forwarder prepared, rewind the body and try the next silo.
            context.Response.Clear();
            context.Features.Set<IForwarderErrorFeature>(null);
            if (request.Body.CanSeek) request.Body.Position = 0;
        }

        if (!context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            await context.Response.WriteAsync("No silo could be reached.\n");
        }
    }

    public void Dispose() => _client.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Name} ({Url}) did not answer: {Reason}")]
    private static partial void LogDown(ILogger logger, string name, string url, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} failed on {Name}: {Error} {Reason}")]
    private static partial void LogFailed(ILogger logger, string method, string path, string name, ForwarderError error, string? reason);
}
