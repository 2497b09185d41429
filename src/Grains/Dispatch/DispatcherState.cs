namespace Cockpit.Grains.Dispatch;

/// <summary>What the dispatcher persists: only the limits people set. Everything else is rebuilt from the read model.</summary>
[GenerateSerializer]
public sealed class DispatcherState
{
    [Id(0)] public Dictionary<string, int> Limits { get; set; } = new(StringComparer.Ordinal);
}
