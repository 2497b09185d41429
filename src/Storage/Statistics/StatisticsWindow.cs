namespace Cockpit.Storage.Statistics;

/// <summary>The last <see cref="Days"/> UTC calendar days up to and including today: the range daily statistics cover.</summary>
public sealed record StatisticsWindow(DateOnly FirstDay, DateOnly LastDay, int Days)
{
    /// <summary>Days shown when the caller does not say (the seed's 7-day view).</summary>
    public const int DefaultDays = 7;

    /// <summary>Fewest days a caller may ask for.</summary>
    public const int MinDays = 1;

    /// <summary>Most days a caller may ask for; beyond this the chart is unreadable and the query needlessly wide.</summary>
    public const int MaxDays = 90;

    /// <summary>First instant of the window (midnight UTC of <see cref="FirstDay"/>).</summary>
    public DateTimeOffset Start => new(FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>First instant after the window (midnight UTC after <see cref="LastDay"/>).</summary>
    public DateTimeOffset End => new(LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The <paramref name="days"/> UTC days ending with the day of <paramref name="now"/>.</summary>
    public static StatisticsWindow Ending(DateTimeOffset now, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, MinDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return new StatisticsWindow(today.AddDays(1 - days), today, days);
    }
}
