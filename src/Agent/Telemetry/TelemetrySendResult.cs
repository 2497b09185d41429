using System.Net;

namespace Cockpit.Agent.Telemetry;

/// <param name="Status">The answer's status; null when no answer came.</param>
/// <param name="Body">The start of the answer's body (a problem document on 4xx).</param>
/// <param name="Failure">Why no answer came.</param>
public sealed record TelemetrySendResult(HttpStatusCode? Status, string? Body, string? Failure)
{
    public bool Delivered => Status is { } s && (int)s is >= 200 and < 300;

    /// <summary>Worth trying again: no answer, a server error, or "too many requests".</summary>
    public bool Transient => Status is null || (int)Status.Value >= 500 || Status == HttpStatusCode.TooManyRequests || Status == HttpStatusCode.RequestTimeout;

    public bool TooLarge => Status == HttpStatusCode.RequestEntityTooLarge;

    public string Describe() => Status is { } s ? $"{(int)s} {Body}" : $"no answer ({Failure})";
}
