using System.Collections.Concurrent;
using Cockpit.Grains.Ports;

namespace Cockpit.Grains.Tests.Support;

/// <summary>Stands in for the audit store behind <see cref="IJobNotes"/>: keeps every note, by id (a repeat is stored once).</summary>
public sealed class RecordingJobNotes : IJobNotes
{
    private readonly ConcurrentDictionary<Guid, RecordedNote> _notes = new();

    public Task AppendAsync(Guid id, Guid jobId, Guid? agentId, string name, string summary, DateTimeOffset at)
    {
        _notes.TryAdd(id, new RecordedNote(jobId, agentId, name, summary));
        return Task.CompletedTask;
    }

    public IReadOnlyList<RecordedNote> Of(Guid jobId) => _notes.Values.Where(n => n.JobId == jobId).ToList();
}
