namespace Cockpit.Grains.Tests.Dispatch;

/// <summary>One event played on a dispatch board; the numbers pick from small pools so that jobs and agents repeat.</summary>
public sealed record BoardStep(BoardStepKind Kind, int Job, int Agent, int Value)
{
    public override string ToString() => $"{Kind}(J{Job}, A{Agent}, {Value})";
}
