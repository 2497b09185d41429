namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>
/// One running operation of a socket. The connection keys its table by id, but removes an entry only together with
/// this object, so the cleanup of an operation the client completed cannot remove a newer one that reuses its id.
/// </summary>
public sealed class GraphQLWsOperation : IDisposable
{
    private readonly CancellationTokenSource _cancellation;

    public GraphQLWsOperation(string id, CancellationToken connectionToken)
    {
        Id = id;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(connectionToken);
    }

    public string Id { get; }

    /// <summary>Cancelled when the client completes the operation or the socket ends.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>The task executing the operation; set once it starts.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start(Func<GraphQLWsOperation, Task> run) => Completion = Task.Run(() => run(this));

    public void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The operation ended on its own between the client's complete and this call: nothing left to stop.
        }
    }

    public void Dispose() => _cancellation.Dispose();
}
