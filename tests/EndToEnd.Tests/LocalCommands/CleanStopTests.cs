namespace Cockpit.EndToEnd.Tests.LocalCommands;

/// <summary>
/// <c>make up</c> and <c>make cluster</c> stop everything they started, the private PostgreSQL included, however they
/// are stopped, and listen on loopback only. Each case runs the real command (Release build, one silo, one agent).
/// </summary>
public abstract class CleanStopTests(LocalCommandData data)
{
    protected abstract string Target { get; }

    protected abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The ways a local command is stopped: keys of <see cref="Stop"/>.</summary>
    public static TheoryData<string> Ways => ["Ctrl-C", "SIGTERM to the script", "SIGTERM to the process group", "SIGHUP", "output pipe gone"];

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task Stopping_leaves_no_process_it_started_and_it_listened_on_loopback_only(string way)
    {
        await using var run = await LocalCommandRun.StartAsync(Target, data.Directory, Settings);

        var listening = run.ListeningAddresses();
        listening.ShouldNotBeEmpty();
        listening.Where(a => !ProcessTable.IsLoopback(a)).ShouldBeEmpty($"listening beyond this machine\n{run.Output()}");

        Stop(run, way);

        (await run.AllGoneAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue(
            $"still running after '{way}':\n{string.Join('\n', run.Leftovers())}\n--- output ---\n{run.Output()}");
        if (way == "SIGTERM to the script")
        {
            // The agents stop first, while the silos still listen, so each deregisters; and what the processes say
            // while stopping reaches the output. (The other ways signal every process at once, or the reader too.)
            var output = run.Output();
            output.ShouldContain("stopped.");
            output.ShouldContain("Deregistered agent", customMessage: output);
            output.ShouldNotContain("Could not deregister", customMessage: output);
            output.ShouldContain("Cockpit silo stopping", customMessage: output);
        }
    }

    private static void Stop(LocalCommandRun run, string way)
    {
        switch (way)
        {
            case "Ctrl-C": // the terminal sends SIGINT to its foreground process group, the reader (tee) included
                LocalCommandRun.Signal("INT", -run.Group);
                break;
            case "SIGTERM to the script":
                LocalCommandRun.Signal("TERM", run.Member("bash scripts/"));
                break;
            case "SIGTERM to the process group": // timeout, a supervisor, a container stop; make forwards it once more
                LocalCommandRun.Signal("TERM", -run.Group);
                break;
            case "SIGHUP": // the terminal closed
                LocalCommandRun.Signal("HUP", -run.Group);
                break;
            case "output pipe gone": // `make up | tee log`, and tee is killed
                LocalCommandRun.Signal("TERM", run.Member("cat"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(way), way, "not a way of stopping");
        }
    }
}

public sealed class MakeUpCleanStopTests(LocalCommandData data) : CleanStopTests(data), IClassFixture<LocalCommandData>
{
    protected override string Target => "up";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["DEMO_AGENTS"] = "1" };
}

public sealed class MakeClusterCleanStopTests(LocalCommandData data) : CleanStopTests(data), IClassFixture<LocalCommandData>
{
    protected override string Target => "cluster";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["SILOS"] = "1", ["DEMO_AGENTS"] = "1" };
}
