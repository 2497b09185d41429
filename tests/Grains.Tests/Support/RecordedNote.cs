namespace Cockpit.Grains.Tests.Support;

/// <summary>One audit note a job's grain wrote (see <see cref="RecordingJobNotes"/>).</summary>
public sealed record RecordedNote(Guid JobId, Guid? AgentId, string Name, string Summary);
