using Microsoft.Extensions.Configuration;

namespace Cockpit.Commands.Configs;

/// <summary>Where the named agent configurations (and the prices file) live.</summary>
public sealed class ConfigDirectoryOptions
{
    /// <summary>
    /// CONFIG_DIR: the directory of the named agent configs (<c>*.yaml</c>, validated against its <c>schema.json</c>),
    /// absolute or relative to the content root. Default: unset, meaning <c>config/</c> as found by
    /// <see cref="ConfigDirectory.Resolve"/>, the repository's own when the silo runs from a checkout.
    /// </summary>
    [ConfigurationKeyName(ConfigDirectory.SettingName)]
    public string? Directory { get; set; }

    /// <summary>The directory, resolved against <paramref name="contentRoot"/>.</summary>
    public string Resolve(string contentRoot) => ConfigDirectory.Resolve(Directory, contentRoot);
}
