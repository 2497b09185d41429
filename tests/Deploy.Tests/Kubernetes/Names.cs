namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>The names the manifests give the parts, in one place for the tests.</summary>
public static class Names
{
    public const string Namespace = "cockpit";
    public const string SiloWorkload = "cockpit-silo";
    public const string SiloContainer = "silo";
    public const string SiloService = "cockpit-silo";
    public const string AgentWorkload = "cockpit-agent";
    public const string AgentContainer = "agent";
    public const string WorkspaceClaim = "cockpit-workspace";
    public const string PostgresSecret = "cockpit-postgres";
    public const string RegistrationSecret = "cockpit-agent-registration";

    /// <summary>The value every Secret template and placeholder Secret uses for what the operator must fill in.</summary>
    public const string Placeholder = "REPLACE_ME";

    public static TheoryData<string> Overlays => new(Support.DeployFixture.OverlayNames);
}
