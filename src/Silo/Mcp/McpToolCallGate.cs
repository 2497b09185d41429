using System.Diagnostics;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Cockpit.Silo.Mcp;

/// <summary>
/// Every <c>tools/call</c> passes through here before its tool runs, whichever tool it names: the one place for rules
/// about who may call what (the hardening issue adds role checks here, e.g. <see cref="McpToolNames.QueryTable"/> for
/// admins only, from <c>context.User</c>). Today it checks the arguments against the tool's input schema
/// (<see cref="ToolArgumentCheck"/>) and records each call's tool, outcome and duration.
/// </summary>
public static partial class McpToolCallGate
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var started = Stopwatch.GetTimestamp();
            var result = context.MatchedPrimitive is McpServerTool tool
                && ToolArgumentCheck.Check(tool.ProtocolTool.InputSchema, context.Params?.Arguments) is { Count: > 0 } errors
                    ? ToolResults.Invalid(errors)
                    : await next(context, cancellationToken);
            var logger = context.Services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(McpToolCallGate).FullName!);
            if (logger is not null)
            {
                LogCall(logger, context.Params?.Name, result.IsError == true ? "error" : "ok", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return result;
        };

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP tool {Tool}: {Outcome} in {ElapsedMs:0} ms")]
    private static partial void LogCall(ILogger logger, string? tool, string outcome, double elapsedMs);
}
