import { labelPairs, parseLabels } from './labels';

describe('labels', () => {
  it('reads key=value pairs the way AGENT_LABELS is written', () => {
    expect(parseLabels('')).toEqual({ valid: true, labels: {} });
    expect(parseLabels(' gpu = true , region=eu ,')).toEqual({ valid: true, labels: { gpu: 'true', region: 'eu' } });
    expect(parseLabels('tier=')).toEqual({ valid: true, labels: { tier: '' } });
    expect(parseLabels('url=a=b')).toEqual({ valid: true, labels: { url: 'a=b' } });
  });

  it.each([
    ['gpu', 'pair', 'gpu'],
    ['gpu=true,eu', 'pair', 'eu'],
    ['=true', 'emptyKey', '=true'],
    ['gpu=1,gpu=2', 'duplicate', 'gpu=2'],
    [`${'k'.repeat(64)}=1`, 'tooLong', `${'k'.repeat(64)}=1`],
    [`k=${'v'.repeat(64)}`, 'tooLong', `k=${'v'.repeat(64)}`],
    ['a\u0001=1', 'control', 'a\u0001=1'],
  ])('refuses %j as %s naming the entry', (text, problem, entry) => {
    expect(parseLabels(text)).toEqual({ valid: false, problem, entry });
  });

  it('takes 32 pairs and refuses 33', () => {
    const pairs = (n: number) => Array.from({ length: n }, (_, i) => `k${i}=v`).join(',');
    expect(parseLabels(pairs(32)).valid).toBe(true);
    expect(parseLabels(pairs(33))).toEqual({ valid: false, problem: 'tooMany', entry: '33' });
  });

  it('lists a labels object as sorted pairs and ignores what is not one', () => {
    expect(labelPairs({ region: 'eu', gpu: 'true' })).toEqual(['gpu=true', 'region=eu']);
    expect(labelPairs({ n: 1, ok: 'yes' })).toEqual(['ok=yes']);
    expect(labelPairs(null)).toEqual([]);
    expect(labelPairs(['a'])).toEqual([]);
    expect(labelPairs('gpu=true')).toEqual([]);
  });
});
