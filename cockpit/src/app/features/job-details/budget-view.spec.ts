import { describe, expect, it } from 'vitest';
import { budgetBars, budgetStop } from './budget-view';

describe('budgetBars', () => {
  it.each([
    ['no budget', null, null, { costUsd: 1, tokens: 10 }, []],
    [
      'a dollar limit past its end',
      { maxCostUsd: 0.01, maxTokens: null },
      { cost: 1.12, tokens: null },
      { costUsd: 0.0112, tokens: 5000 },
      [{ kind: 'cost', used: '$0.0112', limit: '$0.01', share: '112 %', percent: 100, level: 'over' }],
    ],
    [
      'both limits',
      { maxCostUsd: 1, maxTokens: 10_000 },
      { cost: 0.25, tokens: 0.85 },
      { costUsd: 0.25, tokens: 8500 },
      [
        { kind: 'cost', used: '$0.25', limit: '$1.00', share: '25 %', percent: 25, level: 'ok' },
        { kind: 'tokens', used: '8,500', limit: '10,000', share: '85 %', percent: 85, level: 'warning' },
      ],
    ],
    [
      'an unpriced cost has no share',
      { maxCostUsd: 1, maxTokens: null },
      { cost: null, tokens: null },
      { costUsd: null, tokens: 100 },
      [{ kind: 'cost', used: '', limit: '$1.00', share: '—', percent: 0, level: 'unknown' }],
    ],
  ])('%s', (_, budget, share, used, bars) => expect(budgetBars(budget, share, used, 'en')).toEqual(bars));
});

describe('budgetStop', () => {
  it.each([
    [null, null],
    ['text', null],
    [{ reason: 'agent_failed' }, null],
    [
      { reason: 'budget_exceeded', cost_usd: 0.0112, max_cost_usd: 0.01, tokens: 5000, max_tokens: null, calls: 3 },
      { costUsd: 0.0112, maxCostUsd: 0.01, tokens: 5000, maxTokens: null, calls: 3 },
    ],
  ])('%j → %j', (details, stop) => expect(budgetStop(details)).toEqual(stop));
});
