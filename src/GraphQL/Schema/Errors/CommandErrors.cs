using Cockpit.Grains;
using GraphQL;

namespace Cockpit.GraphQL.Schema.Errors;

/// <summary>The one mapping from a grain command's outcome to a GraphQL error code (REST's JobCommandResults.FromCommand, in codes).</summary>
public static class CommandErrors
{
    public static string CodeOf(CommandStatus status) => status switch
    {
        CommandStatus.NotFound => ErrorCodes.NotFound,
        CommandStatus.Conflict or CommandStatus.Forbidden => ErrorCodes.Conflict,
        CommandStatus.AgentUnreachable => ErrorCodes.AgentUnreachable,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not an error status"),
    };

    public static ExecutionError ToError(CommandStatus status, string? message) =>
        new(message ?? CodeOf(status).ToLowerInvariant().Replace('_', ' ')) { Code = CodeOf(status) };

    public static ExecutionError NotFound(string message) => new(message) { Code = ErrorCodes.NotFound };
}
