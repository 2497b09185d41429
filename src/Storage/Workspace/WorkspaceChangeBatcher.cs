namespace Cockpit.Storage.Workspace;

/// <summary>
/// Debounces change reports per job: a job's changes are released once it has been quiet for <c>quiet</c>, or
/// <c>maxDelay</c> after its first unreleased change, so a job that writes constantly is still reported. Each distinct
/// file is released once per batch; more than <c>maxFilesPerJob</c> files collapse into one job-wide change.
/// </summary>
/// <remarks>Pure: time comes in as arguments, so the rules are tested without waiting.</remarks>
internal sealed class WorkspaceChangeBatcher(TimeSpan quiet, TimeSpan maxDelay, int maxFilesPerJob)
{
    private readonly Dictionary<Guid, PendingJob> _pending = [];

    public bool IsEmpty => _pending.Count == 0;

    /// <param name="file">Relative to the job's directory; "" for the directory itself.</param>
    public void Add(Guid jobId, string file, DateTimeOffset now)
    {
        if (!_pending.TryGetValue(jobId, out var job))
        {
            job = new PendingJob(now);
            _pending[jobId] = job;
        }
        job.Last = now;
        if (job.Overflowed) return;
        job.Files.Add(file);
        if (job.Files.Count > maxFilesPerJob) job.Overflowed = true;
    }

    /// <summary>When the next batch is due, or null when nothing waits.</summary>
    public DateTimeOffset? NextDue => _pending.Count == 0 ? null : _pending.Values.Min(Due);

    /// <summary>Removes and returns the changes of every job whose batch is due at <paramref name="now"/>.</summary>
    public IReadOnlyList<WorkspaceChange> TakeDue(DateTimeOffset now)
    {
        var due = _pending.Where(kv => Due(kv.Value) <= now).OrderBy(kv => kv.Value.First).ToList();
        var changes = new List<WorkspaceChange>();
        foreach (var (jobId, job) in due)
        {
            _pending.Remove(jobId);
            if (job.Overflowed || job.Files.Contains(""))
            {
                changes.Add(new WorkspaceChange(jobId, null));
                if (job.Overflowed) continue;
            }
            changes.AddRange(job.Files.Where(f => f.Length > 0).Order(StringComparer.Ordinal).Select(f => new WorkspaceChange(jobId, f)));
        }
        return changes;
    }

    private DateTimeOffset Due(PendingJob job)
    {
        var afterQuiet = job.Last + quiet;
        var latest = job.First + maxDelay;
        return afterQuiet < latest ? afterQuiet : latest;
    }

    private sealed class PendingJob(DateTimeOffset first)
    {
        public DateTimeOffset First { get; } = first;
        public DateTimeOffset Last { get; set; } = first;
        public HashSet<string> Files { get; } = new(StringComparer.Ordinal);
        public bool Overflowed { get; set; }
    }
}
