using Cockpit.Grains.Budgets;
using Cockpit.Storage.Usage;
using GraphQL.DataLoader;

namespace Cockpit.GraphQL.Schema.Usage;

/// <summary>
/// <c>Job.usage</c> for every job of an execution in one read (ADR 27): each resolver only notes its job and returns a
/// pending result; GraphQL.NET's execution strategy completes pending results once the level's other resolvers ran, and
/// the first to complete reads all jobs noted so far through <see cref="JobUsageMemo"/> (one query for those it does
/// not remember). So a page of a hundred jobs costs one usage query, not a hundred.
/// </summary>
/// <remarks>
/// Scoped per request (per operation for a subscription, whose events each run their own level): a batch closes when
/// its first result is asked for, and jobs noted after that start the next batch, so a long-lived scope never serves
/// a read older than the memo allows.
/// </remarks>
public sealed class JobUsageLoader(JobUsageMemo memo)
{
    private readonly Lock _gate = new();
    private Batch? _open;

    /// <summary>The usage of <paramref name="jobId"/>, judged against <paramref name="budget"/> (<see cref="JobUsage.WithBudget"/>), read with the rest of its batch.</summary>
    public IDataLoaderResult<JobUsage> Load(Guid jobId, JobBudget? budget)
    {
        lock (_gate)
        {
            _open ??= new Batch();
            _open.Jobs.Add(jobId);
            return new Pending(this, _open, jobId, budget);
        }
    }

    private Task<IReadOnlyDictionary<Guid, JobUsage>> ReadAsync(Batch batch)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_open, batch)) _open = null;
            // Not cancelled with one asker: the whole batch waits for this read.
            return batch.Read ??= memo.GetAsync(batch.Jobs, CancellationToken.None);
        }
    }

    private sealed class Batch
    {
        public HashSet<Guid> Jobs { get; } = [];

        public Task<IReadOnlyDictionary<Guid, JobUsage>>? Read { get; set; }
    }

    private sealed class Pending(JobUsageLoader loader, Batch batch, Guid jobId, JobBudget? budget) : IDataLoaderResult<JobUsage>
    {
        public async Task<JobUsage> GetResultAsync(CancellationToken cancellationToken = default) =>
            (await loader.ReadAsync(batch).WaitAsync(cancellationToken))[jobId].WithBudget(budget);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
