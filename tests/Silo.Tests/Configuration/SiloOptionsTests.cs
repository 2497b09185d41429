using System.Net;
using Cockpit.Settings;
using Cockpit.Silo.Configuration;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Cockpit.Silo.Tests.Configuration;

public sealed class SiloOptionsTests
{
    private static T Read<T>(params (string Key, string Value)[] values) where T : new() =>
        SettingBinder.Read<T>(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());

    [Fact]
    public void The_advertised_address_is_SILO_ADVERTISED_IP_then_POD_IP_then_loopback()
    {
        Read<SiloOptions>().AdvertisedIp.ShouldBe(IPAddress.Loopback);
        Read<SiloOptions>(("POD_IP", "10.42.0.7")).AdvertisedIp.ShouldBe(IPAddress.Parse("10.42.0.7"));
        Read<SiloOptions>(("POD_IP", "10.42.0.7"), ("SILO_ADVERTISED_IP", "192.168.1.5")).AdvertisedIp.ShouldBe(IPAddress.Parse("192.168.1.5"));
    }

    [Theory]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("::1", "::1")]
    public void The_bind_address_is_an_address_or_localhost(string bind, string expected) =>
        Read<SiloOptions>(("ORCHESTRATOR_BIND", bind)).BindIp.ShouldBe(IPAddress.Parse(expected));

    [Theory]
    [InlineData("ORCHESTRATOR_BIND", "my-host", "ORCHESTRATOR_BIND='my-host' is not an IP address (e.g. 127.0.0.1, 0.0.0.0) or localhost.")]
    [InlineData("POD_IP", "pod-7", "SILO_ADVERTISED_IP/POD_IP='pod-7' is not an IP address.")]
    [InlineData("GATEWAY_PORT", "-1", "GATEWAY_PORT='-1' is not a whole number from 0 to 65535.")]
    [InlineData("SILO_SHUTDOWN_SECONDS", "301", "SILO_SHUTDOWN_SECONDS='301' is not a whole number from 1 to 300.")]
    [InlineData("MAX_REQUEST_BODY_BYTES", "1023", "MAX_REQUEST_BODY_BYTES='1023' is not a whole number from 1024 to 2147483647.")]
    public void A_bad_value_stops_the_silo_naming_it(string key, string value, string message) =>
        Should.Throw<SettingException>(() => Read<SiloOptions>((key, value))).Message.ShouldBe(message);

    [Fact]
    public void The_connection_string_is_built_from_the_seeds_parts_unless_one_is_given()
    {
        var built = new NpgsqlConnectionStringBuilder(Read<PostgresOptions>(("POSTGRES_HOST", "db"), ("POSTGRES_PASSWORD", "s3cret")).ConnectionString());
        (built.Host, built.Port, built.Database, built.Username, built.Password, built.MaxPoolSize).ShouldBe(("db", 5432, "graphrag", "graphrag", "s3cret", 50));

        Read<PostgresOptions>(("POSTGRES_CONNECTION_STRING", "Host=elsewhere"), ("POSTGRES_HOST", "db")).ConnectionString().ShouldBe("Host=elsewhere");
    }

    [Fact]
    public void Offline_grace_must_exceed_the_heartbeat_interval()
    {
        Should.Throw<SettingException>(() => Read<Grains.Agents.AgentLivenessOptions>(("AGENT_HEARTBEAT_INTERVAL_SECONDS", "60"), ("AGENT_OFFLINE_AFTER_SECONDS", "60")))
            .Message.ShouldStartWith("AGENT_OFFLINE_AFTER_SECONDS (60) must be greater than AGENT_HEARTBEAT_INTERVAL_SECONDS (60)");

        var liveness = Read<Grains.Agents.AgentLivenessOptions>(("AGENT_OFFLINE_AFTER_SECONDS", "12"), ("AGENT_HEARTBEAT_INTERVAL_SECONDS", "3"));
        (liveness.OfflineAfter, liveness.HeartbeatInterval, liveness.EffectiveSilenceCheckInterval, liveness.EffectiveJobConfirmationGrace)
            .ShouldBe((TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6)));
    }
}
