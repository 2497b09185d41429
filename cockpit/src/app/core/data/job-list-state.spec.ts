import { job } from '../../../testing/fixtures';
import { type JobPage, applyJobChange, filterKey, matchesFilter } from './job-list-state';

const page = (rows = [job({ id: 'b', createdAt: '2026-11-24T10:00:00Z' }), job({ id: 'a', createdAt: '2026-11-24T09:00:00Z' })]): JobPage => ({
  rows,
  total: rows.length,
  endCursor: null,
  hasNextPage: false,
});
const all = { statuses: [], search: '' };

describe('job list changes', () => {
  it('replaces a known job in place', () => {
    const result = applyJobChange(page(), { id: 'a', deleted: false, job: job({ id: 'a', status: 'processing', createdAt: '2026-11-24T09:00:00Z' }) }, all);
    expect(result.rows.map((r) => [r.id, r.status])).toEqual([['b', 'created'], ['a', 'processing']]);
    expect(result.total).toBe(2);
  });

  it('puts a new job in order of creation, newest first, and counts it', () => {
    const result = applyJobChange(page(), { id: 'c', deleted: false, job: job({ id: 'c', createdAt: '2026-11-24T09:30:00Z' }) }, all);
    expect(result.rows.map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(result.total).toBe(3);
  });

  it('drops deleted jobs and jobs that leave the filter', () => {
    expect(applyJobChange(page(), { id: 'a', deleted: true, job: null }, all).rows.map((r) => r.id)).toEqual(['b']);
    const created = { statuses: ['created' as const], search: '' };
    const result = applyJobChange(page(), { id: 'b', deleted: false, job: job({ id: 'b', status: 'processing' }) }, created);
    expect(result.rows.map((r) => r.id)).toEqual(['a']);
    expect(result.total).toBe(1);
  });

  it('ignores changes of jobs outside the filter', () => {
    const before = page();
    const result = applyJobChange(before, { id: 'x', deleted: false, job: job({ id: 'x', prompt: 'other' }) }, { statuses: [], search: 'zzz' });
    expect(result).toBe(before);
  });

  it('matches search case-insensitively in the prompt', () => {
    expect(matchesFilter(job({ prompt: 'Extract the Requirements' }), { statuses: [], search: 'requirements' })).toBe(true);
    expect(matchesFilter(job({ prompt: 'x', status: 'failed' }), { statuses: ['created'], search: '' })).toBe(false);
    expect(matchesFilter(job({ configName: 'creator' }), { statuses: [], search: '', queue: 'creator' })).toBe(true);
    expect(matchesFilter(job({ configName: 'default' }), { statuses: [], search: '', queue: 'creator' })).toBe(false);
    expect(matchesFilter(job({ configName: null }), { statuses: [], search: '', queue: 'creator' })).toBe(false);
    expect(filterKey({ statuses: [], search: '', queue: 'creator' })).not.toBe(filterKey({ statuses: [], search: '' }));
    expect(filterKey({ statuses: [], search: '', queue: null })).toBe(filterKey({ statuses: [], search: '' }));
  });

  it('stays fast on ten thousand loaded jobs', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => job({ id: `j${i}`, createdAt: new Date(Date.UTC(2026, 10, 24, 0, 0, 10_000 - i)).toISOString() }));
    let current = page(rows);
    const started = performance.now();
    for (let i = 0; i < 200; i++) {
      current = applyJobChange(current, { id: `j${i * 50}`, deleted: false, job: { ...rows[i * 50], status: 'processing' } }, all);
    }
    expect(performance.now() - started).toBeLessThan(500);
    expect(current.rows.filter((r) => r.status === 'processing')).toHaveLength(200);
  });
});
