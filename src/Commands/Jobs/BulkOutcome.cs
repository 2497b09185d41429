namespace Cockpit.Commands.Jobs;

/// <summary>The outcome of one id in a bulk command.</summary>
/// <param name="Id">The id as the client sent it (it may not be a UUID).</param>
/// <param name="Code">Null when <paramref name="Ok"/>; else the error code a single command would have given.</param>
public sealed record BulkOutcome(string Id, bool Ok, string? Code, string? Error);
