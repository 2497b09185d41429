using System.Net;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Statistics;

/// <summary>
/// One silo and one reference agent that has run one job to completion, shared by the statistics, progress, table
/// browser and config cases. CONFIG_DIR points at a copy of the repository's <c>config/</c> plus two broken configs.
/// </summary>
public sealed class StatisticsFixture : IAsyncLifetime
{
    public const int Requirements = 5;

    private SystemUnderTest? _system;

    public SiloProcess Silo { get; private set; } = null!;
    public AgentProcess Agent { get; private set; } = null!;
    public Guid AgentId { get; private set; }
    public Guid JobId { get; private set; }
    public string ConfigDir { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _system = await SystemUnderTest.CreateAsync();
        ConfigDir = PrepareConfigDir(_system.WorkspaceRoot);
        Silo = await _system.StartSiloAsync(new Dictionary<string, string> { ["CONFIG_DIR"] = ConfigDir });
        await Silo.Client.SignInAsync("admin"); // the table browser cases need admin

        Agent = _system.StartAgent(Silo, "stats-agent");
        AgentId = await SystemUnderTest.ReadyAgentIdAsync(Silo, Agent);

        JobId = await Silo.Client.CreateJobAsync(new { prompt = "Count me", document_path = _system.WriteRequirementsDocument(Requirements) });
        var assigned = await Silo.Client.AssignAsync(JobId, AgentId);
        assigned.Status.ShouldBe(HttpStatusCode.OK, assigned.Text);
        await Eventually.UntilAsync(() => Silo.Client.JobInStatusAsync(JobId, "completed"), TimeSpan.FromSeconds(60), "job completed",
            () => Agent.Tail() + "\n" + Silo.Tail());
    }

    /// <summary>The repository's configs, plus one config that is not YAML and one the schema refuses.</summary>
    private static string PrepareConfigDir(string root)
    {
        var source = Path.Combine(RepoPaths.Root, "config");
        var target = Directory.CreateDirectory(Path.Combine(root, "config")).FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        File.WriteAllText(Path.Combine(target, "agents", "broken-yaml.yaml"), "llm:\n  model: [unclosed\n");
        File.WriteAllText(Path.Combine(target, "agents", "out-of-range.yaml"),
            "llm:\n  temperature: 7\nworkspace:\n  max_read_words: \"many\"\ntypo_section: true\n");
        return target;
    }

    public async Task DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
    }
}
