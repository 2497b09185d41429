using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Cockpit.DemoLlm;

/// <summary>Which requests already failed once (<see cref="Directive.FailOnce"/>); bounded, forgetting everything when full.</summary>
public sealed class FailOnceMemory
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, bool> _seen = new();

    /// <summary>True the first time this request is seen: it should fail now.</summary>
    public bool FirstTime(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_seen.Count >= Capacity) _seen.Clear();
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            request.Model + "\n" + string.Join("\n", request.Messages.Select(m => m.Role + ":" + m.Content)))));
        return _seen.TryAdd(key, true);
    }
}
