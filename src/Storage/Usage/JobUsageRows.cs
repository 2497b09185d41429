namespace Cockpit.Storage.Usage;

/// <summary>
/// Folds one job's <c>llm_usage_jobs</c> rows (one per model, most expensive first) into its <see cref="JobUsage"/>:
/// the one reading of those rows that the single and the batched query share, so both give the same figures.
/// </summary>
internal sealed class JobUsageRows(Guid jobId)
{
    private readonly List<ModelUsage> _models = [];
    private long _calls, _unpriced, _tokensIn, _tokensOut;
    private decimal _cost;
    private DateTimeOffset? _first, _last;

    public void Add(string model, long calls, long unpriced, long tokensIn, long tokensOut, decimal cost, DateTimeOffset first, DateTimeOffset last)
    {
        _models.Add(new ModelUsage(model, UsageFigures.From(calls, unpriced, tokensIn, tokensOut, cost)));
        _calls += calls;
        _unpriced += unpriced;
        _tokensIn += tokensIn;
        _tokensOut += tokensOut;
        _cost += cost;
        _first = _first is null || first < _first ? first : _first;
        _last = _last is null || last > _last ? last : _last;
    }

    public JobUsage ToUsage() => _models.Count == 0
        ? JobUsage.None(jobId)
        : new JobUsage(jobId, UsageFigures.From(_calls, _unpriced, _tokensIn, _tokensOut, _cost), _models, _first, _last);
}
