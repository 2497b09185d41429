namespace Cockpit.Silo.Observability;

/// <summary>How console log lines look (LOG_FORMAT).</summary>
public enum LogFormat
{
    /// <summary>ASP.NET Core's readable two-line format: for people at a terminal (the default).</summary>
    Plain,

    /// <summary>One JSON object per line (timestamp, level, category, message, state, scopes): for log collectors.</summary>
    Json,
}
