namespace Cockpit.ClusterProxy;

/// <summary>
/// The silos and their health, and the order in which a request tries them: healthy silos round-robin first, then
/// the unhealthy ones as a last resort (a silo that fails its probe may still answer, e.g. when every probe fails
/// because the database is down and each silo has a proper 503 to give).
/// </summary>
public sealed class DestinationPool
{
    private readonly DestinationAddress[] _destinations;
    private readonly DestinationHealth[] _health;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private uint _turn;

    public DestinationPool(IReadOnlyList<DestinationAddress> destinations, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        if (destinations.Count == 0) throw new ArgumentException("At least one destination is needed.", nameof(destinations));
        _destinations = [.. destinations];
        _clock = clock;
        var now = clock.GetUtcNow();
        _health = [.. destinations.Select(_ => new DestinationHealth(false, now, "not probed yet"))];
    }

    public IReadOnlyList<DestinationAddress> Destinations => _destinations;

    /// <summary>Every destination once: the healthy ones starting at the next in turn, then the others in the same rotation.</summary>
    public IReadOnlyList<DestinationAddress> AttemptOrder()
    {
        lock (_gate)
        {
            var start = (int)(_turn++ % (uint)_destinations.Length);
            var rotated = Enumerable.Range(0, _destinations.Length).Select(i => (start + i) % _destinations.Length).ToList();
            return [.. rotated.Where(i => _health[i].Healthy).Concat(rotated.Where(i => !_health[i].Healthy)).Select(i => _destinations[i])];
        }
    }

    public DestinationHealth HealthOf(DestinationAddress destination)
    {
        lock (_gate) return _health[IndexOf(destination)];
    }

    /// <summary>Records what a probe or a forwarded request found; returns true when that changed the destination's health.</summary>
    public bool Report(DestinationAddress destination, bool healthy, string? reason)
    {
        lock (_gate)
        {
            var index = IndexOf(destination);
            if (_health[index].Healthy == healthy)
            {
                if (!healthy) _health[index] = _health[index] with { Reason = reason };
                return false;
            }
            _health[index] = _health[index] with { Healthy = healthy, Since = _clock.GetUtcNow(), Reason = healthy ? null : reason };
            return true;
        }
    }

    /// <summary>Counts a forwarded request the destination answered (<paramref name="answered"/>) or not.</summary>
    public void Count(DestinationAddress destination, bool answered)
    {
        lock (_gate)
        {
            var index = IndexOf(destination);
            var health = _health[index];
            _health[index] = answered ? health with { Answered = health.Answered + 1 } : health with { Failed = health.Failed + 1 };
        }
    }

    private int IndexOf(DestinationAddress destination)
    {
        var index = Array.IndexOf(_destinations, destination);
        return index >= 0 ? index : throw new ArgumentException($"{destination.Name} is not in this pool.", nameof(destination));
    }
}
