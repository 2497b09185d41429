using Cockpit.Grains.Jobs;
using Cockpit.Grains.Lifecycle;
using FsCheck;
using FsCheck.Fluent;

namespace Cockpit.Grains.Tests.Lifecycle;

/// <summary>Generators for the lifecycle properties: triggers over a small pool of job ids, so that jobs repeat.</summary>
public static class LifecycleArbitraries
{
    public static readonly Guid Job1 = Guid.Parse("00000000-0000-0000-0000-000000000001");
    public static readonly Guid Job2 = Guid.Parse("00000000-0000-0000-0000-000000000002");
    public static readonly Guid Job3 = Guid.Parse("00000000-0000-0000-0000-000000000003");

    private static readonly Guid?[] JobPool = [null, Job1, Job2, Job3];

    public static string JobName(Guid? job) =>
        job is null ? "-" : job == Job1 ? "J1" : job == Job2 ? "J2" : job == Job3 ? "J3" : job.ToString()!;

    public static Arbitrary<AgentStep> AgentSteps() =>
        Gen.Elements(Enum.GetValues<AgentTrigger>())
            .SelectMany(_ => Gen.Elements(JobPool), (trigger, job) => new AgentStep(trigger, job))
            .ToArbitrary();

    public static Arbitrary<JobTrigger> JobTriggers() => Gen.Elements(Enum.GetValues<JobTrigger>()).ToArbitrary();

    public static Arbitrary<JobStatus> JobStatuses() => Gen.Elements(Enum.GetValues<JobStatus>()).ToArbitrary();

    public static Arbitrary<JobCommandStep> JobCommandSteps() =>
        Gen.Elements(Enum.GetValues<JobTrigger>().Where(t => t != JobTrigger.StartAccepted).ToArray())
            .SelectMany(_ => Gen.Elements(true, false), (trigger, accepts) => new JobCommandStep(trigger, accepts))
            .ToArbitrary();
}
