using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Storage.Tests.Telemetry;

/// <summary>The silo's JSON rules (ApiJson lives in AgentBridge, which these tests do not reference): snake_case, strict numbers.</summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
