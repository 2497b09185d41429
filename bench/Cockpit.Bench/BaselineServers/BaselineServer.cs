using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cockpit.Bench.BaselineServers;

/// <summary>
/// The baseline servers, run as their own process (<c>Cockpit.Bench baseline-server KIND PORT [POSTGRES]</c>) so that
/// they compete for the cores exactly as a silo does. Same paths and payloads as the silo.
/// </summary>
public static class BaselineServer
{
    public static async Task RunAsync(BaselineKind kind, int port, string? connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.UseWebSockets();

        var live = new LiveSockets();
        using var pods = new PodPusher();
        using var stop = new CancellationTokenSource();
        // The pool tuning the silo's own pools have (prepared statements, no reset on return): the baselines stand for
        // queues built well, and graphile-worker, River and solid_queue's drivers prepare their statements too.
        await using var database = connectionString is null ? null : NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 32, NoResetOnClose = true }.ConnectionString);
        IBaselineBackend backend;
        Task listening = Task.CompletedTask;
        if (kind == BaselineKind.Naive)
        {
            var naive = new NaiveBackend(database ?? throw new ArgumentException("the naive baseline needs a PostgreSQL connection string"), live, pods);
            listening = naive.ListenAsync(connectionString!, stop.Token);
            backend = naive;
        }
        else if (kind == BaselineKind.Queue)
        {
            backend = new QueueBackend(database ?? throw new ArgumentException("the queue baseline needs a PostgreSQL connection string"), pods);
        }
        else
        {
            backend = new BareBackend(live, pods);
        }

        app.MapGet("/health/ready", () => "ready");
        app.MapPost("/api/agents/register", backend.RegisterAsync);
        app.MapPost("/api/agents/{id:guid}/heartbeat", (HttpContext context, Guid id) => backend.HeartbeatAsync(context, id));
        app.MapPost("/api/jobs", backend.CreateJobAsync);
        app.MapPost("/graphql", async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var variables = body.RootElement.GetProperty("variables");
            await backend.AssignAsync(context, variables.GetProperty("jobId").GetGuid(), variables.GetProperty("agentId").GetGuid());
        });
        app.MapGet("/graphql", live.AcceptAsync);

        await app.RunAsync();
        await stop.CancelAsync();
        await listening;
    }
}
