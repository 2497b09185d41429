using System.Collections.Concurrent;

namespace Cockpit.Grains.Tests.Support;

/// <summary>
/// Which grains' state writes fail right now, as when the database goes down between a grain's read and its write.
/// Shared by both silos; grains are named by their GUID key, which tests never share.
/// </summary>
public sealed class StorageFaults
{
    private readonly ConcurrentDictionary<Guid, byte> _failing = new();
    private readonly ConcurrentDictionary<Guid, int> _failed = new();

    public void FailWritesOf(Guid grainKey) => _failing[grainKey] = 0;

    public void Heal(Guid grainKey) => _failing.TryRemove(grainKey, out _);

    /// <summary>Writes of this grain that failed so far.</summary>
    public int FailedWrites(Guid grainKey) => _failed.GetValueOrDefault(grainKey);

    /// <summary>True (and counted) when this write must fail.</summary>
    public bool WritesFail(GrainId grainId)
    {
        if (!grainId.TryGetGuidKey(out var key, out _) || !_failing.ContainsKey(key)) return false;
        _failed.AddOrUpdate(key, 1, (_, n) => n + 1);
        return true;
    }
}
