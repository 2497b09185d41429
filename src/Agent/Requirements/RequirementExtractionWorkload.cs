using System.Text;
using Cockpit.Agent.Jobs;
using Cockpit.Agent.Workspace;
using Cockpit.Protocol;

namespace Cockpit.Agent.Requirements;

/// <summary>
/// The default, network-free workload: finds shall/must/should sentences in the documents and the prompt and
/// processes them one at a time (with AGENT_WORK_DELAY_MS between them) so that progress can be watched.
/// One unit of work is one requirement.
/// </summary>
public sealed class RequirementExtractionWorkload : IJobWorkload
{
    public const string WorkloadName = "requirements-extraction";

    private const string ReadStep = "Read the documents";
    private const string FindStep = "Find requirement sentences (shall / must / should)";
    private const string ProcessStep = "Process the requirements one by one";
    private const string WriteStep = "Write output/requirements.json";

    public string Name => WorkloadName;

    public async Task<JobOutcome> RunAsync(JobExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var request = execution.Request;
        var workspace = execution.Workspace;
        var checkpoint = execution.Checkpoint?.EnsureWrittenBy(Name);

        // Writing the plan and the log uses CancellationToken.None: a cancel must not leave half a story behind.
        var journal = await JobJournal.OpenAsync(workspace, [ReadStep, FindStep, ProcessStep, WriteStep], CancellationToken.None);
        if (checkpoint is null)
        {
            await workspace.WritePlanAsync(Plan(request), CancellationToken.None);
            await journal.LogAsync("Job started", StartedLog(request), CancellationToken.None);
        }
        else
        {
            await journal.LogAsync("Job resumed",
                $"Continuing from checkpoint.json: {checkpoint.ProcessedUnits} of {checkpoint.TotalUnits} requirements were already processed.",
                CancellationToken.None);
        }

        await journal.BeginAsync(ReadStep, CancellationToken.None);
        execution.ReportProgress(null, checkpoint?.ProcessedUnits ?? 0, "reading documents");
        var loaded = await DocumentLoader.LoadAsync(request, execution.DocumentRoots, cancellationToken);
        foreach (var (path, _) in loaded) execution.Telemetry.ToolStep(execution.JobId, "read_document", path);
        var sources = loaded.Select(d => d.Document).ToList();
        if (!string.IsNullOrWhiteSpace(request.Prompt)) sources.Add(new SourceDocument(SourceDocument.PromptName, request.Prompt));
        await journal.CompleteAsync(ReadStep, DocumentsLog(loaded), CancellationToken.None);

        await journal.BeginAsync(FindStep, CancellationToken.None);
        var requirements = RequirementExtractor.Extract(sources);
        execution.Telemetry.ToolStep(execution.JobId, "extract_requirements", $"{requirements.Count} requirement sentences");
        await journal.CompleteAsync(FindStep, $"Found {requirements.Count} requirement sentences.", CancellationToken.None);
        if (checkpoint is not null) EnsureCheckpointMatches(checkpoint, requirements);

        await journal.BeginAsync(ProcessStep, CancellationToken.None);
        var processed = new List<ExtractedRequirement>(checkpoint?.Requirements ?? []);
        var progress = execution.ReportProgress(requirements.Count, processed.Count, $"processing {requirements.Count} requirements");
        try
        {
            while (processed.Count < requirements.Count && !cancellationToken.IsCancellationRequested)
            {
                var requirement = requirements[processed.Count];
                processed.Add(requirement);
                execution.Telemetry.RequirementFound(execution.JobId, requirement);
                await journal.LogAsync($"{requirement.Id} ({requirement.Priority}, {requirement.Source})", requirement.Text, CancellationToken.None);
                progress = execution.ReportProgress(requirements.Count, processed.Count, $"{requirement.Id}: {Shorten(requirement.Text)}");
                if (processed.Count < requirements.Count && execution.WorkDelay > TimeSpan.Zero)
                    await Task.Delay(execution.WorkDelay, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The pause was interrupted; the requirement before it is done and goes into the checkpoint.
        }
        catch (Exception)
        {
            await SaveCheckpointAsync(execution, requirements.Count, processed, "failed");
            throw;
        }

        if (processed.Count < requirements.Count)
        {
            await SaveCheckpointAsync(execution, requirements.Count, processed, execution.StopReason);
            await journal.LogAsync("Job stopped",
                $"Stopped ({execution.StopReason}) after {processed.Count} of {requirements.Count} requirements; checkpoint.json saved.",
                CancellationToken.None);
            return JobOutcome.Stopped(execution.ReportProgress(requirements.Count, processed.Count, $"stopped ({execution.StopReason})"));
        }
        await journal.CompleteAsync(ProcessStep, $"Processed {processed.Count} requirements.", CancellationToken.None);

        await journal.BeginAsync(WriteStep, CancellationToken.None);
        await workspace.WriteRequirementsAsync(processed, CancellationToken.None);
        execution.Telemetry.ToolStep(execution.JobId, "write_file", workspace.RequirementsPath);
        workspace.DeleteCheckpoint();
        await journal.CompleteAsync(WriteStep, $"Wrote {processed.Count} requirements to output/requirements.json.", CancellationToken.None);
        await journal.LogAsync("Job completed", $"{processed.Count} requirements extracted.", CancellationToken.None);
        return JobOutcome.Completed(progress with { Message = $"completed: {processed.Count} requirements" });
    }

    /// <summary>
    /// A resume re-reads the documents; if they changed, "continue after N" would skip or repeat requirements,
    /// so the job fails instead of producing a wrong list.
    /// </summary>
    private static void EnsureCheckpointMatches(JobCheckpoint checkpoint, IReadOnlyList<ExtractedRequirement> requirements)
    {
        var sameCount = checkpoint.TotalUnits == requirements.Count && checkpoint.Requirements.Count == checkpoint.ProcessedUnits;
        var samePrefix = sameCount && checkpoint.Requirements.Select(r => r.Text).SequenceEqual(requirements.Take(checkpoint.ProcessedUnits).Select(r => r.Text));
        if (!samePrefix)
            throw new JobFailedException("the documents changed since the checkpoint was saved; start the job again instead of resuming it",
                new Dictionary<string, object?>
                {
                    ["checkpoint_total"] = checkpoint.TotalUnits,
                    ["current_total"] = requirements.Count,
                    ["checkpoint_processed"] = checkpoint.ProcessedUnits,
                });
    }

    private Task SaveCheckpointAsync(JobExecution execution, int total, IReadOnlyList<ExtractedRequirement> processed, string reason) =>
        execution.Workspace.SaveCheckpointAsync(new JobCheckpoint
        {
            JobId = execution.JobId,
            Workload = Name,
            ProcessedUnits = processed.Count,
            TotalUnits = total,
            Requirements = [.. processed],
            SavedAt = DateTimeOffset.UtcNow,
            Reason = reason,
        }, CancellationToken.None);

    private static string Plan(JobStartRequest request) => $"""
        # Plan — job {request.JobId}

        1. {ReadStep}: {DocumentsLine(request)}
        2. {FindStep}: split the documents and the prompt into sentences and keep those with shall, must or should as whole words.
        3. {ProcessStep}: give each an id (REQ-001, …), a priority (must/shall → high, should → medium) and its source.
        4. {WriteStep}.

        """;

    private static string DocumentsLine(JobStartRequest request)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(request.DocumentPath)) parts.Add($"`{request.DocumentPath}`");
        if (!string.IsNullOrWhiteSpace(request.DocumentDir)) parts.Add($"the .txt/.md/.markdown/.csv files in `{request.DocumentDir}`");
        parts.Add("the prompt");
        return string.Join(", ", parts) + ".";
    }

    private static string StartedLog(JobStartRequest request)
    {
        var text = new StringBuilder();
        text.Append("Prompt:\n\n> ").AppendJoin("\n> ", request.Prompt.ReplaceLineEndings("\n").Split('\n')).Append('\n');
        if (!string.IsNullOrWhiteSpace(request.Instructions)) text.Append("\nInstructions: ").Append(request.Instructions).Append('\n');
        if (!string.IsNullOrWhiteSpace(request.ConfigName)) text.Append("\nConfig: ").Append(request.ConfigName).Append('\n');
        return text.ToString();
    }

    private static string DocumentsLog(IReadOnlyList<(string Path, SourceDocument Document)> loaded) =>
        loaded.Count == 0
            ? "No documents; only the prompt is searched."
            : string.Join('\n', loaded.Select(d => $"- `{d.Path}` ({d.Document.Text.Length} characters)"));

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
