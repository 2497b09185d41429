using Cockpit.Grains;
using Cockpit.Grains.Dispatch;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Dispatch;

/// <summary><c>AttemptOutcome</c>: REST's snake_case words (<c>timed_out</c>), not GraphQL.NET's CONSTANT_CASE.</summary>
public sealed class AttemptOutcomeGraphType : EnumerationGraphType
{
    public AttemptOutcomeGraphType()
    {
        Name = "AttemptOutcome";
        foreach (var outcome in Enum.GetValues<AttemptOutcome>()) Add(StatusNames.ToWire(outcome), outcome);
    }
}
