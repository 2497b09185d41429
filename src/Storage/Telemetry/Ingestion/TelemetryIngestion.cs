using Cockpit.Protocol.Telemetry;
using Cockpit.Storage.Live;
using Cockpit.Storage.Telemetry.Audit;
using Cockpit.Storage.Telemetry.Graph;
using Cockpit.Storage.Telemetry.Requirements;
using Cockpit.Storage.Usage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Storage.Telemetry.Ingestion;

/// <summary>
/// Validates a telemetry batch, stores it (audit with each LLM call's cost, then the usage roll-ups, requirements,
/// graph) and announces what changed on the live hub. Not transactional across stores (they may be different
/// databases): a batch that fails half-way is resent by the agent, and every store skips what it already has.
/// </summary>
public sealed class TelemetryIngestion(
    IAuditStore audit,
    IRequirementStore requirements,
    IGraphStore graph,
    IPriceBook prices,
    UsageLedger usage,
    ILiveEventHub hub,
    IOptions<TelemetryOptions> options,
    TimeProvider clock,
    ILogger<TelemetryIngestion> logger)
{
    public TelemetryOptions Options => options.Value;

    public ValidatedTelemetryBatch? Validate(Guid agentId, TelemetryBatchRequest body, IDictionary<string, string[]> errors) =>
        TelemetryBatchValidator.Validate(agentId, body, clock.GetUtcNow(), options.Value.MaxItems, errors);

    /// <param name="configName">The sending agent's config name, which its LLM usage is counted under.</param>
    public async Task<TelemetryIngestResult> StoreAsync(ValidatedTelemetryBatch batch, string configName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // The cost is fixed now, from the prices in force, and travels with the entry into the audit store.
        var table = prices.Current;
        var calls = new List<LlmCall>();
        var entries = batch.Audit.Select(e =>
        {
            if (LlmCallPricing.Price(e, configName, table) is not { } call) return e;
            calls.Add(call);
            return e with { CostUsd = call.CostUsd };
        }).ToList();
        var storedAudit = entries.Count > 0 ? await audit.AppendAsync(entries, cancellationToken) : [];
        var recorded = await usage.RecordAsync(calls, cancellationToken);
        var storedRequirements = batch.Requirements.Count > 0 ? await requirements.UpsertAsync(batch.Requirements, cancellationToken) : 0;
        var storedGraph = batch.Graph.Count > 0 ? await graph.AppendAsync(batch.Graph, cancellationToken) : 0;

        await PublishAsync(batch, storedAudit, storedRequirements, storedGraph, recorded);
        return new TelemetryIngestResult(
            new TelemetryKindResult(batch.Audit.Count, storedAudit.Count),
            new TelemetryKindResult(batch.Requirements.Count, storedRequirements),
            new TelemetryKindResult(batch.Graph.Count, storedGraph))
        {
            Usage = recorded,
        };
    }

    /// <summary>One notice per job and kind that changed; subscribers re-read the details.</summary>
    private async Task PublishAsync(ValidatedTelemetryBatch batch, IReadOnlyList<Guid> storedAudit, int storedRequirements, int storedGraph, UsageRecorded recorded)
    {
        var now = clock.GetUtcNow();
        var events = new List<LiveEvent>();
        var newAudit = storedAudit.ToHashSet();
        foreach (var job in batch.Audit.Where(e => newAudit.Contains(e.Id)).GroupBy(e => e.JobId))
        {
            // The detail names the newest entry, so a client showing the trail can fetch just what is new.
            events.Add(new LiveEvent(LiveEventKinds.Audit, job.Key, job.Key, 0, now, job.MaxBy(e => e.At)!.Id.ToString()));
        }
        if (storedRequirements > 0)
        {
            events.AddRange(batch.Requirements.Select(r => r.JobId).Distinct()
                .Select(job => new LiveEvent(LiveEventKinds.Requirements, job, job, 0, now)));
        }
        if (storedGraph > 0)
        {
            events.AddRange(batch.Graph.Select(m => m.JobId).Distinct()
                .Select(job => new LiveEvent(LiveEventKinds.Graph, job, job, 0, now)));
        }
        events.AddRange(recorded.Jobs.Select(j => new LiveEvent(LiveEventKinds.Usage, j.JobId, j.JobId, 0, now)));
        if (events.Count == 0) return;
        try
        {
            await hub.PublishAsync(events);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The data is stored; a missed notice only delays a live view until its next refresh.
            logger.LogWarning(e, "Telemetry: stored, but could not publish {Count} live events", events.Count);
        }
    }
}
