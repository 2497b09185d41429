using System.ComponentModel.DataAnnotations;
using Cockpit.Storage.Statistics;

namespace Cockpit.Silo.Statistics;

/// <summary>Settings of the statistics endpoints and the stuck-job gauge.</summary>
public sealed class StatisticsOptions
{
    public const string StuckThresholdSetting = "STUCK_JOB_THRESHOLD_MINUTES";

    /// <summary>
    /// STUCK_JOB_THRESHOLD_MINUTES: minutes without progress after which a processing job is stuck, when a request does
    /// not say. Default 60, the seed's (<see cref="StuckJobRule.DefaultThresholdMinutes"/>); minutes, under the seed's
    /// name, since nobody judges "stuck" in seconds. 1 to 43200 (30 days).
    /// </summary>
    [ConfigurationKeyName(StuckThresholdSetting), Range(StuckJobRule.MinThresholdMinutes, StuckJobRule.MaxThresholdMinutes)]
    public int StuckThresholdMinutes { get; set; } = StuckJobRule.DefaultThresholdMinutes;
}
