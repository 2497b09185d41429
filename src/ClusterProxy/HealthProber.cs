namespace Cockpit.ClusterProxy;

/// <summary>Asks every silo its health path each interval, all at once, and records the answers in the pool.</summary>
public sealed partial class HealthProber(DestinationPool pool, ProxyOptions settings, IHttpClientFactory clients, ILogger<HealthProber> logger)
    : BackgroundService
{
    public const string HttpClientName = "health";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.HealthInterval);
        do
        {
            await Task.WhenAll(pool.Destinations.Select(d => ProbeAsync(d, stoppingToken)));
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task ProbeAsync(DestinationAddress destination, CancellationToken stoppingToken)
    {
        bool healthy;
        string? reason;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(settings.HealthInterval);
            using var response = await clients.CreateClient(HttpClientName)
                .GetAsync(new Uri(destination.BaseUrl, settings.HealthPath), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            healthy = response.IsSuccessStatusCode;
            reason = healthy ? null : $"{settings.HealthPath} answered {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            healthy = false;
            reason = ex is OperationCanceledException ? $"{settings.HealthPath} did not answer within {settings.HealthInterval.TotalMilliseconds} ms" : ex.Message;
        }

        if (pool.Report(destination, healthy, reason))
        {
            if (healthy) LogUp(logger, destination.Name, destination.Prefix);
            else LogDown(logger, destination.Name, destination.Prefix, reason);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Name} ({Url}) is up")]
    private static partial void LogUp(ILogger logger, string name, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Name} ({Url}) is down: {Reason}")]
    private static partial void LogDown(ILogger logger, string name, string url, string? reason);
}
