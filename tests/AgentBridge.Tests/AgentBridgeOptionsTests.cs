using System.Net;
using Cockpit.AgentBridge.Networks;
using Cockpit.AgentBridge.Outbound;
using Cockpit.Grains.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace Cockpit.AgentBridge.Tests;

public sealed class AgentBridgeOptionsTests
{
    private static ServiceProvider Build(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAgentBridgeOutbound(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task<Exception> StartHostWith(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddAgentBridgeOutbound(builder.Configuration);
        using var host = builder.Build();
        return await Should.ThrowAsync<OptionsValidationException>(host.StartAsync());
    }

    [Fact]
    public void Without_configuration_the_documented_defaults_apply()
    {
        using var services = Build();

        var options = services.GetRequiredService<IOptions<AgentBridgeOptions>>().Value;

        options.AllowedNetworks.ShouldBe("127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7");
        options.PushTimeoutSeconds.ShouldBe(5);
        options.PushRetries.ShouldBe(2);
        options.PushRetryDelayMilliseconds.ShouldBe(200);
        options.PushConnectTimeout.ShouldBe(TimeSpan.FromSeconds(2.5));
        options.PushTotalTimeout.ShouldBeGreaterThan(options.PushAttemptTimeout * 3);
    }

    [Fact]
    public void The_seeds_flat_keys_are_bound()
    {
        using var services = Build(
            ("AGENT_ALLOWED_NETWORKS", "10.0.0.0/8"),
            ("AGENT_PUSH_TIMEOUT_SECONDS", "1.5"),
            ("AGENT_PUSH_RETRIES", "4"),
            ("AGENT_PUSH_RETRY_DELAY_MILLISECONDS", "50"));

        var options = services.GetRequiredService<IOptions<AgentBridgeOptions>>().Value;

        options.AllowedNetworks.ShouldBe("10.0.0.0/8");
        options.PushAttemptTimeout.ShouldBe(TimeSpan.FromSeconds(1.5));
        options.PushRetries.ShouldBe(4);
        options.PushRetryDelayMilliseconds.ShouldBe(50);
        services.GetRequiredService<DestinationGuard>().Check("192.168.0.1").IsAllowed.ShouldBeFalse();
        services.GetRequiredService<DestinationGuard>().Check("10.9.9.9").IsAllowed.ShouldBeTrue();
    }

    [Fact]
    public void An_empty_network_list_means_the_default()
    {
        using var services = Build(("AGENT_ALLOWED_NETWORKS", ""));

        var guard = services.GetRequiredService<DestinationGuard>();

        guard.AllowedNetworks.ToString().ShouldBe(AllowedNetworks.Default.ToString());
        guard.Check("192.168.0.1").IsAllowed.ShouldBeTrue();
    }

    [Fact]
    public void The_client_is_registered_as_the_grains_pod_port()
    {
        using var services = Build();

        services.GetRequiredService<IAgentPodClient>().ShouldBeOfType<AgentPodClient>();
    }

    [Fact]
    public async Task A_bad_network_list_stops_startup_naming_the_entry()
    {
        var error = await StartHostWith(("AGENT_ALLOWED_NETWORKS", "10.0.0.0/8,172.16.0.0/33"));

        error.Message.ShouldContain("AGENT_ALLOWED_NETWORKS entry '172.16.0.0/33' is not a valid CIDR block");
    }

    [Theory]
    [InlineData("AGENT_PUSH_TIMEOUT_SECONDS", "0", "AGENT_PUSH_TIMEOUT_SECONDS must be from 0.05 to 300 (got 0)")]
    [InlineData("AGENT_PUSH_RETRIES", "-1", "AGENT_PUSH_RETRIES must be from 0 to 10 (got -1)")]
    [InlineData("AGENT_PUSH_RETRY_DELAY_MILLISECONDS", "2001", "AGENT_PUSH_RETRY_DELAY_MILLISECONDS must be from 0 to 2000 (got 2001)")]
    [InlineData("AGENT_REGISTRATION_TOKEN", "short-secret", "AGENT_REGISTRATION_TOKEN must be at least 32 characters (got 12)")]
    public async Task An_out_of_range_setting_stops_startup_naming_the_key(string key, string value, string message)
    {
        var error = await StartHostWith((key, value));

        error.Message.ShouldContain(message);
    }

    [Fact]
    public async Task A_valid_configuration_starts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAgentBridgeOutbound(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        host.Services.GetRequiredService<DestinationGuard>().Check(IPAddress.Loopback).IsAllowed.ShouldBeTrue();
    }
}
