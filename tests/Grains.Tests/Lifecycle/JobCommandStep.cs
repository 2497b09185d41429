using Cockpit.Grains.Lifecycle;

namespace Cockpit.Grains.Tests.Lifecycle;

/// <summary>
/// One thing that happens to a job as the job's grain plays it: a trigger other than
/// <see cref="JobTrigger.StartAccepted"/>, which only follows an assign or resume request that passed its check
/// and that the pod accepted (<paramref name="PodAccepts"/>).
/// </summary>
public readonly record struct JobCommandStep(JobTrigger Trigger, bool PodAccepts)
{
    public override string ToString() => PodAccepts ? $"{Trigger}+accepted" : Trigger.ToString();
}
