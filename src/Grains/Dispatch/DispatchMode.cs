namespace Cockpit.Grains.Dispatch;

/// <summary>How a job reaches an agent. Wire names are the lower-case member names.</summary>
public enum DispatchMode
{
    /// <summary>A person (or script) assigns it: the seed's behaviour, and REST's default.</summary>
    Manual,

    /// <summary>The dispatcher starts it on a matching ready agent, and retries failed attempts.</summary>
    Auto,
}
