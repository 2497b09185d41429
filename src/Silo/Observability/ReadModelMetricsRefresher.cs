using Cockpit.Silo.Statistics;
using Cockpit.Storage.Dispatch;
using Cockpit.Storage.Statistics;

namespace Cockpit.Silo.Observability;

/// <summary>
/// Reads agents and jobs by status, the stuck-job count and the queues' figures every METRICS_REFRESH_SECONDS and
/// publishes them to <see cref="CockpitMetrics"/>: four small queries per interval per silo, whatever the scrape rate. When a read
/// fails the last counts stay and <c>cockpit_read_model_counts_age_seconds</c> grows.
/// </summary>
public sealed partial class ReadModelMetricsRefresher(
    StatisticsQueries queries,
    StatisticsOptions statistics,
    QueueStatistics queues,
    ObservabilityOptions settings,
    CockpitMetrics metrics,
    TimeProvider clock,
    ILogger<ReadModelMetricsRefresher> logger) : BackgroundService
{
    /// <summary>Reads the counts once and publishes them.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var workforce = await queries.WorkforceAsync(cancellationToken);
        var queue = await queries.QueueAsync(cancellationToken);
        var stuck = await queries.StuckJobsAsync(statistics.StuckThresholdMinutes, now, cancellationToken);
        metrics.Publish(ReadModelCounts.From(workforce, queue, stuck.Count, now));
        metrics.Publish(await queues.ReadAsync(now, cancellationToken));
        LogRefreshed(logger, workforce.All.Total, queue.Total, stuck.Count, clock.GetElapsedTime(started).TotalMilliseconds);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.MetricsRefresh, clock);
        var failing = false;
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
                if (failing) LogRecovered(logger);
                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // One warning per outage, not one per interval: the age gauge tells how long it lasts.
                if (!failing) LogFailed(logger, ex);
                failing = true;
            }
        }
        while (await WaitAsync(timer, stoppingToken));
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Metrics counts read: {Agents} agents, {Jobs} jobs, {StuckJobs} stuck, in {ElapsedMs:0.0} ms")]
    private static partial void LogRefreshed(ILogger logger, long agents, long jobs, int stuckJobs, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading agent and job counts for metrics failed; the gauges keep their last values until it works again")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading agent and job counts for metrics works again")]
    private static partial void LogRecovered(ILogger logger);
}
