export interface BudgetLimits {
  maxCostUsd: number | null;
  maxTokens: number | null;
}

/**
 * A budget typed in a form, checked as the server checks it (USD more than 0, tokens a whole number from 1). Raising
 * needs at least one limit; a new job's budget is `optional` (none: null, its config's or the default applies).
 */
export type BudgetInputCheck = { ok: true; budget: BudgetLimits | null } | { ok: false; field: 'maxCostUsd' | 'maxTokens' | 'budget'; key: string };

export function checkBudgetInput(costText: string, tokensText: string, optional = false): BudgetInputCheck {
  const cost = costText.trim();
  const tokens = tokensText.trim();
  let maxCostUsd: number | null = null;
  let maxTokens: number | null = null;
  if (cost !== '') {
    maxCostUsd = Number(cost);
    if (!Number.isFinite(maxCostUsd) || maxCostUsd <= 0) return { ok: false, field: 'maxCostUsd', key: 'usage.error.maxCostUsd' };
  }
  if (tokens !== '') {
    maxTokens = Number(tokens);
    if (!Number.isInteger(maxTokens) || maxTokens < 1 || maxTokens > 2_147_483_647) return { ok: false, field: 'maxTokens', key: 'usage.error.maxTokens' };
  }
  if (maxCostUsd === null && maxTokens === null) return optional ? { ok: true, budget: null } : { ok: false, field: 'budget', key: 'usage.error.empty' };
  return { ok: true, budget: { maxCostUsd, maxTokens } };
}
