namespace Cockpit.Storage.Statistics;

/// <summary>Turns the sparse rows of the daily query into one bucket per day of the window.</summary>
public static class DailyBuckets
{
    /// <summary>
    /// Every day of <paramref name="window"/>, oldest first, zero where no row names it. Rows outside the window or
    /// with an outcome that is not counted are ignored; rows repeating a (day, outcome) add up.
    /// </summary>
    public static DailyJobStatistics Fill(StatisticsWindow window, IEnumerable<DailyOutcomeCount> rows)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(rows);

        var counts = new long[window.Days, 4];
        foreach (var row in rows)
        {
            var index = row.Day.DayNumber - window.FirstDay.DayNumber;
            var column = row.Outcome switch
            {
                JobOutcomes.Created => 0,
                JobOutcomes.Completed => 1,
                JobOutcomes.Failed => 2,
                JobOutcomes.Cancelled => 3,
                _ => -1,
            };
            if (index < 0 || index >= window.Days || column < 0) continue;
            counts[index, column] += row.Count;
        }

        var days = new List<DailyJobCounts>(window.Days);
        for (var i = 0; i < window.Days; i++)
        {
            days.Add(new DailyJobCounts(window.FirstDay.AddDays(i), counts[i, 0], counts[i, 1], counts[i, 2], counts[i, 3]));
        }

        var completed = days.Sum(d => d.Completed);
        var failed = days.Sum(d => d.Failed);
        return new DailyJobStatistics(window, days, days.Sum(d => d.Created), completed, failed, days.Sum(d => d.Cancelled),
            FailureRate.Of(completed, failed));
    }
}
