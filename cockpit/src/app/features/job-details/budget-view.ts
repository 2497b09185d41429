import type { BudgetLimits } from '../../shared/usage/budget-input';
import { formatShare, formatTokens, formatUsd, shareLevel } from '../../shared/usage/usage-format';

/** One bar of the Usage section: what was used of one limit. */
export interface BudgetBar {
  kind: 'cost' | 'tokens';
  used: string;
  limit: string;
  share: string;
  /** Width of the fill, 0..100 (a job past its budget fills the bar). */
  percent: number;
  level: 'unknown' | 'ok' | 'warning' | 'over';
}

/**
 * The bars against the budget, one per set limit, from the server's share used (BudgetRules.ShareUsed, the one
 * place it is computed). An unpriced cost has no share: its bar says "unpriced" rather than 0 %.
 */
export function budgetBars(
  budget: BudgetLimits | null | undefined,
  share: { cost: number | null; tokens: number | null } | null | undefined,
  used: { costUsd: number | null; tokens: number },
  locale = 'en',
): BudgetBar[] {
  if (!budget) return [];
  const bars: BudgetBar[] = [];
  const bar = (kind: BudgetBar['kind'], usedText: string, limit: string, value: number | null | undefined): BudgetBar => ({
    kind,
    used: usedText,
    limit,
    share: formatShare(value),
    percent: value === null || value === undefined ? 0 : Math.max(0, Math.min(100, value * 100)),
    level: shareLevel(value),
  });
  if (budget.maxCostUsd !== null)
    bars.push(bar('cost', used.costUsd === null ? '' : formatUsd(used.costUsd), formatUsd(budget.maxCostUsd), share?.cost));
  if (budget.maxTokens !== null) bars.push(bar('tokens', formatTokens(used.tokens, locale), formatTokens(budget.maxTokens, locale), share?.tokens));
  return bars;
}

/** The figures of a budget stop, from the job's error_details (reason budget_exceeded); null for any other end. */
export interface BudgetStop {
  costUsd: number | null;
  maxCostUsd: number | null;
  tokens: number | null;
  maxTokens: number | null;
  calls: number | null;
}

export function budgetStop(errorDetails: unknown): BudgetStop | null {
  if (!errorDetails || typeof errorDetails !== 'object') return null;
  const d = errorDetails as Record<string, unknown>;
  if (d['reason'] !== 'budget_exceeded') return null;
  const num = (key: string) => (typeof d[key] === 'number' ? (d[key] as number) : null);
  return { costUsd: num('cost_usd'), maxCostUsd: num('max_cost_usd'), tokens: num('tokens'), maxTokens: num('max_tokens'), calls: num('calls') };
}
