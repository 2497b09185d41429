using System.Text.Json;
using Cockpit.Agent.Jobs;
using Cockpit.Agent.Requirements;
using Cockpit.Protocol.Telemetry;

namespace Cockpit.Agent.Telemetry;

/// <summary>
/// Sends what workloads report to the orchestrator's telemetry endpoint, in batches: calls only queue (quick, never
/// throwing), a background loop sends every <see cref="TelemetryReporterOptions.FlushInterval"/> and whenever a
/// batch is full or a job ends. The queue is bounded; nothing is dropped silently: an item that cannot be queued
/// or delivered (after the retries, or refused as invalid) is logged with its kind and job.
/// </summary>
public sealed class TelemetryReporter(
    TelemetryClient client,
    AgentState state,
    TelemetryReporterOptions options,
    ILogger<TelemetryReporter> logger) : BackgroundService, IAgentTelemetry
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan ShutdownDrain = TimeSpan.FromSeconds(3);

    private readonly Lock _lock = new();
    private readonly LinkedList<PendingItem> _queue = new();
    private readonly Dictionary<Guid, HashSet<string>> _documentsByJob = [];
    private readonly Dictionary<TelemetryItemKind, int> _overflow = [];
    private TaskCompletionSource _wake = NewSignal();
    private TaskCompletionSource _progress = NewSignal();
    private long _nextSeq;
    private int _batchLimit = Math.Max(1, options.BatchSize);

    /// <summary>Items waiting to be sent (for tests and diagnostics).</summary>
    public int Pending
    {
        get { lock (_lock) return _queue.Count; }
    }

    public void LlmCallCompleted(LlmCallRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Enqueue(TelemetryItemKind.Audit, call.JobId, FitAudit(TelemetryItems.Llm(call, LlmExchangeCapture.Take(), DateTimeOffset.UtcNow)));
    }

    public void ToolStep(Guid jobId, string tool, string detail)
    {
        var now = DateTimeOffset.UtcNow;
        Enqueue(TelemetryItemKind.Audit, jobId, TelemetryItems.Tool(jobId, now, tool, detail));
        if (tool == "read_document") AddDocument(jobId, now, Path.GetFileName(detail), detail);
    }

    public void RequirementFound(Guid jobId, ExtractedRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var now = DateTimeOffset.UtcNow;
        // Requirements found in the prompt (or a document not announced by read_document) get their node here.
        AddDocument(jobId, now, requirement.Source, null);
        var (requirements, graph) = TelemetryItems.Requirement(jobId, now, requirement);
        foreach (var r in requirements) Enqueue(TelemetryItemKind.Requirements, jobId, r);
        foreach (var g in graph) Enqueue(TelemetryItemKind.Graph, jobId, g);
    }

    public void JobStarted(Guid jobId, string workload, bool resumed) =>
        Enqueue(TelemetryItemKind.Audit, jobId, TelemetryItems.State(jobId, DateTimeOffset.UtcNow, resumed ? "job_resumed" : "job_started",
            resumed ? $"{workload}: resumed from its checkpoint" : $"{workload}: started"));

    public void JobEnded(Guid jobId, string outcome, string? error)
    {
        var now = DateTimeOffset.UtcNow;
        if (error is not null) Enqueue(TelemetryItemKind.Audit, jobId, TelemetryItems.Error(jobId, now, "job_failed", error));
        Enqueue(TelemetryItemKind.Audit, jobId, TelemetryItems.State(jobId, now, "job_" + outcome, error is null ? outcome : $"{outcome}: {error}"));
        lock (_lock) _documentsByJob.Remove(jobId);
    }

    /// <summary>Waits until everything queued before the call was sent (or given up on), or the token fires.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        long target;
        lock (_lock) target = _nextSeq;
        while (!cancellationToken.IsCancellationRequested)
        {
            Task progress;
            lock (_lock)
            {
                if (_queue.First is null || _queue.First.Value.Seq >= target) return;
                progress = _progress.Task;
                _wake.TrySetResult();
            }
            try
            {
                await progress.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // One last, short attempt for what is still queued; whatever stays is logged, not lost quietly.
        using var deadline = new CancellationTokenSource(ShutdownDrain);
        try
        {
            await DrainAsync(retry: false, deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // The deadline passed; reported below.
        }
        List<PendingItem> left;
        lock (_lock)
        {
            left = [.. _queue];
            _queue.Clear();
        }
        if (left.Count > 0) LogDropped(left, "the agent stopped before they could be delivered");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Task wake;
            lock (_lock) wake = _wake.Task;
            try
            {
                await wake.WaitAsync(options.FlushInterval, stoppingToken);
            }
            catch (TimeoutException)
            {
                // The regular flush.
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (_lock)
            {
                if (_wake.Task.IsCompleted) _wake = NewSignal();
            }
            try
            {
                await DrainAsync(retry: true, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            ReportOverflow();
        }
    }

    private async Task DrainAsync(bool retry, CancellationToken cancellationToken)
    {
        while (TakeBatch() is { } batch)
        {
            // Before registration there is no agent id to report under; the items wait (the queue bounds them).
            if (state.AgentId is not { } agentId) return;
            var body = TelemetryBatchWriter.Write(batch);
            var result = await SendAsync(agentId, body, retry, cancellationToken);
            if (result.Delivered)
            {
                Complete(batch);
                lock (_lock) _batchLimit = Math.Max(1, options.BatchSize);
            }
            else if (result.TooLarge && batch.Count > 1)
            {
                // Smaller batches until one goes through; the items stay queued in order.
                lock (_lock) _batchLimit = Math.Max(1, batch.Count / 2);
            }
            else
            {
                Complete(batch);
                LogDropped(batch, result.Transient ? $"not delivered after {options.Retries + 1} attempts: {result.Describe()}" : $"refused: {result.Describe()}");
                if (!retry) return;
            }
        }
    }

    private async Task<TelemetrySendResult> SendAsync(Guid agentId, byte[] body, bool retry, CancellationToken cancellationToken)
    {
        var delay = options.RetryDelay;
        var attempts = retry ? options.Retries + 1 : 1;
        for (var attempt = 1; ; attempt++)
        {
            var result = await client.SendAsync(agentId, body, cancellationToken);
            if (result.Delivered || !result.Transient || attempt >= attempts) return result;
            logger.LogDebug("Telemetry attempt {Attempt} failed ({Result}); retrying in {Delay}", attempt, result.Describe(), delay);
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    /// <summary>The oldest items, up to the batch limit and the byte budget (at least one); they stay queued until completed.</summary>
    private List<PendingItem>? TakeBatch()
    {
        lock (_lock)
        {
            if (_queue.First is null) return null;
            var batch = new List<PendingItem>();
            var bytes = TelemetryBatchWriter.EnvelopeBytes;
            for (var node = _queue.First; node is not null && batch.Count < _batchLimit; node = node.Next)
            {
                if (batch.Count > 0 && bytes + node.Value.Json.Length + 1 > options.MaxBatchBytes) break;
                batch.Add(node.Value);
                bytes += node.Value.Json.Length + 1;
            }
            return batch;
        }
    }

    private void Complete(List<PendingItem> batch)
    {
        lock (_lock)
        {
            var done = batch.Select(i => i.Seq).ToHashSet();
            for (var node = _queue.First; node is not null;)
            {
                var next = node.Next;
                if (done.Contains(node.Value.Seq)) _queue.Remove(node);
                node = next;
            }
            var previous = _progress;
            _progress = NewSignal();
            previous.TrySetResult();
        }
    }

    private void AddDocument(Guid jobId, DateTimeOffset at, string name, string? path)
    {
        lock (_lock)
        {
            if (!_documentsByJob.TryGetValue(jobId, out var documents)) _documentsByJob[jobId] = documents = new HashSet<string>(StringComparer.Ordinal);
            if (!documents.Add(name)) return;
        }
        Enqueue(TelemetryItemKind.Graph, jobId, TelemetryItems.DocumentNode(jobId, at, name, path));
    }

    /// <summary>An LLM call too large for one request goes without its bodies, and says so.</summary>
    private AuditItemRequest FitAudit(AuditItemRequest item)
    {
        var size = JsonSerializer.SerializeToUtf8Bytes(item, AgentJson.Wire).Length;
        if (size + TelemetryBatchWriter.EnvelopeBytes <= options.MaxBatchBytes) return item;
        logger.LogWarning("Telemetry: LLM call of job {JobId} is {Bytes} bytes, more than one request may carry ({Max}); sending it without request and response bodies",
            item.JobId, size, options.MaxBatchBytes);
        var note = JsonSerializer.SerializeToElement(new { truncated = true, original_bytes = size });
        return item with { Request = note, Response = note };
    }

    private void Enqueue<T>(TelemetryItemKind kind, Guid jobId, T item)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(item, AgentJson.Wire);
        lock (_lock)
        {
            if (_queue.Count >= options.QueueCapacity)
            {
                _overflow[kind] = _overflow.GetValueOrDefault(kind) + 1;
                return;
            }
            _queue.AddLast(new PendingItem(_nextSeq++, kind, jobId, json));
            if (_queue.Count >= _batchLimit) _wake.TrySetResult();
        }
    }

    private void ReportOverflow()
    {
        Dictionary<TelemetryItemKind, int> dropped;
        lock (_lock)
        {
            if (_overflow.Count == 0) return;
            dropped = new Dictionary<TelemetryItemKind, int>(_overflow);
            _overflow.Clear();
        }
        logger.LogWarning("Telemetry: the queue was full ({Capacity} items); dropped {Dropped}", options.QueueCapacity,
            string.Join(", ", dropped.Select(d => $"{d.Value} {d.Key.ToString().ToLowerInvariant()}")));
    }

    private void LogDropped(IReadOnlyList<PendingItem> items, string reason) =>
        logger.LogError("Telemetry: dropped {Count} items ({Kinds}) of job(s) {Jobs}: {Reason}",
            items.Count,
            string.Join(", ", items.GroupBy(i => i.Kind).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}")),
            string.Join(", ", items.Select(i => i.JobId).Distinct()),
            reason);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
