namespace Cockpit.Grains.Events;

/// <summary>Something that happened to a grain's state; feeds the read models and live subscriptions.</summary>
[GenerateSerializer]
public abstract record DomainEvent([property: Id(0)] DateTimeOffset At);
