using System.Globalization;
using System.Net.Sockets;
using Polly.Timeout;

namespace Cockpit.AgentBridge.Outbound;

/// <summary>
/// Turns a failed push into the short reason a person reads in the cockpit ("connection refused"), rather than a
/// .NET exception message that names internals and changes between runtime versions.
/// </summary>
internal static class PushFailures
{
    /// <summary>The failures that mean "no usable answer from the pod"; anything else is a bug and propagates.</summary>
    public static bool IsNetworkFailure(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or OperationCanceledException or IOException or SocketException;

    public static string Describe(Exception exception, TimeSpan connectTimeout) => exception switch
    {
        TimeoutRejectedException timeout => $"no answer within {Seconds(timeout.Timeout)}",
        OperationCanceledException { InnerException: TimeoutException } => $"could not connect within {Seconds(connectTimeout)}",
        OperationCanceledException => "the request was cancelled",
        HttpRequestException http when FindSocketError(http) is { } socketError => Describe(socketError),
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "the connection closed before a full answer",
        HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse } => "the answer was not valid HTTP",
        HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } => "the answer's headers were too large",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "could not connect",
        SocketException socket => Describe(socket.SocketErrorCode),
        IOException io when FindSocketError(io) is { } socketError => Describe(socketError),
        _ => exception.Message,
    };

    public static string Seconds(TimeSpan duration) => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###} s");

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset",
        SocketError.ConnectionAborted => "connection aborted",
        SocketError.HostUnreachable => "host unreachable",
        SocketError.NetworkUnreachable => "network unreachable",
        SocketError.HostDown => "host down",
        SocketError.TimedOut => "connect timed out",
        SocketError.AddressNotAvailable => "address not available",
        SocketError.AccessDenied => "connection not permitted",
        _ => $"socket error {error}",
    };

    private static SocketError? FindSocketError(Exception exception)
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }
}
