namespace Cockpit.EndToEnd.Tests.Support.Fleet;

/// <summary>How a <see cref="SimulatedAgentFleet"/> behaves.</summary>
public sealed record FleetOptions
{
    /// <summary>Hostnames are <c>{prefix}-{n}</c>; the orchestrator keeps one id per hostname. Default: "fleet".</summary>
    public string HostnamePrefix { get; init; } = "fleet";

    /// <summary>The config the agents register with. Default: "default".</summary>
    public string ConfigName { get; init; } = "default";

    /// <summary>How long one step of a job takes. Default: 500 ms.</summary>
    public TimeSpan StepDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Steps of a job whose <c>context.steps</c> does not say. Default: 10.</summary>
    public int DefaultSteps { get; init; } = 10;

    /// <summary>
    /// When set, every job stops after this many steps until <see cref="SimulatedAgentFleet.ReleaseHeldJobs"/>, so a test
    /// can be sure its jobs are still running when it injects a fault, however slow the machine. Default: null, no hold.
    /// </summary>
    public int? HoldAtStep { get; init; }

    /// <summary>Pause before sending again after a heartbeat or registration failed. Default: 200 ms.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one call to the orchestrator may take. Default: 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
