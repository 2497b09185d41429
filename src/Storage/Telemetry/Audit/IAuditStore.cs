namespace Cockpit.Storage.Telemetry.Audit;

/// <summary>
/// The audit trail of agents' steps (LLM calls, tool calls, errors, state changes). PostgreSQL by default,
/// MongoDB when MONGODB_URL is set; both behave the same.
/// </summary>
public interface IAuditStore
{
    /// <summary>Where the trail lives ("postgres" or "mongodb"), for health and diagnostics.</summary>
    string Backend { get; }

    /// <summary>Stores the entries; an entry whose id is already stored is skipped. Returns the ids newly stored.</summary>
    Task<IReadOnlyList<Guid>> AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>A page of one job's trail, without payloads, ordered by (at, id).</summary>
    Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>One entry with its full request and response; null when there is none.</summary>
    Task<AuditEntry?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The job's first <paramref name="limit"/> LLM calls, oldest first, with payloads (for the chat view).</summary>
    Task<IReadOnlyList<AuditEntry>> LlmCallsAsync(Guid jobId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Number of the job's entries per step type (types without entries are left out).</summary>
    Task<IReadOnlyDictionary<string, long>> CountsAsync(Guid jobId, CancellationToken cancellationToken = default);
}
