/**
 * How LLM usage reads in every panel: dollars as the server writes them in messages (UsdText), tokens, the share of a
 * budget, and the demo LLM's model. Pure, so the specs can hold them to tables.
 */

/** The usage figures the panels show (GraphQL UsageFigures, or one call). */
export interface CostFigures {
  calls: number;
  unpricedCalls: number;
  costUsd: number | null;
}

/** The demo LLM's model name: it is a scripted server, not a language model, and the cockpit says so. */
export const DEMO_MODEL = 'cockpit-demo';

/** "$1.04"; four decimals under ten cents ("$0.0112"), as the server's budget messages; "<$0.0001" for a sliver. */
export function formatUsd(usd: number): string {
  const abs = Math.abs(usd);
  if (abs > 0 && abs < 0.00005) return usd < 0 ? '-<$0.0001' : '<$0.0001';
  if (abs < 0.1) {
    const text = (Math.round(usd * 10_000) / 10_000).toFixed(4).replace(/(\.\d\d\d?)0+$/, '$1').replace(/(\.\d\d)0$/, '$1');
    return `$${text}`;
  }
  return `$${(Math.round(usd * 100) / 100).toFixed(2)}`;
}

/**
 * What a cost cell shows: nothing for no calls, "unpriced" when no call had a price (never $0 for unknown), else the
 * dollars of the priced calls and how many were not priced.
 */
export type CostLabel = { kind: 'none' } | { kind: 'unpriced' } | { kind: 'usd'; text: string; unpriced: number };

export function costLabel(figures: CostFigures | null | undefined): CostLabel {
  if (!figures || figures.calls === 0) return { kind: 'none' };
  if (figures.costUsd === null) return { kind: 'unpriced' };
  return { kind: 'usd', text: formatUsd(figures.costUsd), unpriced: figures.unpricedCalls };
}

/** One LLM call's figures: its cost is null exactly when its model has no price. */
export function callFigures(costUsd: number | null | undefined): CostFigures {
  return { calls: 1, unpricedCalls: costUsd === null || costUsd === undefined ? 1 : 0, costUsd: costUsd ?? null };
}

/** A share of a budget as a whole percentage, floored like the server's warning ("80 %"); "—" when unknown. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${Math.floor(Math.min(share, 10) * 100 + 1e-9)} %`;
}

/** Where a share stands: past 1 is over the budget, from 0.8 a warning (BudgetRules.WarningShare). */
export function shareLevel(share: number | null | undefined): 'unknown' | 'ok' | 'warning' | 'over' {
  if (share === null || share === undefined || !Number.isFinite(share)) return 'unknown';
  if (share > 1) return 'over';
  return share >= 0.8 ? 'warning' : 'ok';
}

/** A token count, grouped by the locale ("12,345"); "—" when missing. */
export function formatTokens(tokens: number | null | undefined, locale = 'en'): string {
  if (tokens === null || tokens === undefined || !Number.isFinite(tokens)) return '—';
  return Math.round(tokens).toLocaleString(locale);
}

/** True for the demo LLM's model, which panels label "demo LLM, not a language model". */
export function isDemoModel(model: string | null | undefined): boolean {
  return model === DEMO_MODEL;
}
