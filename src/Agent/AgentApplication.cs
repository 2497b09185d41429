using System.Net;
using Cockpit.Agent.Configuration;
using Cockpit.Agent.Jobs;
using Cockpit.Agent.Llm;
using Cockpit.Agent.Orchestrator;
using Cockpit.Agent.Requirements;
using Cockpit.Agent.Status;
using Cockpit.Agent.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cockpit.Agent;

/// <summary>
/// Builds the agent pod's web application from <see cref="AgentOptions"/>. Program.cs and the tests use the same
/// method, so the tests run the real agent rather than a copy of its wiring.
/// </summary>
public static class AgentApplication
{
    /// <param name="configure">Runs last, so tests can swap services (e.g. <see cref="IAgentTelemetry"/>) or logging.</param>
    public static WebApplication Build(AgentOptions options, string[]? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [] });
        builder.WebHost.ConfigureKestrel(kestrel => Listen(kestrel, options));
        builder.Services.ConfigureHttpJsonOptions(json => AgentJson.Configure(json.SerializerOptions));
        builder.Services.AddProblemDetails();
        // The HTTP client factory logs every refused connection with a stack trace; our own warnings say enough.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        // A push is logged by the supervisor (job started, cancelled, …); the per-request lines ASP.NET Core adds would
        // be six more per push in `make up`'s terminal, and the host's four at start say less than our one "listening"
        // line below. Logging__LogLevel__<category>=Information brings them back (a blank value counts as unset).
        foreach (var category in new[] { "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Http.Result", "Microsoft.Hosting.Lifetime" })
        {
            if (string.IsNullOrWhiteSpace(builder.Configuration[$"Logging:LogLevel:{category}"])) builder.Logging.AddFilter(category, LogLevel.Warning);
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<AgentState>();
        builder.Services.AddSingleton<ProcessMetrics>();
        builder.Services.AddSingleton<IAgentTelemetry, NoOpAgentTelemetry>();
        builder.Services.TryAddSingleton(new OrchestratorCredentials(options.RegistrationToken));
        builder.Services.TryAddTransient<OrchestratorAuthHandler>();
        builder.Services.AddHttpClient<OrchestratorClient>(http =>
        {
            http.BaseAddress = WithTrailingSlash(options.OrchestratorUrl);
            http.Timeout = options.OrchestratorRequestTimeout;
        }).AddHttpMessageHandler<OrchestratorAuthHandler>();
        if (options.LlmEnabled)
        {
            builder.Services.AddHttpClient<ChatCompletionsClient>(http => http.Timeout = options.LlmRequestTimeout);
            builder.Services.AddSingleton<IJobWorkload, LlmRequirementsWorkload>();
        }
        else
        {
            builder.Services.AddSingleton<IJobWorkload, RequirementExtractionWorkload>();
        }
        builder.Services.AddAgentTelemetryReporting(options); // AGENT_TELEMETRY: reports to the orchestrator, wraps the workload above

        // Hosted services stop in reverse order: the supervisor (registered last) checkpoints the running job
        // before the link deregisters from the orchestrator.
        builder.Services.AddHostedService<OrchestratorLink>();
        builder.Services.AddSingleton<JobSupervisor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<JobSupervisor>());

        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapJobEndpoints();
        app.MapStatusEndpoints();
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
            "Cockpit agent '{Hostname}' (config {Config}, workload {Workload}) listening on {Bind}:{Port}; workspace {Workspace}; document roots {DocumentRoots}; orchestrator {Orchestrator}",
            options.Hostname, options.ConfigName, app.Services.GetRequiredService<IJobWorkload>().Name, options.BindAddress, options.Port,
            Path.GetFullPath(options.WorkspaceRoot), options.ReadableDocumentRoots(), options.OrchestratorUrl));
        return app;
    }

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, AgentOptions options)
    {
        var bind = options.BindAddress.Trim('[', ']');
        if (bind is "*" or "+") kestrel.ListenAnyIP(options.Port);
        else if (bind.Equals("localhost", StringComparison.OrdinalIgnoreCase)) kestrel.ListenLocalhost(options.Port);
        else if (IPAddress.TryParse(bind, out var address)) kestrel.Listen(address, options.Port);
        else throw new AgentConfigurationException($"AGENT_BIND_ADDRESS='{options.BindAddress}' is neither an IP address nor 'localhost'.");
    }

    // HttpClient drops the last path segment of a base address without a trailing slash (http://host/orch → http://host/).
    private static Uri WithTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
