using System.Net;
using Cockpit.Agent.Configuration;

namespace Cockpit.Agent.Tests.Pure;

public class ConfigurationTests
{
    [Fact]
    public void An_empty_environment_gives_the_documented_defaults()
    {
        var options = AgentOptions.FromEnvironment(_ => null);

        options.ShouldSatisfyAllConditions(
            () => options.OrchestratorUrl.ShouldBe(new Uri("http://localhost:8085")),
            () => options.Port.ShouldBe(8001),
            () => options.BindAddress.ShouldBe("0.0.0.0"),
            () => options.ConfigName.ShouldBe("default"),
            () => options.Hostname.ShouldBe(Environment.MachineName),
            () => options.WorkspaceRoot.ShouldBe("./workspace"),
            () => options.ReadableDocumentRoots().Directories.ShouldBe([Path.GetFullPath("./workspace")]),
            () => options.WorkDelay.ShouldBe(TimeSpan.FromMilliseconds(300)),
            () => options.LlmEnabled.ShouldBeFalse());
    }

    [Fact]
    public void Variables_override_the_defaults()
    {
        var environment = new Dictionary<string, string>
        {
            ["ORCHESTRATOR_URL"] = "http://orch:9000",
            ["POD_IP"] = "10.1.2.3",
            ["AGENT_PORT"] = "8123",
            ["AGENT_BIND_ADDRESS"] = "127.0.0.1",
            ["CONFIG_NAME"] = "creator",
            ["AGENT_HOSTNAME"] = "agent-7",
            ["WORKSPACE_ROOT"] = "/data/ws",
            ["AGENT_WORK_DELAY_MS"] = "0",
            ["LLM_BASE_URL"] = "http://llm:8000/v1",
            ["OPENAI_API_KEY"] = "sk-test",
            ["LLM_MODEL"] = "tiny",
        };

        var options = AgentOptions.FromEnvironment(environment.GetValueOrDefault);

        (options.OrchestratorUrl.Host, options.PodIp, options.Port, options.BindAddress, options.ConfigName, options.Hostname,
            options.WorkspaceRoot, options.WorkDelay, options.LlmEnabled, options.LlmModel)
            .ShouldBe(("orch", "10.1.2.3", 8123, "127.0.0.1", "creator", "agent-7", "/data/ws", TimeSpan.Zero, true, "tiny"));
    }

    [Fact]
    public void Document_roots_are_the_workspace_unless_DOCUMENT_ROOTS_names_others()
    {
        AgentOptions.FromEnvironment(n => n == "WORKSPACE_ROOT" ? "/data/ws" : null).ReadableDocumentRoots().Directories.ShouldBe(["/data/ws"]);
        AgentOptions.FromEnvironment(n => n switch { "WORKSPACE_ROOT" => "/data/ws", "DOCUMENT_ROOTS" => "/docs:/data/ws/uploads", _ => null })
            .ReadableDocumentRoots().Directories.ShouldBe(["/docs", "/data/ws/uploads"]);
    }

    [Theory]
    [InlineData("AGENT_PORT", "eighty")]
    [InlineData("AGENT_PORT", "70000")]
    [InlineData("AGENT_WORK_DELAY_MS", "-1")]
    [InlineData("ORCHESTRATOR_URL", "orch:8085")]
    [InlineData("AGENT_BIND_ADDRESS", "my-host")]
    [InlineData("DOCUMENT_ROOTS", ":")]
    public void A_bad_value_is_refused_with_the_variable_named(string name, string value) =>
        Should.Throw<AgentConfigurationException>(() => AgentOptions.FromEnvironment(n => n == name ? value : null))
            .Message.ShouldStartWith(name);

    [Fact]
    public void The_pod_address_is_pod_ip_then_a_specific_bind_address_then_the_first_non_loopback_ipv4()
    {
        IPAddress[] interfaces = [IPAddress.Loopback, IPAddress.IPv6Loopback, IPAddress.Parse("fe80::1"), IPAddress.Parse("192.168.1.20"), IPAddress.Parse("10.0.0.5")];

        PodAddressResolver.Resolve("10.9.9.9", "0.0.0.0", interfaces).ShouldBe("10.9.9.9");
        PodAddressResolver.Resolve(null, "127.0.0.1", interfaces).ShouldBe("127.0.0.1");
        PodAddressResolver.Resolve(null, "0.0.0.0", interfaces).ShouldBe("192.168.1.20");
        PodAddressResolver.Resolve(null, "0.0.0.0", [IPAddress.Loopback]).ShouldBe("127.0.0.1");
    }
}
