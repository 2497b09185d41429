namespace Cockpit.TestSupport;

/// <summary>
/// The environment that makes a silo process listen on loopback with ports of its own and join a given cluster:
/// what the end-to-end tests and the benchmark both need before adding settings of their own.
/// </summary>
public static class LoopbackSiloEnvironment
{
    public static Dictionary<string, string> Create(string connectionString, string clusterId, string workspaceRoot, int httpPort) => new()
    {
        ["POSTGRES_CONNECTION_STRING"] = connectionString,
        ["ORCHESTRATOR_PORT"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ORCHESTRATOR_BIND"] = "127.0.0.1",
        ["SILO_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GATEWAY_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SILO_ADVERTISED_IP"] = "127.0.0.1",
        ["CLUSTER_ID"] = clusterId,
        ["SERVICE_ID"] = clusterId,
        ["WORKSPACE_ROOT"] = workspaceRoot,
        // Scripts and simulated agents act as guests, as under `make up`; tests that need admin sign in (mock login).
        ["AUTH_GUEST_ROLE"] = "operator",
        ["AUTH_DEV_LOGIN"] = "true",
        // Every agent of a test registers from loopback, one client address; the limit has tests of its own.
        ["AGENT_REGISTRATION_RATE_LIMIT_PER_MINUTE"] = "0",
        ["Logging__LogLevel__Default"] = "Information",
        ["Logging__LogLevel__Orleans"] = "Warning",
        ["Logging__LogLevel__Microsoft"] = "Warning",
    };
}
