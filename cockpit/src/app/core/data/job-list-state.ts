import type { JobRowFieldsFragment, JobStatus } from '../graphql/generated';

export type JobRow = JobRowFieldsFragment;

/** A change of one job as jobChanged delivers it. */
export interface JobChangeEvent {
  id: string;
  deleted: boolean;
  job: JobRow | null;
}

export interface JobFilter {
  statuses: readonly JobStatus[];
  search: string;
  /** A queue: the jobs of one config name; unset or null for every job. */
  queue?: string | null;
}

export interface JobPage {
  rows: JobRow[];
  total: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Whether a job belongs in a list with this filter (the server's rule: status in the set, config name is the queue, prompt contains search). */
export function matchesFilter(job: JobRow, filter: JobFilter): boolean {
  if (filter.statuses.length > 0 && !filter.statuses.includes(job.status)) return false;
  if (filter.queue && job.configName !== filter.queue) return false;
  const search = filter.search.trim().toLowerCase();
  return search === '' || job.prompt.toLowerCase().includes(search);
}

/**
 * Applies a live change to a loaded list (newest first): replaces a known job, drops one that was deleted or no
 * longer matches, puts a new matching one on top. Keeps `total` consistent. Pure, so it is tested without a server.
 */
export function applyJobChange(page: JobPage, change: JobChangeEvent, filter: JobFilter): JobPage {
  const index = page.rows.findIndex((r) => r.id === change.id);
  const job = change.job;
  const keep = !change.deleted && job !== null && matchesFilter(job, filter);
  if (index >= 0) {
    if (keep) {
      const rows = page.rows.slice();
      rows[index] = job;
      return { ...page, rows };
    }
    return { ...page, rows: page.rows.filter((r) => r.id !== change.id), total: Math.max(0, page.total - 1) };
  }
  if (!keep) return page;
  return { ...page, rows: insertByCreatedDesc(page.rows, job), total: page.total + 1 };
}

function insertByCreatedDesc(rows: JobRow[], job: JobRow): JobRow[] {
  const at = rows.findIndex((r) => r.createdAt < job.createdAt);
  if (at < 0) return [...rows, job];
  return [...rows.slice(0, at), job, ...rows.slice(at)];
}

export function filterKey(filter: JobFilter): string {
  const queue = filter.queue ? `:queue=${filter.queue}` : '';
  return `jobs:${[...filter.statuses].sort().join(',')}:${filter.search.trim().toLowerCase()}${queue}`;
}
