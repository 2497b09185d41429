namespace Cockpit.Silo.Usage;

/// <summary>Where the LLM prices are read from (reloaded when the file changes).</summary>
public sealed class PriceFileOptions
{
    /// <summary>
    /// PRICES_FILE: the prices file (USD per million tokens), absolute or relative to the content root; its schema
    /// <c>prices.schema.json</c> must lie beside it. Default: unset, meaning <c>prices.yaml</c> in the config directory
    /// (CONFIG_DIR), so prices travel with the agent configs they price.
    /// </summary>
    [ConfigurationKeyName("PRICES_FILE")]
    public string? Path { get; set; }

    /// <summary>The file: <see cref="Path"/>, else <c>prices.yaml</c> in <paramref name="configDirectory"/>.</summary>
    public string Resolve(string configDirectory, string contentRoot) =>
        Path is null ? System.IO.Path.Combine(configDirectory, PriceFile.FileName) : System.IO.Path.GetFullPath(Path, contentRoot);
}
