using System.Text.Json;
using Cockpit.Storage.Telemetry.Audit;
using Cockpit.Storage.Telemetry.Graph;

namespace Cockpit.Storage.Tests.Telemetry;

/// <summary>Builders of telemetry records for the tests.</summary>
internal static class TelemetrySamples
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static JsonElement Message(string role, string content) =>
        JsonSerializer.SerializeToElement(new { role, content });

    public static JsonElement Request(params JsonElement[] messages) =>
        JsonSerializer.SerializeToElement(new { model = "gpt-test", messages, @params = new { temperature = 0 } });

    public static JsonElement Answer(string content) =>
        JsonSerializer.SerializeToElement(new { id = "x", choices = new[] { new { index = 0, message = new { role = "assistant", content } } } });

    public static AuditEntry Llm(Guid jobId, DateTimeOffset at, JsonElement request, JsonElement? response, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), jobId, Guid.NewGuid(), AuditStepTypes.Llm, at, "gpt-test", null, request, response, 120, 10, 5, null);

    public static AuditEntry Step(Guid jobId, string stepType, DateTimeOffset at, Guid? id = null, Guid? agentId = null, string? name = null) =>
        new(id ?? Guid.NewGuid(), jobId, agentId ?? Guid.NewGuid(), stepType, at, name ?? stepType + "-step", "summary", null, null, null, null, null, null);

    public static GraphMutation Node(string op, string id, DateTimeOffset at, string? properties = null, string[]? labels = null, Guid? jobId = null) =>
        new(0, jobId ?? Guid.Empty, op, id, labels, null, null, null, properties is null ? null : Json(properties), at, Guid.Empty);

    public static GraphMutation Edge(string op, string id, DateTimeOffset at, string? type = null, string? from = null, string? to = null,
        string? properties = null, Guid? jobId = null) =>
        new(0, jobId ?? Guid.Empty, op, id, null, type, from, to, properties is null ? null : Json(properties), at, Guid.Empty);
}
