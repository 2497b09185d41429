using Cockpit.Deploy.Tests.Support;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>
/// Every setting the manifests give the silo and the agent is one the code reads (a "NAME" string in src/) or the
/// documentation lists (.env.example, README): a misspelt name would be ignored without a word.
/// </summary>
[Collection(DeployCollection.Name)]
public sealed class SettingNameTests(DeployFixture fixture)
{
    /// <summary>Set for people and logs (kubectl exec, env dumps); the applications need not read them.</summary>
    private static readonly HashSet<string> Informational = ["POD_NAME", "POD_NAMESPACE"];

    private static readonly Lazy<string> KnownText = new(() => string.Join('\n',
        Directory.EnumerateFiles(RepositoryPaths.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .Append(File.ReadAllText(RepositoryPaths.Combine(".env.example")))
            .Append(File.ReadAllText(RepositoryPaths.Combine("README.md")))));

    /// <summary>True when the name appears as a whole word in the sources or the docs.</summary>
    public static bool IsKnownSetting(string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(KnownText.Value, $@"(?<![A-Z0-9_]){System.Text.RegularExpressions.Regex.Escape(name)}(?![A-Z0-9_])");

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Every_setting_given_to_silo_and_agent_is_one_the_code_reads(string overlay)
    {
        var manifests = fixture.Overlay(overlay);
        foreach (var (workload, container) in new[] { (Names.SiloWorkload, Names.SiloContainer), (Names.AgentWorkload, Names.AgentContainer) })
        {
            var pod = manifests.Workload(workload).Container(container);
            var names = pod.Env.Select(e => e.Text("name")!)
                .Concat(pod.EnvFromConfigMaps.SelectMany(m => manifests.ConfigMap(m)!.Body.StringMap("data").Keys));
            // A variable spliced into another's value with $(NAME) is read by the kubelet itself (the agent's LABEL_*).
            var spliced = pod.Env.Select(e => e.Text("value")).OfType<string>().SelectMany(PodEnvironment.References).ToHashSet();
            names.Where(n => !Informational.Contains(n) && !spliced.Contains(n) && !IsKnownSetting(n)).ShouldBeEmpty($"{workload}: settings nothing reads");
        }
    }

    [Fact]
    public void A_made_up_setting_is_not_known()
    {
        IsKnownSetting("SILO_PORTS").ShouldBeFalse();
        IsKnownSetting("SILO_PORT").ShouldBeTrue();
    }
}
