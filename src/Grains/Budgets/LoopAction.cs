namespace Cockpit.Grains.Budgets;

/// <summary>What a runaway loop does to its job (LLM_LOOP_ACTION).</summary>
public enum LoopAction
{
    /// <summary>The job is marked "looping" and goes on.</summary>
    Flag,

    /// <summary>The job is marked "looping" and stopped like a budget stop.</summary>
    Cancel,
}
