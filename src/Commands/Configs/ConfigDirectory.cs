namespace Cockpit.Commands.Configs;

/// <summary>Where the agent configurations live: the CONFIG_DIR setting, resolved against the content root.</summary>
public static class ConfigDirectory
{
    /// <summary>The setting naming the config directory.</summary>
    public const string SettingName = "CONFIG_DIR";

    /// <summary>
    /// CONFIG_DIR when set (absolute, or relative to <paramref name="contentRoot"/>). Unset: <c>config/</c> in the
    /// content root (the working directory, normally the repository root or the container's app folder), else the
    /// nearest <c>config/</c> above it that holds a <c>schema.json</c> (a silo started from <c>src/Silo</c>),
    /// else <c>config/</c> in the content root, which then simply has no configurations.
    /// </summary>
    public static string Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured.Trim(), contentRoot);

        var beside = Path.Combine(contentRoot, "config");
        if (System.IO.Directory.Exists(beside)) return Path.GetFullPath(beside);
        for (var dir = new DirectoryInfo(contentRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config");
            if (File.Exists(Path.Combine(candidate, ConfigCatalog.SchemaFile))) return candidate;
        }
        return Path.GetFullPath(beside);
    }
}
