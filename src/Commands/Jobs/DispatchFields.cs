namespace Cockpit.Commands.Jobs;

/// <summary>A submission's dispatch fields as sent, unchecked (see <see cref="DispatchValidator"/>).</summary>
public sealed record DispatchFields(
    string? Dispatch = null,
    int? Priority = null,
    IReadOnlyDictionary<string, string?>? Selector = null,
    int? MaxAttempts = null,
    int? RetryBackoffSeconds = null,
    int? TimeoutSeconds = null,
    string? ConcurrencyKey = null);
