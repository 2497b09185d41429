using Cockpit.Grains.Ports;
using Cockpit.Storage.Live;

namespace Cockpit.Storage.Telemetry.Audit;

/// <summary>
/// The grains' <see cref="IJobNotes"/>: a note becomes an audit entry of step <c>note</c> in the job's trail (whichever
/// store holds it), announced like an agent's entries so open trails show it at once.
/// </summary>
public sealed class AuditJobNotes(IAuditStore audit, ILiveEventHub hub) : IJobNotes
{
    public async Task AppendAsync(Guid id, Guid jobId, Guid? agentId, string name, string summary, DateTimeOffset at)
    {
        var entry = new AuditEntry(id, jobId, agentId ?? Guid.Empty, AuditStepTypes.Note, at, name, summary,
            null, null, null, null, null, null);
        var stored = await audit.AppendAsync([entry]);
        if (stored.Count > 0) await hub.PublishAsync([new LiveEvent(LiveEventKinds.Audit, jobId, jobId, 0, at, id.ToString())]);
    }
}
