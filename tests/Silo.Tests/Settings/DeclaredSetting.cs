using Cockpit.Settings;

namespace Cockpit.Silo.Tests.Settings;

/// <summary>One setting as its options class declares it: the environment variable, the default as text (null: unset).</summary>
public sealed record DeclaredSetting(string Name, string? Default, Type Owner, SettingProperty Property)
{
    public override string ToString() => $"{Name} ({Owner.Name}.{Property.Property.Name}, default {Default ?? "unset"})";
}
