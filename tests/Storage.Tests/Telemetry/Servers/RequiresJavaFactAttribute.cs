namespace Cockpit.Storage.Tests.Telemetry.Servers;

/// <summary>
/// A fact that runs only where Java is installed (Neo4j 3.1 runs on Debian's openjdk-17-jre-headless); elsewhere
/// it is reported as skipped with the reason, rather than failing a machine that lacks the package.
/// </summary>
public sealed class RequiresJavaFactAttribute : FactAttribute
{
    public RequiresJavaFactAttribute()
    {
        if (TelemetryServers.Which("java") is null)
            Skip = "java not found: install openjdk-17-jre-headless to run the Neo4j tests";
    }
}
