using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using Cockpit.GraphQL.Transport.Execution;
using Cockpit.GraphQL.Transport.Http;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Cockpit.GraphQL.Transport.WebSockets.GraphQLWsProtocol;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>
/// One accepted graphql-transport-ws socket, from <c>connection_init</c> to close.
/// <list type="bullet">
/// <item>One writer: every frame goes through <see cref="GraphQLWsSender"/>'s queue; this class holds the protocol's
/// state (initialisation, the running operations) and decides what is sent.</item>
/// <item>The receive loop only parses and dispatches; the init hook and every operation run on their own tasks, so
/// pings, completes and further subscribes are handled while they work.</item>
/// <item>A close is requested once (the first reason wins), jumps the queue, and must finish its handshake within
/// <see cref="GraphQLTransportOptions.CloseHandshakeTimeout"/> or the socket is aborted.</item>
/// </list>
/// </summary>
public sealed class GraphQLWsConnection : IDisposable
{
    private readonly WebSocket _socket;
    private readonly HttpContext _httpContext;
    private readonly GraphQLTransportOptions _options;
    private readonly GraphQLRequestExecutor _executor;
    private readonly IGraphQLSerializer _serializer;
    private readonly GraphQLWsMessageWriter _writer;
    private readonly IServiceScopeFactory _scopes;
    private readonly IGraphQLWsConnectionInitHandler _initHandler;
    private readonly ILogger _logger;

    private readonly GraphQLWsSender _sender;
    private readonly ConcurrentDictionary<string, GraphQLWsOperation> _operations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<GraphQLWsOperation, byte> _running = new();

    /// <summary>Cancelled when the socket is done: stops operations, the init hook and the timers.</summary>
    private readonly CancellationTokenSource _lifetime = new();

    private int _initReceived;
    private volatile bool _acknowledged;
    private ClaimsPrincipal? _user;
    private Task _initHandling = Task.CompletedTask;

    internal GraphQLWsConnection(
        WebSocket socket,
        HttpContext httpContext,
        GraphQLTransportOptions options,
        GraphQLRequestExecutor executor,
        IGraphQLSerializer serializer,
        GraphQLWsMessageWriter writer,
        IServiceScopeFactory scopes,
        IGraphQLWsConnectionInitHandler initHandler,
        ILogger logger)
    {
        _socket = socket;
        _httpContext = httpContext;
        _options = options;
        _executor = executor;
        _serializer = serializer;
        _writer = writer;
        _scopes = scopes;
        _initHandler = initHandler;
        _logger = logger;
        _user = httpContext.User;
        _sender = new GraphQLWsSender(socket, options.SendQueueLimit, logger);
    }

    /// <summary>Runs the socket until it is closed by either side or the peer disappears.</summary>
    public async Task RunAsync()
    {
        var pump = _sender.PumpAsync();
        var initTimeout = CloseUnlessAcknowledgedAsync();
        var pings = PingAsync();
        try
        {
            await ReceiveAsync();
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            _logger.LogDebug(ex, "GraphQL WebSocket receive ended: {Reason}", ex.Message);
        }
        finally
        {
            // Echo a client's close, or close for a receive error; a no-op when a close was already requested.
            RequestClose(CloseCodes.Normal, "");
            await _lifetime.CancelAsync();
            foreach (var operation in _operations.Values)
            {
                operation.Cancel();
            }

            await pump;
            await Task.WhenAll(initTimeout, pings, _initHandling);
            // Cancelled operations end at once unless a resolver ignores its token; such a one must not hold the socket.
            await Task.WhenAny(
                Task.WhenAll(_running.Keys.Select(operation => operation.Completion)),
                Task.Delay(GraphQLTransportOptions.CloseHandshakeTimeout));
            if (_socket.State != WebSocketState.Closed)
            {
                _socket.Abort();
            }
        }
    }

    /// <summary>Closes the socket with this code once what is being sent has gone; the first request wins. Safe from any thread.</summary>
    public void RequestClose(int code, string reason) => _sender.RequestClose(code, reason);

    private bool IsClosing => _sender.IsClosing;

    private void Enqueue(byte[] frame) => _sender.Enqueue(frame);

