using System.Text;
using Orleans.Runtime;

namespace Cockpit.Storage.OrleansProviders;

/// <summary>
/// Where Orleans' ADO.NET provider keeps one grain's state in <c>orleansstorage</c>: the columns it matches a row on.
/// <see cref="GroupCommitGrainStorage"/> writes the very rows Orleans' provider reads, so this follows that provider's
/// own key (its internal <c>AdoGrainKey</c>) exactly: a GUID key is split into two longs, an integer key is the
/// second, any other key is a string; the key's bytes are hashed big-endian first. The provider's hasher is used, not
/// a copy of it. <c>OrleansPostgresTests</c> write through this key and read through Orleans' provider.
/// </summary>
internal readonly record struct OrleansStorageKey(
    int GrainIdHash, long GrainIdN0, long GrainIdN1, int GrainTypeHash, string GrainTypeString, string? GrainIdExtensionString,
    string ServiceId)
{
    /// <summary>The key of <paramref name="grainId"/>'s state <paramref name="stateName"/> (not generic: see <see cref="IsPlain"/>).</summary>
    public static OrleansStorageKey Of(string serviceId, string stateName, GrainId grainId, Func<byte[], int> hash)
    {
        long n0 = 0, n1 = 0;
        string? text;
        byte[] idBytes;
        if (grainId.TryGetGuidKey(out var guid, out var extension))
        {
            var guidBytes = guid.ToByteArray();
            (n0, n1, text) = (BitConverter.ToInt64(guidBytes, 0), BitConverter.ToInt64(guidBytes, 8), extension);
            idBytes = Append(guidBytes, text);
        }
        else if (grainId.TryGetIntegerKey(out var integer, out extension))
        {
            (n1, text) = (integer, extension);
            idBytes = Append(BitConverter.GetBytes(integer), text);
        }
        else
        {
            text = grainId.Key.ToString();
            idBytes = Encoding.UTF8.GetBytes(text);
        }

        if (BitConverter.IsLittleEndian) Array.Reverse(idBytes);
        return new OrleansStorageKey(hash(idBytes), n0, n1, hash(Encoding.UTF8.GetBytes(stateName)), stateName, text, serviceId);
    }

    /// <summary>
    /// Whether Orleans' provider stores <paramref name="stateName"/> as it is. It rewrites a generic type name (one with
    /// a backtick) first; such names are left to that provider.
    /// </summary>
    public static bool IsPlain(string stateName) => !stateName.Contains('`');

    private static byte[] Append(byte[] key, string? extension) =>
        extension is null ? key : [.. key, .. Encoding.UTF8.GetBytes(extension)];
}
