using Cockpit.Storage.Statistics;
using FsCheck;
using FsCheck.Xunit;

namespace Cockpit.Storage.Tests.Statistics;

/// <summary>The day window usage and job statistics share: whole UTC days, today counting as one.</summary>
public sealed class StatisticsWindowProperties
{
    [Property(MaxTest = 500)]
    public bool A_moment_is_inside_exactly_when_its_utc_day_is_one_of_the_windows_days(int minutesBack, PositiveInt days, int offsetHours)
    {
        var n = (days.Get % StatisticsWindow.MaxDays) + 1;
        var now = new DateTimeOffset(2026, 12, 5, 13, 0, 0, TimeSpan.FromHours(offsetHours % 14));
        var at = now.AddMinutes(-Math.Abs(minutesBack % 1_000_000));
        var window = StatisticsWindow.Ending(now, n);
        var dayDiff = DateOnly.FromDateTime(now.UtcDateTime).DayNumber - DateOnly.FromDateTime(at.UtcDateTime).DayNumber;
        var inside = at >= window.Start && at < window.End;
        return inside == (dayDiff < n) && window.LastDay.DayNumber - window.FirstDay.DayNumber == n - 1;
    }
}
