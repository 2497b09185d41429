using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Storage.Tests.Support;

/// <summary>The framework's own meter factory, as the silo has it.</summary>
public static class TestMeters
{
    public static IMeterFactory Factory { get; } = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
}
