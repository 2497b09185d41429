using Cockpit.Deploy.Tests.Kubernetes;

namespace Cockpit.Deploy.Tests.Docker;

/// <summary>docker-compose.yaml (one machine: PostgreSQL 15, one silo, two agents, one workspace), linted without Docker.</summary>
public sealed class ComposeTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load(Support.RepositoryPaths.Combine("docker-compose.yaml"));

    private static Dictionary<object, object> Service(string name) =>
        Compose.Services.TryGetValue(name, out var service) ? service : throw new ShouldAssertException($"docker-compose.yaml has no service {name}");

    private static IEnumerable<(string Name, Dictionary<object, object> Service)> Agents =>
        Compose.Services.Where(s => ComposeFile.Text(ComposeFile.Map(s.Value, "build"), "dockerfile") == "deploy/docker/agent.Dockerfile")
            .Select(s => (s.Key, s.Value));

    [Fact]
    public void Runs_postgres_15_one_silo_and_two_agents_built_from_the_dockerfiles()
    {
        ComposeFile.Text(Service("postgres"), "image").ShouldBe("postgres:15");
        var build = ComposeFile.Map(Service("silo"), "build");
        ComposeFile.Text(build, "context").ShouldBe(".");
        ComposeFile.Text(build, "dockerfile").ShouldBe("deploy/docker/silo.Dockerfile");
        Agents.Count().ShouldBe(2);
        foreach (var dockerfile in Compose.Services.Values.Select(s => ComposeFile.Text(ComposeFile.Map(s, "build"), "dockerfile")).OfType<string>())
        {
            File.Exists(Support.RepositoryPaths.Combine(dockerfile)).ShouldBeTrue(dockerfile);
        }
    }

    [Fact]
    public void The_silo_uses_the_postgres_service_with_its_credentials()
    {
        var silo = ComposeFile.Environment(Service("silo"));
        var postgres = ComposeFile.Environment(Service("postgres"));
        silo["POSTGRES_HOST"].ShouldBe("postgres");
        silo["POSTGRES_PORT"].ShouldBe("5432");
        foreach (var key in new[] { "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD" }) silo[key].ShouldBe(postgres[key], key);
        ComposeFile.Map(ComposeFile.Map(Service("silo"), "depends_on"), "postgres")["condition"].ShouldBe("service_healthy");
    }

    [Fact]
    public void Agents_have_distinct_hostnames_and_call_the_silo_on_its_port()
    {
        var siloPort = ComposeFile.Environment(Service("silo"))["ORCHESTRATOR_PORT"];
        var hostnames = new HashSet<string>();
        foreach (var (name, agent) in Agents)
        {
            var environment = ComposeFile.Environment(agent);
            hostnames.Add(environment["AGENT_HOSTNAME"]).ShouldBeTrue($"{name} reuses hostname {environment["AGENT_HOSTNAME"]}: one hostname is one agent id");
            environment["ORCHESTRATOR_URL"].ShouldBe($"http://silo:{siloPort}");
        }
    }

    [Fact]
    public void Silo_and_agents_share_one_workspace_volume_at_their_workspace_root()
    {
        var volumes = new List<string>();
        foreach (var (name, service) in Agents.Prepend(("silo", Service("silo"))))
        {
            var root = ComposeFile.Environment(service)["WORKSPACE_ROOT"];
            var mount = ComposeFile.Mounts(service).Where(m => m.Target == root).ShouldHaveSingleItem($"{name} mounts nothing at {root}");
            volumes.Add(mount.Source);
        }
        volumes.Distinct().ShouldHaveSingleItem();
        Compose.Volumes.ShouldContain(volumes[0], "a named volume, declared at the top level");
    }

    [Fact]
    public void Silo_and_agents_read_dot_env_and_every_setting_they_get_is_known()
    {
        foreach (var (name, service) in Agents.Prepend(("silo", Service("silo"))))
        {
            var envFile = ComposeFile.List(service, "env_file").OfType<Dictionary<object, object>>().ShouldHaveSingleItem($"{name} reads no env_file");
            ComposeFile.Text(envFile, "path").ShouldBe(".env");
            ComposeFile.Environment(service).Keys.Where(k => !SettingNameTests.IsKnownSetting(k)).ShouldBeEmpty(name);
        }
    }
}
