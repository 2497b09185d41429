using Cockpit.DemoLlm;
using Cockpit.Settings;

// The demo LLM (`make up` starts it unless LLM_BASE_URL is set or DEMO_LLM=0): an OpenAI-compatible server that is
// not a language model. See DemoAnswer for what it answers and Directive for how a prompt makes it misbehave.
var builder = WebApplication.CreateSlimBuilder(args);
DemoLlmOptions settings;
try
{
    settings = SettingBinder.Read<DemoLlmOptions>(builder.Configuration);
}
catch (SettingException e)
{
    await Console.Error.WriteLineAsync($"cockpit-demo-llm: {e.Message}");
    return 2;
}
// One line per request would drown the silo's and agents' lines in `make up`'s shared output, and the host's four at
// start say less than our one below. Logging__LogLevel__<category>=Information brings either back.
foreach (var category in new[] { "Microsoft.AspNetCore", "Microsoft.Hosting.Lifetime" })
{
    if (string.IsNullOrWhiteSpace(builder.Configuration[$"Logging:LogLevel:{category}"])) builder.Logging.AddFilter(category, LogLevel.Warning);
}
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(settings.BindAddress, settings.Port));
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton<FailOnceMemory>();
builder.Services.AddSingleton(TimeProvider.System);
var app = builder.Build();

app.MapPost("/v1/chat/completions", ChatCompletionsEndpoint.HandleAsync);
app.MapGet("/v1/models", (TimeProvider clock) => new
{
    @object = "list",
    data = new[] { new { id = DemoModel.Name, @object = "model", created = clock.GetUtcNow().ToUnixTimeSeconds(), owned_by = "cockpit", description = DemoModel.Disclaimer } },
});
app.MapGet("/health", () => "ok");

app.Logger.LogInformation("cockpit-demo (not a language model) on http://{Address}:{Port}/v1, {Delay} ms per call",
    settings.BindAddress, settings.Port, settings.Delay.TotalMilliseconds);
await app.RunAsync();
return 0;
