using System.Diagnostics;
using Cockpit.Agent.Jobs;
using Cockpit.Agent.Configuration;
using Cockpit.Agent.Requirements;
using Cockpit.Agent.Telemetry;
using Cockpit.Agent.Workspace;

namespace Cockpit.Agent.Llm;

/// <summary>
/// The workload used when LLM_BASE_URL and OPENAI_API_KEY are set: one chat-completions call per document chunk,
/// each asked for the chunk's requirements as a JSON array. One unit of work is one chunk. AGENT_WORK_DELAY_MS does
/// not apply: the LLM calls are slow enough to watch.
/// </summary>
public sealed class LlmRequirementsWorkload(ChatCompletionsClient llm, AgentOptions options) : IJobWorkload
{
    public const string WorkloadName = "llm-requirements";

    private const string ReadStep = "Read the documents";
    private const string AskStep = "Ask the LLM for the requirements of each chunk";
    private const string WriteStep = "Write output/requirements.json";

    private const string SystemPrompt = """
        You extract requirements from documents. A requirement is a statement of what a system, product or party
        shall, must or should do or be. Answer with a JSON array only, no prose: each element is
        {"text": "<the requirement, quoted as written>", "priority": "high" | "medium" | "low"}
        (must/shall → high, should → medium, anything weaker → low). Answer [] when the text has no requirements.
        """;

    public string Name => WorkloadName;

