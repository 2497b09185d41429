using System.Text.Json;

namespace Cockpit.Agent.Jobs;

/// <summary>
/// A failure a workload can explain (a missing document, an LLM error). Its details travel in the heartbeat's
/// error_details, so they should say what a person needs to fix it.
/// </summary>
public sealed class JobFailedException : Exception
{
    public JobFailedException() : this("the job failed") { }

    public JobFailedException(string message) : this(message, new Dictionary<string, object?>()) { }

    public JobFailedException(string message, Exception innerException) : base(message, innerException) => Details = [];

    public JobFailedException(string message, IReadOnlyDictionary<string, object?> details, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        Details = details.ToDictionary(d => d.Key, d => JsonSerializer.SerializeToElement(d.Value, AgentJson.Wire));
    }

    public Dictionary<string, JsonElement> Details { get; }
}
