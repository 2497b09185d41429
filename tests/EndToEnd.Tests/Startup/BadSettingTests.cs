using Cockpit.EndToEnd.Tests.Support;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Startup;

/// <summary>
/// A bad setting stops the silo, the agent and the cluster proxy with one line that names the setting, what is wrong
/// and what is accepted, and exit code 2: no stack trace to dig it out of. Each case runs the real process.
/// </summary>
public sealed class BadSettingTests
{
    public static TheoryData<string, string[], string> Cases => new()
    {
        // process, settings, what the one line must say
        { "silo", ["AUTH_GUEST_ROLE=admin"], "AUTH_GUEST_ROLE='admin' is not allowed: guests may be none, viewer or operator" },
        { "silo", ["AGENT_REGISTRATION_TOKEN=abcdefghijk"], "AGENT_REGISTRATION_TOKEN must be at least 32 characters (got 11)" },
        { "silo", ["AGENT_PUSH_RETRIES=50"], "AGENT_PUSH_RETRIES must be from 0 to 10 (got 50)" },
        { "silo", ["SILO_PORT=70000"], "SILO_PORT='70000' is not a whole number from 1 to 65535" },
        { "silo", ["ORCHESTRATOR_BIND=0.0.0.0", "AUTH_DEV_LOGIN=true"], "AUTH_DEV_LOGIN=true signs anyone in as admin, so it needs ORCHESTRATOR_BIND on loopback" },
        { "silo", ["DOCUMENT_ROOTS=::"], "DOCUMENT_ROOTS='::' names no directory (separate directories with ':')" },
        { "agent", ["AGENT_PORT=abc"], "AGENT_PORT='abc' is not a whole number between 1 and 65535" },
        { "agent", ["DOCUMENT_ROOTS=::"], "DOCUMENT_ROOTS='::' names no directory (separate directories with ':')" },
        { "proxy", ["PROXY_PORT=0"], "PROXY_PORT='0' is not a whole number from 1 to 65535" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_setting_stops_the_process_with_one_line_and_exit_code_2(string process, string[] settings, string expected)
    {
        var dll = process switch
        {
            "silo" => RepoPaths.SiloDll,
            "agent" => RepoPaths.AgentDll,
            _ => ClusterProxyProcess.ProxyDll(),
        };
        // Good values for everything else, so the bad one is the only reason to stop; a database that exists, since
        // the silo migrates before it reads most settings.
        await using var database = await TestPostgres.CreateDatabaseAsync("badsetting");
        string[] good =
        [
            $"POSTGRES_CONNECTION_STRING={database.ConnectionString}",
            "ORCHESTRATOR_BIND=127.0.0.1", "AUTH_DEV_LOGIN=false", $"ORCHESTRATOR_PORT={FreePort.Next()}", $"SILO_PORT={FreePort.Next()}",
            "GATEWAY_PORT=0", $"AGENT_PORT={FreePort.Next()}", "ORCHESTRATOR_URL=http://127.0.0.1:9", "PROXY_DESTINATIONS=http://127.0.0.1:9",
        ];

        var result = await ProcessRunner.RunAsync("env", [.. good, .. settings, "dotnet", dll], RepoPaths.Root, TimeSpan.FromSeconds(90));

        result.ExitCode.ShouldBe(2, result.Describe());
        var lines = (result.StandardOutput + result.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(1, result.Describe());
        lines[0].ShouldContain(expected, Case.Sensitive, result.Describe());
    }
}
