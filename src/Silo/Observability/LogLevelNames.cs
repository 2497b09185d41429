namespace Cockpit.Silo.Observability;

/// <summary>
/// Reads LOG_LEVEL. The seed's deployments set Python's names (DEBUG, INFO, WARNING, ERROR, CRITICAL); .NET's names
/// (Trace, Debug, Information, Warning, Error, Critical, None) work too, in any case.
/// </summary>
public static class LogLevelNames
{
    private static readonly Dictionary<string, LogLevel> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = LogLevel.Trace,
        ["debug"] = LogLevel.Debug,
        ["info"] = LogLevel.Information,
        ["information"] = LogLevel.Information,
        ["warn"] = LogLevel.Warning,
        ["warning"] = LogLevel.Warning,
        ["error"] = LogLevel.Error,
        ["critical"] = LogLevel.Critical,
        ["fatal"] = LogLevel.Critical,
        ["none"] = LogLevel.None,
    };

    /// <summary>The names accepted, for error messages.</summary>
    public static string Accepted => "trace, debug, info, information, warn, warning, error, critical, fatal, none";

    public static bool TryParse(string? text, out LogLevel level) => Known.TryGetValue(text?.Trim() ?? "", out level);
}
