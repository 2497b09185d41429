import { describe, expect, it } from 'vitest';
import { checkBudgetInput } from './budget-input';

describe('checkBudgetInput', () => {
  it.each([
    ['1', '', { ok: true, budget: { maxCostUsd: 1, maxTokens: null } }],
    ['', '5000', { ok: true, budget: { maxCostUsd: null, maxTokens: 5000 } }],
    [' 0.5 ', '100', { ok: true, budget: { maxCostUsd: 0.5, maxTokens: 100 } }],
    ['', '', { ok: false, field: 'budget', key: 'usage.error.empty' }],
    ['0', '', { ok: false, field: 'maxCostUsd', key: 'usage.error.maxCostUsd' }],
    ['-1', '', { ok: false, field: 'maxCostUsd', key: 'usage.error.maxCostUsd' }],
    ['abc', '', { ok: false, field: 'maxCostUsd', key: 'usage.error.maxCostUsd' }],
    ['', '1.5', { ok: false, field: 'maxTokens', key: 'usage.error.maxTokens' }],
    ['', '0', { ok: false, field: 'maxTokens', key: 'usage.error.maxTokens' }],
  ])('%j, %j → %j', (cost, tokens, result) => expect(checkBudgetInput(cost, tokens)).toEqual(result));

  it.each([
    ['', '', { ok: true, budget: null }],
    ['0.01', '', { ok: true, budget: { maxCostUsd: 0.01, maxTokens: null } }],
    ['0', '', { ok: false, field: 'maxCostUsd', key: 'usage.error.maxCostUsd' }],
  ])('optional: %j, %j → %j', (cost, tokens, result) => expect(checkBudgetInput(cost, tokens, true)).toEqual(result));
});
