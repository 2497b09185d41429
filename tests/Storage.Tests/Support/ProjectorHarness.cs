using Cockpit.Grains.Events;
using Cockpit.Storage.ReadModel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cockpit.Storage.Tests.Support;

/// <summary>A projector on its own data source, recording the batches it reports as committed.</summary>
public sealed class ProjectorHarness : IAsyncDisposable
{
    private readonly List<IReadOnlyList<DomainEvent>> _batches = [];

    public ProjectorHarness(string connectionString, ReadModelOptions? options = null, string applicationName = "cockpit-projector-test")
    {
        DataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = applicationName }.ConnectionString);
        Projector = new ReadModelProjector(DataSource, Options.Create(options ?? new ReadModelOptions()), NullLogger<ReadModelProjector>.Instance);
        Projector.BatchCommitted += batch =>
        {
            lock (_batches)
            {
                _batches.Add(batch);
            }
        };
        Agents = new AgentReadModel(DataSource);
        Jobs = new JobReadModel(DataSource);
    }

    public NpgsqlDataSource DataSource { get; }

    public ReadModelProjector Projector { get; }

    public AgentReadModel Agents { get; }

    public JobReadModel Jobs { get; }

    public IReadOnlyList<IReadOnlyList<DomainEvent>> CommittedBatches
    {
        get
        {
            lock (_batches)
            {
                return _batches.ToList();
            }
        }
    }

    public Task StartAsync() => Projector.StartAsync(CancellationToken.None);

    public async Task PublishAndFlushAsync(params DomainEvent[] events)
    {
        foreach (var domainEvent in events)
        {
            Projector.Publish(domainEvent);
        }

        await Projector.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await Projector.StopAsync(CancellationToken.None);
        await Projector.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}
