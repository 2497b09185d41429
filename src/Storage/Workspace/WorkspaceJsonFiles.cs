using System.Text.Json;

namespace Cockpit.Storage.Workspace;

/// <summary>
/// Reads the agent's JSON files (snake_case, as the reference agent writes them) into the orchestrator's own models,
/// so the orchestrator needs no reference to an agent's code.
/// </summary>
public static class WorkspaceJsonFiles
{
    public const string CheckpointFile = "checkpoint.json";
    public const string RequirementsFile = "output/requirements.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        MaxDepth = 32,
    };

    /// <exception cref="InvalidDataException">Not a checkpoint.</exception>
    public static WorkspaceCheckpoint ParseCheckpoint(string json)
    {
        var file = Deserialize<CheckpointShape>(json, CheckpointFile);
        return new WorkspaceCheckpoint(file.Workload, file.ProcessedUnits, file.TotalUnits, file.Requirements?.Count ?? 0,
            file.TokensUsed, file.SavedAt, file.Reason);
    }

    /// <exception cref="InvalidDataException">Not a requirements document.</exception>
    public static WorkspaceRequirements ParseRequirements(string json)
    {
        var file = Deserialize<RequirementsShape>(json, RequirementsFile);
        var items = (file.Requirements ?? [])
            .Select((r, i) => new WorkspaceRequirement(r.Id ?? $"{i + 1}", r.Text ?? "", r.Priority, r.Source))
            .ToList();
        return new WorkspaceRequirements(file.GeneratedAt, file.Count ?? items.Count, items);
    }

    private static T Deserialize<T>(string json, string name) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json) ?? throw new InvalidDataException($"{name} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name} is not valid: {e.Message}", e);
        }
    }

    // System.Text.Json binds to settable properties, so the file shapes get their own mutable types.
    private sealed class CheckpointShape
    {
        public string? Workload { get; set; }
        public int ProcessedUnits { get; set; }
        public int TotalUnits { get; set; }
        public List<RequirementEntry>? Requirements { get; set; }
        public long TokensUsed { get; set; }
        public DateTimeOffset? SavedAt { get; set; }
        public string? Reason { get; set; }
    }

    private sealed class RequirementsShape
    {
        public DateTimeOffset? GeneratedAt { get; set; }
        public int? Count { get; set; }
        public List<RequirementEntry>? Requirements { get; set; }
    }

    private sealed class RequirementEntry
    {
        public string? Id { get; set; }
        public string? Text { get; set; }
        public string? Priority { get; set; }
        public string? Source { get; set; }
    }
}
