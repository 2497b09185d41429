using System.Text.Json;

namespace Cockpit.Commands.Tests.Views;

/// <summary>What a view shows, for comparing two views.</summary>
public static class Shown
{
    /// <summary>The grains' clock gives UTC; samples use whole seconds from here.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The view serialized, so that every field it has (and any added later) is compared by value, lists and
    /// labels included, without the test naming them.</summary>
    public static string Of<TView>(TView view) => JsonSerializer.Serialize(view);
}
