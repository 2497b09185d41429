using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cockpit.Silo.Health;

/// <summary>
/// <c>/health/live</c>: the process runs. <c>/health/ready</c>: joined the cluster and the database answers; the prices
/// check is degraded (still ready) when a malformed prices file left the previous prices in force.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddCockpitHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ClusterMembershipHealthCheck>("cluster", tags: [ReadyTag])
            .AddCheck<PostgresHealthCheck>("postgres", tags: [ReadyTag])
            .AddCheck<Usage.PricesHealthCheck>("prices", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapCockpitHealth(this IEndpointRouteBuilder app)
    {
        // Open to all: probes and load balancers do not sign in, and the answers say nothing but up or down.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
        });
}
