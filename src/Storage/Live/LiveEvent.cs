namespace Cockpit.Storage.Live;

/// <summary>
/// A small notice that something changed, fanned out to every silo (PostgreSQL NOTIFY carries at most 8000 bytes,
/// so it names what changed; subscribers read the details from the grain or the read model).
/// </summary>
/// <param name="Kind">One of <see cref="LiveEventKinds"/>.</param>
/// <param name="Id">The changed entity: agent or job id; for job-scoped kinds, the job id.</param>
/// <param name="JobId">The job the change belongs to, when there is one (audit, workspace, graph, requirements).</param>
/// <param name="Version">The entity's version when it has one, else 0.</param>
/// <param name="Detail">A short extra (an audit entry id, a changed file name), at most a few hundred characters.</param>
public sealed record LiveEvent(string Kind, Guid Id, Guid? JobId, long Version, DateTimeOffset At, string? Detail = null);
