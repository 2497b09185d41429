using System.Text.Json;

namespace Cockpit.Agent.Workspace;

/// <summary>checkpoint.json's text form, with the consistency checks a resume relies on.</summary>
public static class CheckpointJson
{
    public static string Serialize(JobCheckpoint checkpoint) => JsonSerializer.Serialize(checkpoint, AgentJson.Files);

    /// <exception cref="InvalidDataException">The text is no usable checkpoint.</exception>
    public static JobCheckpoint Parse(string json)
    {
        JobCheckpoint? checkpoint;
        try
        {
            checkpoint = JsonSerializer.Deserialize<JobCheckpoint>(json, AgentJson.Files);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"checkpoint.json is not valid: {e.Message}", e);
        }
        if (checkpoint is null) throw new InvalidDataException("checkpoint.json is empty");
        if (checkpoint.ProcessedUnits < 0 || checkpoint.ProcessedUnits > checkpoint.TotalUnits)
            throw new InvalidDataException(
                $"checkpoint.json says {checkpoint.ProcessedUnits} of {checkpoint.TotalUnits} units were processed");
        return checkpoint;
    }
}
