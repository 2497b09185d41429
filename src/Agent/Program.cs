using Cockpit.Agent;
using Cockpit.Agent.Configuration;

// The reference agent pod: `dotnet run --project src/Agent`. Configuration comes from environment variables
// (see AgentOptions); Ctrl-C or SIGTERM stops the running job with a checkpoint and deregisters the agent.
AgentOptions options;
try
{
    options = AgentOptions.FromEnvironment();
}
catch (AgentConfigurationException e)
{
    await Console.Error.WriteLineAsync($"cockpit-agent: {e.Message}");
    return 2;
}

try
{
    var app = AgentApplication.Build(options, args);
    await app.RunAsync();
    return 0;
}
catch (AgentConfigurationException e)
{
    // The telemetry settings (AGENT_TELEMETRY_*) are read while the application is built.
    await Console.Error.WriteLineAsync($"cockpit-agent: {e.Message}");
    return 2;
}
catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
{
    // Kestrel's bind failure; without this the user gets a stack trace instead of a hint to set AGENT_PORT.
    await Console.Error.WriteLineAsync($"cockpit-agent: {e.Message} Set AGENT_PORT to a free port.");
    return 1;
}
