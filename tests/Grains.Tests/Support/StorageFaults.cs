using System.Collections.Concurrent;

namespace Cockpit.Grains.Tests.Support;

/// <summary>
/// Which grains' state writes fail right now, as when the database goes down between a grain's read and its write.
/// Shared by both silos; grains are named by their GUID key, which tests never share.
/// </summary>
public sealed class StorageFaults
{
    private readonly ConcurrentDictionary<Guid, byte> _failing = new();

    public void FailWritesOf(Guid grainKey) => _failing[grainKey] = 0;

    public void Heal(Guid grainKey) => _failing.TryRemove(grainKey, out _);

    public bool WritesFail(GrainId grainId) => grainId.TryGetGuidKey(out var key, out _) && _failing.ContainsKey(key);
}