    public async Task<JobOutcome> RunAsync(JobExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var request = execution.Request;
        var workspace = execution.Workspace;
        var checkpoint = execution.Checkpoint?.EnsureWrittenBy(Name);

        var journal = await JobJournal.OpenAsync(workspace, [ReadStep, AskStep, WriteStep], CancellationToken.None);
        if (checkpoint is null)
        {
            await workspace.WritePlanAsync($"""
                # Plan — job {request.JobId}

                1. {ReadStep}.
                2. {AskStep} (model `{llm.Model}`, about {options.LlmChunkCharacters} characters per chunk).
                3. {WriteStep}.

                """, CancellationToken.None);
            await journal.LogAsync("Job started", $"Prompt: {request.Prompt}\n\nModel: {llm.Model}", CancellationToken.None);
        }
        else
        {
            await journal.LogAsync("Job resumed", $"{checkpoint.ProcessedUnits} of {checkpoint.TotalUnits} chunks were already processed.", CancellationToken.None);
        }

        await journal.BeginAsync(ReadStep, CancellationToken.None);
        var loaded = await DocumentLoader.LoadAsync(request, execution.DocumentRoots, cancellationToken);
        foreach (var (path, _) in loaded) execution.Telemetry.ToolStep(execution.JobId, "read_document", path);
        // Without documents the prompt itself is the text to search.
        IEnumerable<SourceDocument> sources = loaded.Count > 0
            ? loaded.Select(d => d.Document)
            : [new SourceDocument(SourceDocument.PromptName, request.Prompt)];
        var chunks = DocumentChunker.Chunk(sources, options.LlmChunkCharacters);
        await journal.CompleteAsync(ReadStep, $"{loaded.Count} documents, {chunks.Count} chunks.", CancellationToken.None);
        if (checkpoint is not null && checkpoint.TotalUnits != chunks.Count)
            throw new JobFailedException("the documents changed since the checkpoint was saved; start the job again instead of resuming it",
                new Dictionary<string, object?> { ["checkpoint_chunks"] = checkpoint.TotalUnits, ["current_chunks"] = chunks.Count });

        await journal.BeginAsync(AskStep, CancellationToken.None);
        var found = new List<ExtractedRequirement>(checkpoint?.Requirements ?? []);
        var seen = new HashSet<string>(found.Select(r => r.Text), StringComparer.OrdinalIgnoreCase);
        var done = checkpoint?.ProcessedUnits ?? 0;
        var tokens = checkpoint?.TokensUsed ?? 0;
        var progress = execution.ReportProgress(RequirementTotalEstimate.Of(found.Count, done, chunks.Count), found.Count, $"chunk {done + 1} of {chunks.Count}");
        try
        {
            while (done < chunks.Count && !cancellationToken.IsCancellationRequested)
            {
                var chunk = chunks[done];
                ChatCompletion answer;
                IReadOnlyList<(string Text, string Priority)>? parsed = null;
                var attempt = 0;
                do
                {
                    attempt++;
                    answer = await AskAsync(execution, chunk, cancellationToken);
                    tokens += answer.PromptTokens + answer.CompletionTokens;
                    parsed = ParseOrFail(answer.Content, chunk, lastAttempt: attempt >= options.LlmAttemptsPerChunk);
                }
                while (parsed is null);
                foreach (var (text, priority) in parsed)
                {
                    if (!seen.Add(text)) continue;
                    var requirement = new ExtractedRequirement(RequirementExtractor.FormatId(found.Count + 1), text, priority, chunk.Source);
                    found.Add(requirement);
                    execution.Telemetry.RequirementFound(execution.JobId, requirement);
                }
                done++;
                await journal.LogAsync($"Chunk {done}/{chunks.Count} ({chunk.Source}, part {chunk.Part}/{chunk.Parts})",
                    $"{found.Count} requirements so far; {answer.PromptTokens + answer.CompletionTokens} tokens.", CancellationToken.None);
                progress = execution.ReportProgress(RequirementTotalEstimate.Of(found.Count, done, chunks.Count), found.Count, $"chunk {done} of {chunks.Count} done");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The call in flight is abandoned; its chunk is asked again on resume.
        }
        catch (Exception)
        {
            await SaveCheckpointAsync(execution, done, chunks.Count, found, tokens, "failed");
            throw;
        }

        if (done < chunks.Count)
        {
            await SaveCheckpointAsync(execution, done, chunks.Count, found, tokens, execution.StopReason);
            await journal.LogAsync("Job stopped", $"Stopped ({execution.StopReason}) after {done} of {chunks.Count} chunks; checkpoint.json saved.", CancellationToken.None);
            return JobOutcome.Stopped(progress);
        }
        await journal.CompleteAsync(AskStep, $"{found.Count} requirements from {chunks.Count} chunks, {tokens} tokens.", CancellationToken.None);

        await journal.BeginAsync(WriteStep, CancellationToken.None);
        await workspace.WriteRequirementsAsync(found, CancellationToken.None);
        execution.Telemetry.ToolStep(execution.JobId, "write_file", workspace.RequirementsPath);
        workspace.DeleteCheckpoint();
        await journal.CompleteAsync(WriteStep, $"Wrote {found.Count} requirements to output/requirements.json.", CancellationToken.None);
        return JobOutcome.Completed(execution.ReportProgress(found.Count, found.Count, $"completed: {found.Count} requirements"));
    }

    private async Task<ChatCompletion> AskAsync(JobExecution execution, DocumentChunk chunk, CancellationToken cancellationToken)
    {
        var request = execution.Request;
        var user = $"""
            Task: {request.Prompt}
            {(string.IsNullOrWhiteSpace(request.Instructions) ? "" : $"Instructions: {request.Instructions}\n")}
            Document: {chunk.Source} (part {chunk.Part} of {chunk.Parts})
            ---
            {chunk.Text}
            """;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await llm.CompleteAsync([new ChatMessage("system", SystemPrompt), new ChatMessage("user", user)], cancellationToken);
            execution.AddTokens(answer.PromptTokens + answer.CompletionTokens);
            execution.Telemetry.LlmCallCompleted(new LlmCallRecord(
                execution.JobId, llm.Model, answer.PromptTokens, answer.CompletionTokens, Stopwatch.GetElapsedTime(started), true, null));
            return answer;
        }
        catch (Exception e) when (e is LlmCallException or HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            execution.Telemetry.LlmCallCompleted(new LlmCallRecord(execution.JobId, llm.Model, 0, 0, Stopwatch.GetElapsedTime(started), false, e.Message));
            var details = new Dictionary<string, object?> { ["llm_base_url"] = options.LlmBaseUrl?.ToString(), ["model"] = llm.Model, ["source"] = chunk.Source, ["part"] = chunk.Part };
            if (e is LlmCallException { StatusCode: { } status }) details["status_code"] = (int)status;
            if (e is LlmCallException { ResponseExcerpt: { } excerpt }) details["response"] = excerpt;
            throw new JobFailedException($"the LLM call failed: {e.Message}", details, e);
        }
    }

    /// <summary>The answer's requirements; null when it has none usable and another attempt is left.</summary>
    private static IReadOnlyList<(string Text, string Priority)>? ParseOrFail(string content, DocumentChunk chunk, bool lastAttempt)
    {
        try
        {
            return LlmRequirementParser.Parse(content);
        }
        catch (FormatException) when (!lastAttempt)
        {
            return null;
        }
        catch (FormatException e)
        {
            throw new JobFailedException($"the LLM answer for {chunk.Source} part {chunk.Part} has no usable JSON array: {e.Message}",
                new Dictionary<string, object?> { ["source"] = chunk.Source, ["part"] = chunk.Part, ["answer"] = content.Length <= 500 ? content : content[..500] }, e);
        }
    }

    private Task SaveCheckpointAsync(JobExecution execution, int done, int total, List<ExtractedRequirement> found, long tokens, string reason) =>
        execution.Workspace.SaveCheckpointAsync(new JobCheckpoint
        {
            JobId = execution.JobId,
            Workload = Name,
            ProcessedUnits = done,
            TotalUnits = total,
            Requirements = [.. found],
            TokensUsed = tokens,
            SavedAt = DateTimeOffset.UtcNow,
            Reason = reason,
        }, CancellationToken.None);
}
