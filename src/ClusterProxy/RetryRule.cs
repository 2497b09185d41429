using System.Text.RegularExpressions;
using Yarp.ReverseProxy.Forwarder;

namespace Cockpit.ClusterProxy;

/// <summary>
/// When a request that failed on one silo may be sent to the next. Always when it never reached the silo (connection
/// refused or not established in time). When it may have reached it — a reused connection reset by a silo that just
/// died, before any answer — only if repeating it is harmless: GET, HEAD, OPTIONS, PUT, DELETE, and the agent
/// protocol's register and heartbeat POSTs, which the seed's protocol makes idempotent (same hostname, same agent;
/// a heartbeat reports a state). Other POSTs (creating a job, uploading) are never repeated: the silo may have acted.
/// </summary>
public static partial class RetryRule
{
    /// <summary>True when the request may be sent again after <paramref name="error"/>, given what it is.</summary>
    public static bool MayTryNext(string method, string? path, ForwarderError error, Exception? exception) =>
        NeverReachedTheSilo(error, exception) || (IsSafeToRepeat(method, path) && FailedBeforeAnyAnswer(error));

    /// <summary>True when repeating the request on another silo cannot do anything twice that matters.</summary>
    public static bool IsSafeToRepeat(string method, string? path) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
        || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method)
        || (HttpMethods.IsPost(method) && path is not null && AgentProtocolPost().IsMatch(path));

    /// <summary>True when the forwarder failed before the request left for the silo: connection refused or timed out.</summary>
    public static bool NeverReachedTheSilo(ForwarderError error, Exception? exception) => error switch
    {
        ForwarderError.Request => exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError },
        // SocketsHttpHandler reports its ConnectTimeout as a cancellation caused by a TimeoutException.
        ForwarderError.RequestTimedOut => exception is OperationCanceledException { InnerException: TimeoutException },
        _ => false,
    };

    /// <summary>True when the connection to the silo failed while sending the request or waiting for the answer's headers.</summary>
    public static bool FailedBeforeAnyAnswer(ForwarderError error) => error is ForwarderError.Request or ForwarderError.RequestBodyDestination;

    [GeneratedRegex("^/api/agents/(register|[^/]+/heartbeat)/?$", RegexOptions.IgnoreCase)]
    private static partial Regex AgentProtocolPost();
}
