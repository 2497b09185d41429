using System.Reflection;
using Cockpit.Settings;
using Cockpit.TestSupport;

namespace Cockpit.Silo.Tests.Settings;

/// <summary>
/// Every setting every Cockpit process declares: the properties with a configuration key in the options classes of the
/// silo (and the projects it references), the reference agent, the cluster proxy and the demo LLM.
/// </summary>
public static class DeclaredSettings
{
    public static IReadOnlyList<DeclaredSetting> All { get; } = Find();

    private static IReadOnlyList<DeclaredSetting> Find()
    {
        var roots = new[]
        {
            typeof(Cockpit.Silo.Configuration.SiloOptions).Assembly,
            typeof(Agent.Configuration.AgentOptions).Assembly,
            typeof(ClusterProxy.ProxyOptions).Assembly,
            Assembly.LoadFrom(RepoPaths.DemoLlmDll),
        };
        return CockpitAssemblies(roots)
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && SettingProperty.Of(t).Count > 0)
            .SelectMany(t =>
            {
                var defaults = Activator.CreateInstance(t)!;
                return SettingProperty.Of(t).Select(p => new DeclaredSetting(p.EnvironmentName, SettingValue.Format(p.Property.GetValue(defaults)), t, p));
            })
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToArray();
    }

    private static IEnumerable<Assembly> CockpitAssemblies(IEnumerable<Assembly> roots)
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var queue = new Queue<Assembly>(roots);
        while (queue.TryDequeue(out var assembly))
        {
            if (!seen.TryAdd(assembly.GetName().Name!, assembly)) continue;
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Cockpit.", StringComparison.Ordinal)))
            {
                queue.Enqueue(Assembly.Load(reference));
            }
        }
        return seen.Values;
    }
}
