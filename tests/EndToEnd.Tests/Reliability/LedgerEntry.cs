namespace Cockpit.EndToEnd.Tests.Reliability;

/// <summary>One command of a <see cref="WriteLedger"/> and its answer (<paramref name="Status"/> null: no answer at all).</summary>
public sealed record LedgerEntry(string Operation, Guid? JobId, Guid? AgentId, int? Status, string Answer, string? Prompt, DateTime At)
{
    public bool IsAcknowledged => Status is >= 200 and < 300;

    public bool IsRefused => Status == 503;

    public override string ToString() => $"{Operation} job {JobId} agent {AgentId}: {Status?.ToString() ?? "no answer"} {Answer}";
}
