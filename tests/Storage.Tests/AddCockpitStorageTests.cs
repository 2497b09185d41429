using Cockpit.Grains.Ports;
using Cockpit.Storage.Migrations;
using Cockpit.Storage.ReadModel;
using Cockpit.Storage.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using static Cockpit.Storage.Tests.Support.DomainEvents;

namespace Cockpit.Storage.Tests;

public sealed class AddCockpitStorageTests : FreshDatabaseTest
{
    [Fact]
    public async Task A_host_wires_one_projector_as_sink_and_hosted_service_and_drains_it_on_stop()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReadModel:BatchSize"] = "3",
            ["ReadModel:HeartbeatFlushInterval"] = "01:00:00",
        });
        builder.Services.AddCockpitStorage(Database.ConnectionString, builder.Configuration);
        var agentId = Guid.NewGuid();

        using (var host = builder.Build())
        {
            var projector = host.Services.GetRequiredService<ReadModelProjector>();
            host.Services.GetRequiredService<IDomainEventSink>().ShouldBeSameAs(projector);
            host.Services.GetServices<IHostedService>().ShouldContain(projector);
            host.Services.GetRequiredService<DatabaseMigrator>().ShouldNotBeNull();
            var options = host.Services.GetRequiredService<IOptions<ReadModelOptions>>().Value;
            options.BatchSize.ShouldBe(3);
            options.HeartbeatFlushInterval.ShouldBe(TimeSpan.FromHours(1));

            await host.StartAsync();
            var sink = host.Services.GetRequiredService<IDomainEventSink>();
            sink.Publish(Agent(agentId, 1, lastHeartbeat: T0));
            sink.HeartbeatSeen(agentId, T0.AddMinutes(5), null);
            await host.StopAsync();
        }

        await using var reader = new ProjectorHarness(Database.ConnectionString);
        (await reader.Agents.GetAsync(agentId))!.LastHeartbeat.ShouldBe(T0.AddMinutes(5));
    }

    [Fact]
    public async Task The_background_writers_share_a_pool_without_resets_and_the_listener_keeps_the_resetting_pool()
    {
        await using var services = new ServiceCollection().AddLogging().AddCockpitStorage(Database.ConnectionString).BuildServiceProvider();

        var writers = new NpgsqlConnectionStringBuilder(
            services.GetRequiredKeyedService<NpgsqlDataSource>(StorageServiceCollectionExtensions.BackgroundWriterDataSourceKey).ConnectionString);
        writers.NoResetOnClose.ShouldBeTrue();
        writers.MaxAutoPrepare.ShouldBeGreaterThan(0);
        // Everyone else (and the LISTEN connection, which must be UNLISTENed before reuse) keeps Npgsql's reset.
        new NpgsqlConnectionStringBuilder(services.GetRequiredService<NpgsqlDataSource>().ConnectionString).NoResetOnClose.ShouldBeFalse();

        services.GetRequiredService<ReadModelProjector>().ShouldNotBeNull();
        services.GetRequiredService<Cockpit.Storage.Live.PostgresLiveEventHub>().ShouldNotBeNull();
    }

    [Fact]
    public async Task Invalid_read_model_options_stop_the_host_from_starting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ReadModel:BatchSize"] = "0" });
        builder.Services.AddCockpitStorage(Database.ConnectionString, builder.Configuration);
        using var host = builder.Build();

        var failure = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        failure.Message.ShouldContain("BatchSize");
    }
}
