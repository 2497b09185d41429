using Cockpit.AgentBridge;
using Cockpit.AgentBridge.Inbound;
using Cockpit.Commands;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.GraphQL;
using Cockpit.GraphQL.Transport;
using Cockpit.Http;
using Cockpit.Silo;
using Cockpit.Silo.Agents;
using Cockpit.Silo.Cluster;
using Cockpit.Silo.CockpitUi;
using Cockpit.Silo.Configuration;
using Cockpit.Silo.Dispatch;
using Cockpit.Silo.Documents;
using Cockpit.Silo.Health;
using Cockpit.Silo.Hosting;
using Cockpit.Silo.Jobs;
using Cockpit.Silo.Mcp;
using Cockpit.Silo.Observability;
using Cockpit.Silo.OpenApi;
using Cockpit.Silo.Security;
using Cockpit.Silo.Statistics;
using Cockpit.Silo.Telemetry;
using Cockpit.Silo.Usage;
using Cockpit.Silo.Workspace;
using Cockpit.Storage;
using Cockpit.Storage.Migrations;
using Cockpit.Storage.Telemetry;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(args);
    var config = builder.Configuration;
    // Read now rather than at start: Kestrel, Orleans and the migration below need them before the host exists.
    var silo = SettingBinder.Read<SiloOptions>(config);
    var liveness = SettingBinder.Read<AgentLivenessOptions>(config);
    var connectionString = SettingBinder.Read<PostgresOptions>(config).ConnectionString();

    // The schema must exist before Orleans' providers touch the database; the migrator locks, so silos may race here.
    await new DatabaseMigrator(connectionString).MigrateAsync();

    builder.WebHost.ConfigureKestrel(kestrel =>
    {
        kestrel.Limits.MaxRequestBodySize = silo.MaxRequestBodyBytes;
        kestrel.Listen(silo.BindIp, silo.HttpPort);
    });

    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddSettings<AgentLivenessOptions>(config);
    builder.Services.AddSettings<DispatcherOptions>(config);
    builder.Services.AddAgentBridgeOutbound(config);
    builder.Services.AddSingleton<RegistrationValidator>();
    // Storage before Orleans: hosted services stop in reverse order, so the read-model projector outlives the silo
    // and still writes what deactivating grains publish.
    builder.Services.AddCockpitStorage(connectionString, config);
    builder.UseOrleans(orleans => OrleansSetup.Configure(orleans, silo, liveness, connectionString));
    builder.Services.AddCockpitHealthChecks();
    builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
    builder.Services.AddProblemDetails();
    builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
    // Feature services: one line per feature (keep this anchor; features insert their line right below it).
    builder.Services.AddCockpitSecurity(config);
    builder.Services.AddCockpitMcp().AddCockpitOpenApi();
    builder.Services.AddCockpitUi(config);
    builder.Services.AddJobCommands(config).AddCockpitGraphQL(config);
    builder.Services.AddCockpitObservability(config);
    builder.Services.AddCockpitStatistics(config);
    builder.Services.AddCockpitTelemetry(config);
    builder.Services.AddCockpitUsage(config);
    builder.Services.AddCockpitWorkspace(config);
    builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = silo.ShutdownGrace);

    var app = builder.Build();
    // Every ValidateOnStart check now, so a bad setting is reported below as one line rather than logged by the host.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    ShutdownDeadline.Arm(app.Lifetime, silo.ShutdownGrace, app.Logger);
    StartupReport.Arm(app, silo, connectionString);
    app.UseExceptionHandler();
    app.UseStatusCodePages();

    app.MapCockpitHealth();
    app.MapAgentProtocol();
    app.MapAgentEndpoints();
    app.MapJobEndpoints();
    app.MapDispatchEndpoints();
    app.MapClusterEndpoints();
    // Feature endpoints: one line per feature (keep this anchor; features insert their line right below it).
    // Authentication, roles, CSRF and rate limits guard every endpoint, those mapped above this line too: WebApplication
    // matches routes before any middleware added here and runs the matched endpoint after all of it. Only middleware order
    // matters here: security must come before the static cockpit files (MapCockpitUi's UseStaticFiles) it also guards.
    app.UseCockpitSecurity();
    app.MapCockpitMcp().MapCockpitOpenApi();
    app.MapCockpitUi();
    app.MapCockpitGraphQL();
    app.MapCockpitObservability();
    app.MapCockpitStatistics();
    app.MapTelemetryEndpoints();
    app.MapUsageEndpoints();
    app.MapWorkspaceEndpoints().MapDocumentEndpoints();

    await app.RunAsync();
    return 0;
}
catch (Exception e) when (BadSettingReport.LineFor(e) is { } line)
{
    await Console.Error.WriteLineAsync($"cockpit-silo: {line}");
    return BadSettingReport.ExitCode;
}

/// <summary>Exposed so in-process tests can host the silo with WebApplicationFactory.</summary>
public partial class Program;
