using Cockpit.Grains;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Jobs;
using Cockpit.Storage.ReadModel;

namespace Cockpit.Commands.Tests.Views;

/// <summary>
/// The row the read model holds for a snapshot: the columns <c>ReadModelWriter</c> writes from it, read back as
/// <c>JobReadModel</c> / <c>AgentReadModel</c> read them (dispatch and labels through the same column codecs, a job
/// without a dispatch record with the migration's column defaults).
/// </summary>
public static class StoredRows
{
    public static JobRow Of(JobSnapshot job)
    {
        var d = job.Dispatch;
        var dispatch = d is null
            ? DispatchColumns.Read("manual", 0, "{}", null, null, null, null, null, null, "[]")
            : DispatchColumns.Read(DispatchColumns.ModeName(d.Spec.Mode), d.Spec.Priority, LabelsJson.Write(d.Spec.Selector), d.Spec.ConcurrencyKey,
                d.Spec.MaxAttempts, d.Spec.RetryBackoffSeconds, d.Spec.TimeoutSeconds, d.QueuedAt, d.NotBefore, DispatchColumns.WriteAttempts(d.Attempts));
        return new JobRow(job.Id, job.Prompt, job.DocumentPath, job.DocumentDir, job.ConfigName, job.ContextJson, job.Instructions,
            job.Status.ToWire(), job.AssignedAgentId, job.CreatedAt, job.UpdatedAt, job.CompletedAt, job.ErrorMessage, job.ErrorDetailsJson,
            job.Progress?.TotalRequirements, job.Progress?.ProcessedRequirements, job.Progress?.Message, job.Progress?.ReportedAt,
            job.Version, dispatch)
        {
            BudgetMaxCostUsd = job.Budget?.MaxCostUsd,
            BudgetMaxTokens = job.Budget?.MaxTokens,
            BudgetWarning = job.BudgetWarning,
            Looping = job.Looping,
        };
    }

    public static AgentRow Of(AgentSnapshot agent) => new(agent.Id, agent.ConfigName, agent.Hostname, agent.PodIp, agent.PodPort, agent.Pid,
        agent.Status.ToWire(), agent.CurrentJobId, agent.RegisteredAt, agent.LastHeartbeat, agent.MetadataJson, agent.MetricsJson,
        agent.Version, LabelsJson.Read(LabelsJson.Write(agent.Labels)));
}
