using Cockpit.Silo.Configuration;
using Cockpit.Storage.Statistics;

namespace Cockpit.Silo.Statistics;

/// <summary>Settings of the statistics endpoints.</summary>
/// <param name="StuckThresholdMinutes">STUCK_JOB_THRESHOLD_MINUTES: minutes without progress after which a processing
/// job is stuck, when a request does not say. Default 60 (<see cref="StuckJobRule.DefaultThresholdMinutes"/>), 1 to 43200.</param>
public sealed record StatisticsSettings(int StuckThresholdMinutes)
{
    public const string StuckThresholdSetting = "STUCK_JOB_THRESHOLD_MINUTES";

    /// <exception cref="InvalidOperationException">The setting is not a whole number in range.</exception>
    public static StatisticsSettings From(IConfiguration config) => new(Settings.Number(config, StuckThresholdSetting,
        StuckJobRule.DefaultThresholdMinutes, StuckJobRule.MinThresholdMinutes, StuckJobRule.MaxThresholdMinutes));
}
