namespace Cockpit.Grains.Budgets;

/// <summary>Where a job stands against its budget.</summary>
public enum BudgetVerdict
{
    /// <summary>No budget, or under <see cref="BudgetRules.WarningShare"/> of every limit.</summary>
    Within,

    /// <summary>At or over <see cref="BudgetRules.WarningShare"/> of a limit, not past it.</summary>
    Warning,

    /// <summary>Past a limit: the job must stop.</summary>
    Exceeded,
}
