using System.Collections.Concurrent;
using System.Net;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Reliability;

/// <summary>
/// Keeps issuing job commands (create, cancel, assign) through one client while a fault is injected, and records what
/// each got: acknowledged (2xx), refused as unavailable (503), or anything else. Afterwards a test checks that every
/// acknowledged command is visible and every refused one changed nothing.
/// </summary>
public sealed class WriteLedger(CockpitClient api, IReadOnlyList<Guid> spareAgents)
{
    private readonly ConcurrentQueue<LedgerEntry> _entries = new();
    private readonly Queue<Guid> _agents = new(spareAgents);
    private readonly List<Guid> _created = [];
    private readonly HashSet<Guid> _used = [];
    private int _sequence;

    public IReadOnlyCollection<LedgerEntry> Entries => _entries;

    public IEnumerable<LedgerEntry> Acknowledged(string operation) => _entries.Where(e => e.Operation == operation && e.IsAcknowledged);

    public IEnumerable<LedgerEntry> Refused(string operation) => _entries.Where(e => e.Operation == operation && e.IsRefused);

    /// <summary>Commands answered with neither 2xx nor 503: each is a failure of the fault handling.</summary>
    public IEnumerable<LedgerEntry> Unexpected => _entries.Where(e => !e.IsAcknowledged && !e.IsRefused);

    /// <summary>
    /// Runs until <paramref name="stop"/>: three creates, then a cancel, then an assign, one command every
    /// <paramref name="pace"/>. Creates outnumber the others so that there are always jobs to cancel and assign, also
    /// while creates are refused.
    /// </summary>
    public async Task RunAsync(TimeSpan pace, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var step = _sequence++ % 5;
            if (step < 3) await CreateAsync();
            else if (step == 3) await CancelAsync();
            else await AssignAsync();
            try
            {
                await Task.Delay(pace, stop); // the pace of a person at work, not synchronisation
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task CreateAsync()
    {
        var prompt = $"written under fault {_sequence}";
        var response = await SendAsync(() => api.PostJsonAsync("/api/jobs", new { prompt, context = new { steps = 1 } }));
        Guid? id = response?.Status == HttpStatusCode.Created ? Guid.Parse((string)response.Json!["id"]!) : null;
        if (id is { } created) _created.Add(created);
        Record("create", id, null, response, prompt);
    }

    private async Task CancelAsync()
    {
        if (Untouched() is not { } job) return;
        var response = await SendAsync(() => api.CancelAsync(job));
        if (response?.Status == HttpStatusCode.OK) _used.Add(job);
        Record("cancel", job, null, response, null);
    }

    private async Task AssignAsync()
    {
        if (Untouched() is not { } job || !_agents.TryDequeue(out var agent)) return;
        var response = await SendAsync(() => api.AssignAsync(job, agent));
        // Each spare agent gets one attempt, so that a refused attempt cannot be mistaken for a later success.
        _used.Add(job);
        Record("assign", job, agent, response, null);
    }

    private Guid? Untouched() => _created.Where(j => !_used.Contains(j)).Cast<Guid?>().FirstOrDefault();

    private void Record(string operation, Guid? job, Guid? agent, ApiResponse? response, string? prompt) =>
        _entries.Enqueue(new LedgerEntry(operation, job, agent, (int?)response?.Status, response?.Text ?? "no answer", prompt, DateTime.UtcNow));

    private static async Task<ApiResponse?> SendAsync(Func<Task<ApiResponse>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }
}
