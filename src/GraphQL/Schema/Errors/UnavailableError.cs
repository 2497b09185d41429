using GraphQL;

namespace Cockpit.GraphQL.Schema.Errors;

/// <summary>The error a field answers with when the database or the cluster is unavailable (<see cref="ErrorCodes.Unavailable"/>).</summary>
public static class UnavailableError
{
    public const string Message = "the database or the cluster is not available right now; nothing was changed, retry shortly";

    public static ExecutionError Create() => new(Message) { Code = ErrorCodes.Unavailable };
}
