using System.Collections;

namespace Cockpit.Grains.Dispatch;

/// <summary>
/// Labels (an agent's) or a selector (a job's): string pairs, compared by value so that records holding them (snapshots,
/// queued jobs) stay equal after a trip through the serializer. Never changed once built.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class LabelDictionary : IReadOnlyDictionary<string, string>, IEquatable<LabelDictionary>
{
    public static readonly LabelDictionary Empty = new(new Dictionary<string, string>());

    [Id(0)] private readonly Dictionary<string, string> _pairs;

    public LabelDictionary(IEnumerable<KeyValuePair<string, string>> pairs) => _pairs = new Dictionary<string, string>(pairs, StringComparer.Ordinal);

    public static LabelDictionary Of(IReadOnlyDictionary<string, string>? pairs) =>
        pairs switch { null => Empty, LabelDictionary set => set, { Count: 0 } => Empty, _ => new LabelDictionary(pairs) };

    public string this[string key] => _pairs[key];
    public IEnumerable<string> Keys => _pairs.Keys;
    public IEnumerable<string> Values => _pairs.Values;
    public int Count => _pairs.Count;
    public bool ContainsKey(string key) => _pairs.ContainsKey(key);
    public bool TryGetValue(string key, out string value) => _pairs.TryGetValue(key, out value!);
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _pairs.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(LabelDictionary? other) =>
        other is not null && other.Count == Count && _pairs.All(p => other.TryGetValue(p.Key, out var v) && v == p.Value);

    public override bool Equals(object? obj) => Equals(obj as LabelDictionary);

    public override int GetHashCode() => _pairs.Aggregate(Count, (hash, p) => hash ^ HashCode.Combine(p.Key, p.Value));

    public override string ToString() => string.Join(",", _pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
