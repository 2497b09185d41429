using Cockpit.Grains.Dispatch;

namespace Cockpit.Grains.Ports;

/// <summary>
/// What the dispatcher is rebuilt from when it is activated (and checked against now and then): the read model's
/// pending jobs, running jobs and registered agents. The read model may lag the grains by a moment; the dispatcher
/// only ever asks a job to start, and the job decides, so a stale row costs a refused start, never a second run.
/// </summary>
public interface IDispatchSource
{
    Task<DispatchSourceSnapshot> LoadAsync(CancellationToken cancellationToken);
}
