namespace Cockpit.Storage.Telemetry.Requirements;

/// <summary>The requirements agents report, per job (PostgreSQL).</summary>
public interface IRequirementStore
{
    /// <summary>
    /// Applies the updates in order. An update older than the stored one, or identical to it, changes nothing.
    /// Returns how many changed a row.
    /// </summary>
    Task<int> UpsertAsync(IReadOnlyList<RequirementUpdate> updates, CancellationToken cancellationToken = default);

    Task<RequirementPage> ListAsync(RequirementQuery query, CancellationToken cancellationToken = default);

    Task<RequirementSummary> SummaryAsync(Guid jobId, CancellationToken cancellationToken = default);
}
