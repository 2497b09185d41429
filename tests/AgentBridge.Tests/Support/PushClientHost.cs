using Cockpit.AgentBridge.Outbound;
using Cockpit.Grains.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.AgentBridge.Tests.Support;

/// <summary>
/// The push client as the silo builds it (AddAgentBridgeOutbound over configuration keys), plus an attempt counter.
/// Defaults for tests: a 10 ms backoff base, so retry tests do not wait on production-sized delays.
/// </summary>
public sealed class PushClientHost : IDisposable
{
    private readonly ServiceProvider _services;

    private PushClientHost(ServiceProvider services, AttemptCounter attempts)
    {
        _services = services;
        Attempts = attempts;
    }

    public AttemptCounter Attempts { get; }

    public IAgentPodClient Client => _services.GetRequiredService<IAgentPodClient>();

    public IServiceProvider Services => _services;

    public static PushClientHost Create(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["AGENT_PUSH_RETRY_DELAY_MILLISECONDS"] = "10" };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var attempts = new AttemptCounter();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAgentBridgeOutbound(configuration);

        // Added after the resilience handler, so it sits inside it and sees every attempt.
        services.AddHttpClient(AgentPodClient.HttpClientName).AddHttpMessageHandler(attempts.CreateHandler);
        return new PushClientHost(services.BuildServiceProvider(validateScopes: true), attempts);
    }

    public void Dispose() => _services.Dispose();
}
