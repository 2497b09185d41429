using System.Globalization;
using System.Text.Json;
using Cockpit.Agent.Requirements;
using Cockpit.Protocol;

namespace Cockpit.Agent.Workspace;

/// <summary>
/// The files of one job under <c>&lt;WORKSPACE_ROOT&gt;/job_&lt;id&gt;/</c>. The cockpit reads them while the job runs,
/// so whole-file writes go through a temporary file and a rename: a reader never sees half a file.
/// </summary>
public sealed class JobWorkspace
{
    public JobWorkspace(string workspaceRoot, Guid jobId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workspaceRoot);
        JobId = jobId;
        Directory = Path.GetFullPath(Path.Combine(workspaceRoot, $"job_{jobId}"));
    }

    public Guid JobId { get; }

    public string Directory { get; }

    public string RequestPath => Path.Combine(Directory, "job.json");

    public string PlanPath => Path.Combine(Directory, "plan.md");

    public string TodosPath => Path.Combine(Directory, "todos.yaml");

    public string LogPath => Path.Combine(Directory, "workspace.md");

    public string CheckpointPath => Path.Combine(Directory, "checkpoint.json");

    public string OutputDirectory => Path.Combine(Directory, "output");

    public string RequirementsPath => Path.Combine(OutputDirectory, "requirements.json");

    public bool HasCheckpoint => File.Exists(CheckpointPath) && File.Exists(RequestPath);

    /// <summary>
    /// Whether a resume has something to go on: a checkpoint, or the saved start request of a job that was stopped
    /// before its first checkpoint (it then runs from the beginning). A finished job (its output written, its
    /// checkpoint gone) is not run again by a resume.
    /// </summary>
    public bool CanResume => HasCheckpoint || (File.Exists(RequestPath) && !File.Exists(RequirementsPath));

    public void EnsureCreated() => System.IO.Directory.CreateDirectory(OutputDirectory);

    /// <summary>The start request is kept so that a resume (maybe in a restarted pod) knows what the job was.</summary>
    public Task SaveRequestAsync(JobStartRequest request, CancellationToken cancellationToken) =>
        WriteAtomicallyAsync(RequestPath, JsonSerializer.Serialize(request, AgentJson.Files), cancellationToken);

    public async Task<JobStartRequest> LoadRequestAsync(CancellationToken cancellationToken)
    {
        var json = await File.ReadAllTextAsync(RequestPath, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<JobStartRequest>(json, AgentJson.Files)
                ?? throw new InvalidDataException("job.json is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"job.json is not valid: {e.Message}", e);
        }
    }

    public Task WritePlanAsync(string markdown, CancellationToken cancellationToken) =>
        WriteAtomicallyAsync(PlanPath, markdown, cancellationToken);

    public Task SaveTodosAsync(TodoDocument todos, CancellationToken cancellationToken) =>
        WriteAtomicallyAsync(TodosPath, TodoYaml.Serialize(todos), cancellationToken);

    public async Task<TodoDocument?> LoadTodosAsync(CancellationToken cancellationToken) =>
        File.Exists(TodosPath) ? TodoYaml.Parse(await File.ReadAllTextAsync(TodosPath, cancellationToken)) : null;

    /// <summary>Appends a <c>## time — heading</c> section to workspace.md, starting the file with a title if needed.</summary>
    public async Task AppendLogAsync(string heading, string body, CancellationToken cancellationToken)
    {
        var time = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var text = $"## {time} — {heading}\n\n{body.TrimEnd()}\n\n";
        if (!File.Exists(LogPath)) text = $"# Workspace — job {JobId}\n\n" + text;
        await File.AppendAllTextAsync(LogPath, text, cancellationToken);
    }

    public Task SaveCheckpointAsync(JobCheckpoint checkpoint, CancellationToken cancellationToken) =>
        WriteAtomicallyAsync(CheckpointPath, CheckpointJson.Serialize(checkpoint), cancellationToken);

    public async Task<JobCheckpoint> LoadCheckpointAsync(CancellationToken cancellationToken) =>
        CheckpointJson.Parse(await File.ReadAllTextAsync(CheckpointPath, cancellationToken));

    /// <summary>
    /// A start (not a resume) begins from scratch: an old checkpoint, todo list or output of the same job would
    /// otherwise leak into the new run. workspace.md is kept as the job's history.
    /// </summary>
    public void ResetForFreshStart()
    {
        File.Delete(CheckpointPath);
        File.Delete(TodosPath);
        File.Delete(RequirementsPath);
    }

    /// <summary>A finished job's checkpoint would let someone "resume" it into a second copy of its output.</summary>
    public void DeleteCheckpoint() => File.Delete(CheckpointPath);

    public Task WriteRequirementsAsync(IReadOnlyList<ExtractedRequirement> requirements, CancellationToken cancellationToken)
    {
        var document = new RequirementsDocument(JobId, DateTimeOffset.UtcNow, requirements.Count, requirements);
        return WriteAtomicallyAsync(RequirementsPath, JsonSerializer.Serialize(document, AgentJson.Files), cancellationToken);
    }

    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, content, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
