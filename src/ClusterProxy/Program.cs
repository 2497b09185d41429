using Cockpit.ClusterProxy;
using Cockpit.Settings;

// Content root beside the assembly, so appsettings.json (quiet per-request logs) is found from any working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
ProxyOptions settings;
try
{
    settings = SettingBinder.Read<ProxyOptions>(builder.Configuration);
}
catch (SettingException e)
{
    // Every failure here is a bad setting, and its message names it: one line, no stack trace (as the silo and agent).
    await Console.Error.WriteLineAsync($"cockpit-proxy: {e.Message}");
    return 2;
}

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(settings.BindAddress, settings.Port);
    // The silos enforce their own body limits (MAX_REQUEST_BODY_BYTES); a second, different limit here would only confuse.
    kestrel.Limits.MaxRequestBodySize = null;
});
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(TimeProvider.System);
var destinations = settings.Destinations;
builder.Services.AddSingleton(sp => new DestinationPool(destinations, sp.GetRequiredService<TimeProvider>()));
builder.Services.AddHttpForwarder();
builder.Services.AddSingleton<RetryingForwarder>();
builder.Services.AddHttpClient(HealthProber.HttpClientName);
builder.Services.AddHostedService<HealthProber>();
// Open WebSockets would otherwise hold Ctrl-C for the default 30 s.
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));

var app = builder.Build();

// The proxy's own page lives under /_proxy, a prefix the silos do not use.
app.MapGet("/_proxy/destinations", (DestinationPool pool) => pool.Destinations.Select(d =>
{
    var health = pool.HealthOf(d);
    return new
    {
        name = d.Name, url = d.Prefix, healthy = health.Healthy, since = health.Since, reason = health.Reason,
        answered = health.Answered, failed = health.Failed,
    };
}));
app.Map("/{**path}", (HttpContext context, RetryingForwarder forwarder) => forwarder.ForwardAsync(context));

app.Logger.LogInformation("Forwarding http://{Address}:{Port} to {Destinations}", settings.BindAddress, settings.Port,
    string.Join(", ", destinations.Select(d => $"{d.Name}={d.Prefix}")));
await app.RunAsync();
return 0;
