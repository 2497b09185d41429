using Cockpit.Grains;
using Cockpit.Grains.Jobs;

namespace Cockpit.Silo.Jobs;

/// <summary>
/// The job status filter of the list endpoints (REST <c>?status=a,b&amp;status=c</c>, MCP <c>list_jobs</c>):
/// comma-separated or repeated wire names; an unknown one is an error keyed by the parameter's name.
/// </summary>
public static class JobStatusFilter
{
    /// <summary>The statuses named in <paramref name="values"/> (empty: no filter); records an error under <paramref name="field"/> for an unknown one.</summary>
    public static HashSet<JobStatus> Parse(IEnumerable<string?> values, string field, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(errors);
        var statuses = new HashSet<JobStatus>();
        foreach (var value in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (StatusNames.TryParseJobStatus(value, out var status)) statuses.Add(status);
            else errors[field] = [$"'{Clip(value)}' is not one of {string.Join(", ", Enum.GetValues<JobStatus>().Select(s => s.ToWire()))}"];
        }
        return statuses;
    }

    private static string Clip(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
