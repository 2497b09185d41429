using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cockpit.Silo.Usage;

/// <summary>
/// Degraded (still ready: calls are priced with the previous prices) when the prices file could not be used, with
/// the reason; healthy with the number of priced models otherwise.
/// </summary>
public sealed class PricesHealthCheck(PriceBook prices) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(prices.Problem is { } problem
            ? HealthCheckResult.Degraded(problem)
            : HealthCheckResult.Healthy($"{prices.Current.Models.Count} models priced from {Path.GetFileName(prices.Path)} (as of {prices.Current.AsOf ?? "no date"})"));
}
