using GraphQL;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>Turns a subscription's event stream into next / error / complete messages of one operation.</summary>
internal sealed class GraphQLWsStreamObserver(GraphQLWsConnection connection, GraphQLWsOperation operation, TaskCompletionSource ended)
    : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value) => connection.SendNext(operation, value);

    public void OnError(Exception error)
    {
        var executionError = error as ExecutionError
            ?? new ExecutionError("The event stream failed.") { Code = WebSocketErrorCodes.InternalServerError };
        connection.SendError(operation, [executionError]);
        ended.TrySetResult();
    }

    public void OnCompleted()
    {
        connection.SendComplete(operation);
        ended.TrySetResult();
    }
}
