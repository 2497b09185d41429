using Cockpit.AgentBridge.Networks;
using Cockpit.AgentBridge.Outbound;
using Cockpit.AgentBridge.Security;
using Cockpit.Grains.Ports;
using Cockpit.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cockpit.AgentBridge;

public static class AgentBridgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the outbound half of the agent protocol: <see cref="AgentBridgeOptions"/> (bound from the root of
    /// <paramref name="configuration"/>, where the AGENT_* keys live, and validated at start), the
    /// <see cref="DestinationGuard"/>, and <see cref="AgentPodClient"/> as <see cref="IAgentPodClient"/>.
    /// </summary>
    public static IServiceCollection AddAgentBridgeOutbound(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // ValidateOnStart: a typo in AGENT_ALLOWED_NETWORKS stops the silo at boot with the entry named, instead of
        // surfacing as Forbidden on the first push hours later.
        services.AddSettings<AgentBridgeOptions>(configuration);

        // Agent credentials (AGENT_REGISTRATION_TOKEN) live with the same options; the inbound endpoints check them.
        services.TryAddSingleton<AgentTokens>();
        services.TryAddSingleton(sp => new DestinationGuard(sp.GetRequiredService<IOptions<AgentBridgeOptions>>().Value.ParseAllowedNetworks()));

        services.AddHttpClient<IAgentPodClient, AgentPodClient>(AgentPodClient.HttpClientName, http =>
            {
                // The resilience pipeline owns every timeout; HttpClient's own 100 s would only blur which one fired.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => AgentPushPipeline.CreatePrimaryHandler(sp.GetRequiredService<IOptions<AgentBridgeOptions>>().Value))
            .AddResilienceHandler(AgentPushPipeline.ResiliencePipelineName, (builder, context) =>
                AgentPushPipeline.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<AgentBridgeOptions>>().Value));

        return services;
    }
}
