namespace Cockpit.Silo.Tests.Settings;

/// <summary>One setting as a document states it: its variable and its default as written (null for "—" or no value).</summary>
public sealed record DocumentedSetting(string Name, string? Default, string Source)
{
    public override string ToString() => $"{Name} ({Source}, default {Default ?? "unset"})";
}
