using Cockpit.Agent.Configuration;
using Cockpit.Agent.Jobs;
using Cockpit.Agent.Llm;
using Cockpit.Agent.Orchestrator;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cockpit.Agent.Telemetry;

public static class AgentTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Reports telemetry to the orchestrator (unless AGENT_TELEMETRY=off): <see cref="TelemetryReporter"/> becomes
    /// the <see cref="IAgentTelemetry"/> and a hosted service, the registered <see cref="IJobWorkload"/> is wrapped
    /// in <see cref="ReportingJobWorkload"/>, and the chat-completions client records its exchanges. Call it after
    /// the workload is registered. Tests may register their own <see cref="TelemetryReporterOptions"/> or
    /// <see cref="IAgentTelemetry"/> afterwards; the last registration wins.
    /// </summary>
    public static IServiceCollection AddAgentTelemetryReporting(this IServiceCollection services, AgentOptions agent, TelemetryReporterOptions? reporter = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(agent);
        reporter ??= TelemetryReporterOptions.FromEnvironment();
        services.TryAddSingleton(reporter);
        if (!reporter.Enabled) return services;

        services.TryAddSingleton(new OrchestratorCredentials(agent.RegistrationToken));
        services.TryAddTransient<OrchestratorAuthHandler>();
        services.AddHttpClient<TelemetryClient>(http =>
        {
            var url = agent.OrchestratorUrl.AbsoluteUri;
            http.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
            http.Timeout = agent.OrchestratorRequestTimeout;
        }).AddHttpMessageHandler<OrchestratorAuthHandler>(); // the agent token, when the orchestrator requires one
        services.AddSingleton<TelemetryReporter>();
        services.AddSingleton<IAgentTelemetry>(sp => sp.GetRequiredService<TelemetryReporter>());
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryReporter>());

        // The workload as registered, wrapped: same lifetime, whatever type it is.
        var workload = services.LastOrDefault(d => d.ServiceType == typeof(IJobWorkload))
            ?? throw new InvalidOperationException("Register the IJobWorkload before AddAgentTelemetryReporting.");
        services.Remove(workload);
        services.Add(ServiceDescriptor.Describe(typeof(IJobWorkload), sp => new ReportingJobWorkload(
            (IJobWorkload)Create(sp, workload), sp.GetRequiredService<IAgentTelemetry>(), sp.GetRequiredService<TelemetryReporterOptions>()),
            workload.Lifetime));

        if (agent.LlmEnabled)
        {
            services.AddTransient<LlmExchangeRecorder>();
            services.AddHttpClient(nameof(ChatCompletionsClient)).AddHttpMessageHandler<LlmExchangeRecorder>();
        }
        return services;
    }

    private static object Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
