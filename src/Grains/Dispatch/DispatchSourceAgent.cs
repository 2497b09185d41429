namespace Cockpit.Grains.Dispatch;

/// <summary>A registered agent in the read model.</summary>
/// <param name="Idle">Ready without a job.</param>
public sealed record DispatchSourceAgent(Guid Id, string ConfigName, LabelDictionary Labels, bool Idle);
