using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using static Cockpit.GraphQL.Transport.WebSockets.GraphQLWsProtocol;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>
/// The sending half of one graphql-transport-ws socket: every frame, the close frame included, goes through one bounded
/// queue drained by one pump, so two sends never overlap (WebSocket forbids it) and a slow reader costs at most
/// GRAPHQL_WS_SEND_QUEUE_LIMIT frames before it is closed with 1008. It knows nothing of the protocol's messages;
/// <see cref="GraphQLWsConnection"/> decides what is sent.
/// </summary>
internal sealed class GraphQLWsSender : IDisposable
{
    private readonly WebSocket _socket;
    private readonly int _queueLimit;
    private readonly ILogger _logger;
    private readonly Channel<byte[]> _outbox;

    /// <summary>Fires <see cref="GraphQLTransportOptions.CloseHandshakeTimeout"/> after a close was requested, aborting I/O stuck on a dead peer.</summary>
    private readonly CancellationTokenSource _closeDeadline = new();

    private CloseRequest? _close;

    public GraphQLWsSender(WebSocket socket, int queueLimit, ILogger logger)
    {
        _socket = socket;
        _queueLimit = queueLimit;
        _logger = logger;
        _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(queueLimit)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: "full" is reported, never waited on
        });
    }

    /// <summary>Cancelled when a requested close missed its handshake deadline; socket I/O uses it.</summary>
    public CancellationToken CloseDeadline => _closeDeadline.Token;

    public bool IsClosing => Volatile.Read(ref _close) is not null;

    /// <summary>Queues a frame; after a close was requested frames are dropped, and a full queue closes the socket.</summary>
    public void Enqueue(byte[] frame)
    {
        if (IsClosing)
        {
            return;
        }

        if (!_outbox.Writer.TryWrite(frame) && !IsClosing)
        {
            _logger.LogWarning("GraphQL WebSocket client reads too slowly: {Limit} messages queued; closing it", _queueLimit);
            RequestClose(CloseCodes.PolicyViolation, "Send queue overflow: the client reads too slowly");
        }
    }

    /// <summary>
    /// Asks the pump to send a close frame ahead of anything still queued; the first request wins. Safe from any thread.
    /// </summary>
    public void RequestClose(int code, string reason)
    {
        var request = new CloseRequest(code, CloseReason.Truncate(reason));
        if (Interlocked.CompareExchange(ref _close, request, null) is not null)
        {
            return;
        }

        try
        {
            _closeDeadline.CancelAfter(GraphQLTransportOptions.CloseHandshakeTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The connection already finished; there is nothing left to close.
        }

        _outbox.Writer.TryComplete();
    }

    /// <summary>Sends queued frames until a close is requested, then the close frame; aborts the socket on a send failure.</summary>
    public async Task PumpAsync()
    {
        var reader = _outbox.Reader;
        try
        {
            while (!IsClosing && await reader.WaitToReadAsync())
            {
                while (!IsClosing && reader.TryRead(out var frame))
                {
                    await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, _closeDeadline.Token);
                }
            }

            var close = Volatile.Read(ref _close) ?? new CloseRequest(CloseCodes.Normal, "");
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)close.Code, close.Reason, _closeDeadline.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The peer is gone or missed the close deadline; aborting also ends a receive still waiting on it.
            _logger.LogDebug(ex, "GraphQL WebSocket send ended: {Reason}", ex.Message);
            _socket.Abort();
        }
    }

    public void Dispose() => _closeDeadline.Dispose();

    private sealed record CloseRequest(int Code, string Reason);
}
