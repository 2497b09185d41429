namespace Cockpit.Grains.Dispatch;

/// <summary>A registered agent, idle or not: what a job's match is checked against to say why it waits.</summary>
public sealed record KnownAgent(Guid Id, string ConfigName, LabelDictionary Labels);
