namespace Cockpit.Agent.Llm;

/// <summary>
/// How many requirements a document holds, while the LLM is still reading it chunk by chunk: the count found so far
/// scaled by the share of chunks read. Reported as the job's total so the cockpit shows how far the job is (its
/// percent is the share of chunks read) instead of an unknown total beside a growing count. Pure.
/// </summary>
public static class RequirementTotalEstimate
{
    /// <summary>Null before the first chunk is read; exact once every chunk is; never below <paramref name="found"/>.</summary>
    public static int? Of(int found, int chunksRead, int chunks)
    {
        if (chunksRead <= 0 || chunks <= 0) return null;
        if (chunksRead >= chunks) return found;
        return Math.Max(found, (int)Math.Min(int.MaxValue, Math.Ceiling((double)found * chunks / chunksRead)));
    }
}