    private async Task ReceiveAsync()
    {
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var message = new ArrayBufferWriter<byte>(4 * 1024);
        var tooBig = false;
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(chunk.AsMemory(), _sender.CloseDeadline);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                // Once closing, only the peer's close frame matters.
                if (IsClosing)
                {
                    continue;
                }

                if (!tooBig && message.WrittenCount + received.Count > _options.MaxRequestBytes)
                {
                    tooBig = true;
                    RequestClose(CloseCodes.MessageTooBig, $"Message exceeds {_options.MaxRequestBytes} bytes");
                }

                if (!tooBig)
                {
                    message.Write(chunk.AsSpan(0, received.Count));
                }

                if (!received.EndOfMessage)
                {
                    continue;
                }

                if (received.MessageType == WebSocketMessageType.Binary)
                {
                    RequestClose(CloseCodes.BadRequest, "Binary messages are not supported");
                }
                else if (!tooBig)
                {
                    Dispatch(message.WrittenSpan);
                }

                message.ResetWrittenCount();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private void Dispatch(ReadOnlySpan<byte> utf8)
    {
        if (!GraphQLWsMessageParser.TryParse(utf8, out var message, out var error))
        {
            RequestClose(CloseCodes.BadRequest, error!);
            return;
        }

        switch (message!.Type)
        {
            case MessageTypes.ConnectionInit:
                OnConnectionInit(message.Payload);
                break;
            case MessageTypes.Ping:
                Enqueue(GraphQLWsMessageWriter.PongFor(message.Payload));
                break;
            case MessageTypes.Pong:
                break;
            case MessageTypes.Subscribe:
                OnSubscribe(message.Id!, message.Payload!.Value);
                break;
            case MessageTypes.Complete:
                // Unknown ids are ignored: the operation may have finished while the client's complete was in flight.
                if (_operations.TryRemove(message.Id!, out var operation))
                {
                    operation.Cancel();
                }

                break;
        }
    }

    private void OnConnectionInit(JsonElement? payload)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            RequestClose(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        _initHandling = Task.Run(async () =>
        {
            GraphQLWsConnectionInitResult result;
            try
            {
                result = await _initHandler.OnConnectionInitAsync(_httpContext, payload, _lifetime.Token);
            }
            catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "GraphQL WebSocket connection_init hook failed");
                RequestClose(CloseCodes.InternalServerError, "Internal server error");
                return;
            }

            if (!result.Accepted)
            {
                RequestClose(CloseCodes.Forbidden, "Forbidden");
                return;
            }

            _user = result.User ?? _httpContext.User;
            // Acknowledged before the ack is queued: the client may subscribe the moment it reads the ack.
            _acknowledged = true;
            Enqueue(GraphQLWsMessageWriter.AckWith(result.AckPayload));
        });
    }

    private void OnSubscribe(string id, JsonElement payload)
    {
        if (!_acknowledged)
        {
            RequestClose(CloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        var operation = new GraphQLWsOperation(id, _lifetime.Token);
        if (!_operations.TryAdd(id, operation))
        {
            operation.Dispose();
            RequestClose(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        if (_operations.Count > _options.MaxOperationsPerSocket)
        {
            _operations.TryRemove(KeyValuePair.Create(id, operation));
            operation.Dispose();
            var error = new ExecutionError($"This socket already runs {_options.MaxOperationsPerSocket} operations (GRAPHQL_WS_MAX_OPERATIONS).")
            {
                Code = WebSocketErrorCodes.TooManyOperations,
            };
            Enqueue(_writer.Error(id, [error]));
            return;
        }

        _running.TryAdd(operation, 0);
        operation.Start(op => RunOperationAsync(op, payload));
    }

    private async Task RunOperationAsync(GraphQLWsOperation operation, JsonElement payload)
    {
        try
        {
            GraphQLRequest request;
            try
            {
                request = GraphQLWsMessageParser.ToRequest(payload, _serializer);
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException or OverflowException)
            {
                SendError(operation, [new ExecutionError($"The variables or extensions cannot be read: {ex.Message}") { Code = TransportErrorCodes.InvalidRequest }]);
                return;
            }

            // A scope per operation: a subscription's resolvers keep theirs for as long as it streams.
            await using var scope = _scopes.CreateAsyncScope();
            var result = await _executor.ExecuteAsync(request, scope.ServiceProvider, _user, extraRule: null, operation.Token);
            if (result.Streams is { Count: > 0 } streams)
            {
                // Validation allows a subscription exactly one root field, hence one stream.
                await ForwardAsync(operation, streams.Values.First());
            }
            else if (!result.Executed || result.Operation?.Operation == OperationType.Subscription)
            {
                // Invalid document, or a subscription whose source stream could not be created.
                SendError(operation, result.Errors);
            }
            else
            {
                SendNext(operation, result);
                SendComplete(operation);
            }
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            // Completed by the client, or the socket ended.
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "GraphQL WebSocket operation {OperationId} failed", operation.Id);
            SendError(operation, [new ExecutionError("Internal server error.") { Code = WebSocketErrorCodes.InternalServerError }]);
        }
        finally
        {
            _operations.TryRemove(KeyValuePair.Create(operation.Id, operation));
            _running.TryRemove(operation, out _);
            operation.Dispose();
        }
    }

    private async Task ForwardAsync(GraphQLWsOperation operation, IObservable<ExecutionResult> stream)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = stream.Subscribe(new GraphQLWsStreamObserver(this, operation, ended));
        await using var registration = operation.Token.Register(() => ended.TrySetResult());
        await ended.Task;
    }

    private bool IsActive(GraphQLWsOperation operation) =>
        _operations.TryGetValue(operation.Id, out var current) && ReferenceEquals(current, operation);

    internal void SendNext(GraphQLWsOperation operation, ExecutionResult result)
    {
        if (IsActive(operation))
        {
            Enqueue(_writer.Next(operation.Id, result));
        }
    }

    /// <summary>Completes only an operation still registered: none after the client's complete, none after an error.</summary>
    internal void SendComplete(GraphQLWsOperation operation)
    {
        if (_operations.TryRemove(KeyValuePair.Create(operation.Id, operation)))
        {
            Enqueue(GraphQLWsMessageWriter.Complete(operation.Id));
        }
    }

    /// <summary>Ends the operation with an <c>error</c> message, which the protocol does not follow with <c>complete</c>.</summary>
    internal void SendError(GraphQLWsOperation operation, IEnumerable<ExecutionError>? errors)
    {
        if (_operations.TryRemove(KeyValuePair.Create(operation.Id, operation)))
        {
            Enqueue(_writer.Error(operation.Id, errors));
        }
    }

    private async Task CloseUnlessAcknowledgedAsync()
    {
        try
        {
            await Task.Delay(_options.ConnectionInitTimeout, _lifetime.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (!_acknowledged)
        {
            RequestClose(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private async Task PingAsync()
    {
        if (_options.PingInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_lifetime.Token))
            {
                if (_acknowledged)
                {
                    Enqueue(GraphQLWsMessageWriter.Ping);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The socket ended.
        }
    }

    public void Dispose()
    {
        _lifetime.Dispose();
        _sender.Dispose();
    }
}
