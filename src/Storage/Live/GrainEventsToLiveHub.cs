using Cockpit.Grains;
using Cockpit.Grains.Events;
using Cockpit.Storage.ReadModel;

namespace Cockpit.Storage.Live;

/// <summary>
/// Turns each committed read-model batch into change notices, so a subscriber that hears "job X changed" and
/// reads the read model finds the change already there.
/// </summary>
public sealed class GrainEventsToLiveHub(ReadModelProjector projector, ILiveEventHub hub) : CommittedBatchListener(projector)
{
    protected override void OnBatchCommitted(IReadOnlyList<DomainEvent> events)
    {
        var notices = new List<LiveEvent>(events.Count);
        foreach (var e in events)
        {
            switch (e)
            {
                case AgentChanged a:
                    notices.Add(new LiveEvent(LiveEventKinds.Agent, a.Agent.Id, a.Agent.CurrentJobId, a.Agent.Version, a.At, a.Deleted ? "deleted" : a.Agent.Status.ToWire()));
                    break;
                case JobChanged j:
                    notices.Add(new LiveEvent(LiveEventKinds.Job, j.Job.Id, j.Job.Id, j.Job.Version, j.At, j.Deleted ? "deleted" : j.Job.Status.ToWire()));
                    break;
            }
        }
        // Queues only; the hub sends on its own loop, so the projector is never held up.
        if (notices.Count > 0) _ = hub.PublishAsync(notices);
    }
}
