namespace Cockpit.Silo.Tests.Settings;

/// <summary>
/// One home for each setting (docs/adr/0021): an options class declares it, and the README's configuration table and
/// .env.example document it with the same default. A setting added to the code and not to the docs, a row left behind
/// by a removed setting, or a default changed on one side only fails here.
/// </summary>
public sealed class SettingsDocumentationTests
{
    /// <summary>
    /// Settings whose default the README describes rather than states, because it is computed or too long for the table.
    /// Each says what the description stands for; the declared default is checked to be that kind of thing.
    /// </summary>
    private static readonly Dictionary<string, Func<string?, bool>> DescribedDefaults = new(StringComparer.Ordinal)
    {
        // "loopback + private ranges": the CIDR list itself.
        ["AGENT_ALLOWED_NETWORKS"] = d => d is not null && d.Contains("127.0.0.0/8", StringComparison.Ordinal) && d.Contains("10.0.0.0/8", StringComparison.Ordinal),
        // "machine host name": the machine's host name, different on every machine.
        ["AGENT_HOSTNAME"] = d => d == Environment.MachineName,
        // Unset, and then computed from other settings or the files found (the README says how).
        ["AGENT_JOB_CONFIRM_SECONDS"] = d => d is null,
        ["AGENT_SILENCE_CHECK_SECONDS"] = d => d is null,
        ["COCKPIT_UI_PATH"] = d => d is null,
        ["CONFIG_DIR"] = d => d is null,
        ["DOCUMENT_ROOTS"] = d => d is null,
        ["GRAPHIQL_DIST_PATH"] = d => d is null,
        ["LOG_LEVEL"] = d => d is null,
        ["NEO4J_HTTP_URL"] = d => d is null,
        ["POD_IP"] = d => d is null,
        ["PRICES_FILE"] = d => d is null,
        ["PROXY_DESTINATIONS"] = d => d is null,
        ["SILO_ADVERTISED_IP"] = d => d is null,
    };

    private static readonly IReadOnlyList<DeclaredSetting> Declared = DeclaredSettings.All;

    [Fact]
    public void Every_process_declares_its_settings_in_options_classes()
    {
        // A sanity floor, so that a broken assembly scan cannot make the tests below pass on nothing: each of the four
        // processes and the silo's libraries declare some.
        var assemblies = Declared.Select(s => s.Owner.Assembly.GetName().Name).ToHashSet();
        foreach (var name in new[] { "Cockpit.Silo", "Cockpit.Agent", "Cockpit.ClusterProxy", "Cockpit.DemoLlm", "Cockpit.AgentBridge", "Cockpit.GraphQL", "Cockpit.Storage" })
        {
            assemblies.ShouldContain(name);
        }
        Declared.Count.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void A_setting_read_by_two_processes_has_one_default()
    {
        var disagreeing = Declared.GroupBy(s => s.Name)
            .Where(g => g.Select(s => s.Default).Distinct().Count() > 1)
            .Select(g => string.Join(" vs ", g))
            .ToArray();

        disagreeing.ShouldBeEmpty();
    }

    [Fact]
    public void Every_declared_setting_has_a_README_row_and_every_row_a_declaration()
    {
        var documented = ReadmeConfigurationTable.Read().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var declared = Declared.Select(s => s.Name).Concat(ScriptSettings.Names).ToHashSet(StringComparer.Ordinal);

        declared.Except(documented).Order(StringComparer.Ordinal).ShouldBeEmpty("declared in an options class but missing from README's configuration table");
        documented.Except(declared).Order(StringComparer.Ordinal).ShouldBeEmpty("in README's configuration table but read by no options class and no script");
    }

    [Fact]
    public void The_README_states_each_declared_default()
    {
        var readme = ReadmeConfigurationTable.Read().ToDictionary(s => s.Name, StringComparer.Ordinal);
        var wrong = Declared.DistinctBy(s => s.Name)
            .Where(s => readme.ContainsKey(s.Name))
            .Where(s => DescribedDefaults.TryGetValue(s.Name, out var described)
                ? !described(s.Default)
                : !SettingDefaults.Agree(s.Default, readme[s.Name].Default))
            .Select(s => $"{s} but README says {readme[s.Name].Default ?? "—"}")
            .ToArray();

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void The_README_states_the_scripts_defaults()
    {
        var readme = ReadmeConfigurationTable.Read().ToDictionary(s => s.Name, StringComparer.Ordinal);
        var wrong = ScriptSettings.Read()
            .Where(s => s.Value.Count == 0 || !s.Value.Any(d => readme.TryGetValue(s.Key, out var row) && SettingDefaults.Agree(d, row.Default)))
            .Select(s => $"{s.Key}: scripts {(s.Value.Count == 0 ? "never read it" : "default it to " + string.Join(" or ", s.Value.Select(d => d ?? "unset")))}")
            .ToArray();

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void Env_example_lists_every_setting_and_shows_only_defaults()
    {
        var example = EnvExample.Read();
        var listed = example.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var declared = Declared.Select(s => s.Name).Concat(ScriptSettings.Names).ToHashSet(StringComparer.Ordinal);
        // A value shown for a setting that has a default must be that default; unset ones show an example value.
        var defaults = Declared.DistinctBy(s => s.Name).Where(s => s.Default is not null && !DescribedDefaults.ContainsKey(s.Name))
            .ToDictionary(s => s.Name, s => s.Default, StringComparer.Ordinal);

        declared.Except(listed).Order(StringComparer.Ordinal).ShouldBeEmpty("declared but missing from .env.example");
        listed.Except(declared).Order(StringComparer.Ordinal).ShouldBeEmpty("in .env.example but read by nothing");
        example.Where(s => s.Default is not null && defaults.TryGetValue(s.Name, out var d) && !SettingDefaults.Agree(d, s.Default))
            .Select(s => $"{s} but the default is {defaults[s.Name]}")
            .ShouldBeEmpty();
    }
}
