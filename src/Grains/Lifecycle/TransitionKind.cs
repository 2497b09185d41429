namespace Cockpit.Grains.Lifecycle;

public enum TransitionKind
{
    /// <summary>Nothing changes.</summary>
    Unchanged,

    /// <summary>A transition the seed's lifecycle draws.</summary>
    Expected,

    /// <summary>
    /// A transition the seed does not draw, reported by the agent itself. The agent is the authority on
    /// what it is doing, so we adopt it (and say so in the event's cause) rather than keep a wrong picture.
    /// </summary>
    Adopted,

    /// <summary>Not allowed: state stays as it is and the caller is told why.</summary>
    Refused,
}
