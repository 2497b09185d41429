using System.Diagnostics;
using Cockpit.Security;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Cockpit.Silo.Mcp;

/// <summary>
/// Every <c>tools/call</c> passes through here before its tool runs, whichever tool it names: the one place for rules
/// about who may call what. The endpoint itself needs the viewer role (every tool reads); tools in
/// <see cref="AdminTools"/> need the admin role of the caller's session (or of a guest). Then the arguments are checked
/// against the tool's input schema (<see cref="ToolArgumentCheck"/>), and each call's tool, outcome and duration logged.
/// </summary>
public static partial class McpToolCallGate
{
    /// <summary>Tools that read beyond the cockpit's own views: the database browser is for admins, as in REST and GraphQL.</summary>
    public static IReadOnlySet<string> AdminTools { get; } = new HashSet<string>(StringComparer.Ordinal) { McpToolNames.QueryTable };

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var started = Stopwatch.GetTimestamp();
            CallToolResult result;
            if (context.Params?.Name is { } name && AdminTools.Contains(name) && !await IsAdminAsync(context))
            {
                result = ToolResults.Error($"Forbidden: {name} needs the admin role.");
            }
            else if (context.MatchedPrimitive is McpServerTool tool
                && ToolArgumentCheck.Check(tool.ProtocolTool.InputSchema, context.Params?.Arguments) is { Count: > 0 } errors)
            {
                result = ToolResults.Invalid(errors);
            }
            else
            {
                result = await next(context, cancellationToken);
            }
            var logger = context.Services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(McpToolCallGate).FullName!);
            if (logger is not null)
            {
                LogCall(logger, context.Params?.Name, result.IsError == true ? "error" : "ok", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return result;
        };

    private static async Task<bool> IsAdminAsync(RequestContext<CallToolRequestParams> context)
    {
        var authorization = context.Services?.GetService<IAuthorizationService>();
        if (authorization is null || context.User is null) return false;
        return (await authorization.AuthorizeAsync(context.User, resource: null, CockpitPolicies.Admin)).Succeeded;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP tool {Tool}: {Outcome} in {ElapsedMs:0} ms")]
    private static partial void LogCall(ILogger logger, string? tool, string outcome, double elapsedMs);
}
