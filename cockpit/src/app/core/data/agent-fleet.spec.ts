import { agent } from '../../../testing/fixtures';
import { type AgentChange, countByStatus, filterAgents, inListOrder, matchesAgentFilter, mergeAgentChanges, parseAgentFilter } from './agent-fleet';

const a = (id: string, hostname: string | null, extra: Parameters<typeof agent>[0] = {}) => agent({ id, hostname, ...extra });
const names = (list: readonly { hostname: string | null; id: string }[]) => list.map((x) => x.hostname ?? x.id);

describe('agent list order', () => {
  it.each([
    { given: ['b', 'a', 'c'], expected: ['a', 'b', 'c'] },
    { given: ['a', 'b'], expected: ['a', 'b'] },
    { given: ['host-10', 'Host-2', 'host-1'], expected: ['host-1', 'host-10', 'Host-2'] },
  ])('$given → $expected', ({ given, expected }) => {
    expect(names(inListOrder(given.map((h, i) => a(`id${i}`, h))))).toEqual(expected);
  });

  it('returns the same array when it is already in order (no copy per read)', () => {
    const list = [a('1', 'a'), a('2', 'b')];
    expect(inListOrder(list)).toBe(list);
  });

  it('lists an agent without hostname by its id', () => {
    expect(names(inListOrder([a('zz', 'm'), a('aa', null)]))).toEqual(['aa', 'm']);
  });
});

describe('mergeAgentChanges', () => {
  const list = [a('1', 'alpha'), a('2', 'beta'), a('3', 'gamma')];
  const change = (id: string, hostname: string | null, status = 'ready'): AgentChange => ({ id, deleted: false, agent: a(id, hostname, { status: status as never }) });
  const gone = (id: string): AgentChange => ({ id, deleted: true, agent: null });

  it.each<{ name: string; changes: AgentChange[]; expected: string[] }>([
    { name: 'nothing', changes: [], expected: ['alpha', 'beta', 'gamma'] },
    { name: 'a status change keeps the place', changes: [change('2', 'beta', 'working')], expected: ['alpha', 'beta', 'gamma'] },
    { name: 'a new agent goes to its place', changes: [change('4', 'delta')], expected: ['alpha', 'beta', 'delta', 'gamma'] },
    { name: 'a new agent at the start and one at the end', changes: [change('5', 'zeta'), change('0', 'aaa')], expected: ['aaa', 'alpha', 'beta', 'gamma', 'zeta'] },
    { name: 'a deregistration leaves', changes: [gone('1')], expected: ['beta', 'gamma'] },
    { name: 'a renamed agent moves', changes: [change('1', 'omega')], expected: ['beta', 'gamma', 'omega'] },
    { name: 'the last change of an agent wins', changes: [change('4', 'delta'), gone('4')], expected: ['alpha', 'beta', 'gamma'] },
    { name: 'a deregistered agent that comes back', changes: [gone('2'), change('2', 'beta')], expected: ['alpha', 'beta', 'gamma'] },
    { name: 'a change without an agent removes it', changes: [{ id: '3', deleted: false, agent: null }], expected: ['alpha', 'beta'] },
  ])('$name', ({ changes, expected }) => {
    expect(names(mergeAgentChanges(list, changes))).toEqual(expected);
  });

  it('takes the new state of a changed agent', () => {
    expect(mergeAgentChanges(list, [change('2', 'beta', 'offline')]).find((x) => x.id === '2')?.status).toBe('offline');
  });

  it('keeps the list order for any batch (compared with a full sort)', () => {
    const many = Array.from({ length: 300 }, (_, i) => a(`id${i}`, `host-${(i * 7919) % 1000}`));
    const sorted = [...inListOrder(many)];
    const changes: AgentChange[] = Array.from({ length: 120 }, (_, i) =>
      i % 3 === 0 ? gone(`id${i * 2}`) : change(`id${i * 2 + (i % 2)}`, `host-${(i * 37) % 1500}`));
    const expected = new Map(sorted.map((x) => [x.id, x]));
    for (const c of changes) {
      if (c.deleted || !c.agent) expected.delete(c.id);
      else expected.set(c.id, c.agent);
    }
    const merged = mergeAgentChanges(sorted, changes);
    expect(merged.map((x) => x.id)).toEqual([...inListOrder([...expected.values()])].map((x) => x.id));
  });
});

describe('agent filter', () => {
  const fleet = [
    a('id-1', 'alpha-01', { configName: 'default', status: 'ready', labels: { region: 'eu', gpu: 'true' } }),
    a('id-2', 'beta-02', { configName: 'creator', status: 'working', labels: { region: 'us-east' } }),
    a('id-3', 'gamma-03', { configName: 'reviewer', status: 'offline', labels: {} }),
    a('xyz-4', null, { configName: 'default', status: 'ready', labels: null }),
  ];

  it.each<{ text: string; statuses?: string[]; expected: string[] }>([
    { text: '', expected: ['alpha-01', 'beta-02', 'gamma-03', 'xyz-4'] },
    { text: '   ', expected: ['alpha-01', 'beta-02', 'gamma-03', 'xyz-4'] },
    { text: 'ALPHA', expected: ['alpha-01'] },
    { text: '-0', expected: ['alpha-01', 'beta-02', 'gamma-03'] },
    { text: 'creator', expected: ['beta-02'] },
    { text: 'xyz', expected: ['xyz-4'] },
    { text: 'ready', expected: ['alpha-01', 'xyz-4'] },
    { text: 'Offline', expected: ['gamma-03'] },
    { text: 'region=eu', expected: ['alpha-01'] },
    { text: 'region=us', expected: ['beta-02'] },
    { text: 'region=', expected: ['alpha-01', 'beta-02'] },
    { text: 'gpu=false', expected: [] },
    { text: 'default ready', expected: ['alpha-01', 'xyz-4'] },
    { text: 'default region=eu', expected: ['alpha-01'] },
    { text: 'toString=', expected: [] },
    { text: '', statuses: ['working', 'offline'], expected: ['beta-02', 'gamma-03'] },
    { text: 'default', statuses: ['ready'], expected: ['alpha-01', 'xyz-4'] },
    { text: 'beta', statuses: ['ready'], expected: [] },
  ])('"$text" with statuses $statuses → $expected', ({ text, statuses, expected }) => {
    expect(names(filterAgents(fleet, parseAgentFilter(text, statuses)))).toEqual(expected);
  });

  it('an empty filter returns the same array (nothing copied)', () => {
    expect(filterAgents(fleet, parseAgentFilter(''))).toBe(fleet);
  });

  it('a label term needs a string label of that key', () => {
    expect(matchesAgentFilter(a('1', 'h', { labels: { n: 5 } }), parseAgentFilter('n=5'))).toBe(false);
  });
});

describe('countByStatus', () => {
  it('counts every status, zero when none', () => {
    const counts = countByStatus([a('1', 'a', { status: 'ready' }), a('2', 'b', { status: 'ready' }), a('3', 'c', { status: 'failed' })]);
    expect(counts).toEqual({ booting: 0, ready: 2, working: 0, completed: 0, failed: 1, offline: 0 });
  });
});
