import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { CacheService } from '../cache/cache.service';
import { GraphQLClient } from '../graphql/graphql-client';
import {
  type AuditFieldsFragment,
  type JobDetailFieldsFragment,
  type JobWorkspaceQuery,
  AuditAppendedDocument,
  GraphChangedDocument,
  JobChangedDocument,
  JobDetailDocument,
  JobWorkspaceDocument,
  WorkspaceChangedDocument,
} from '../graphql/generated';
import { GraphQLRequestError } from '../graphql/graphql-errors';
import { SelectionService } from '../state/selection.service';
import { TimeCursorService } from '../state/time-cursor.service';
import { CachedResource } from './cached-resource';

export type JobDetail = JobDetailFieldsFragment;
export type Workspace = NonNullable<JobWorkspaceQuery['job']>['workspace'];
export type Todo = Workspace['todos'][number];
export type AuditEntry = AuditFieldsFragment;

/** The todos as this cockpit saw them at a moment; the scrubber shows the last one at or before its cursor. */
export interface TodoSnapshot {
  at: string;
  todos: Todo[];
  archived: Todo[];
}

/**
 * Everything about the selected job that several panels share: the job (live through jobChanged), its workspace
 * (reloaded on workspaceChanged), audit entries appended since it was selected, a counter of graph changes, and the
 * todo snapshots for the timeline scrubber. Switching jobs ends the old job's subscriptions.
 */
@Injectable({ providedIn: 'root' })
export class JobContextStore {
  private readonly client = inject(GraphQLClient);
  private readonly cache = inject(CacheService);
  private readonly selection = inject(SelectionService);
  private readonly cursor = inject(TimeCursorService);
  private unsubscribes: (() => void)[] = [];

  readonly jobId = this.selection.jobId.asReadonly();
  readonly job = new CachedResource<JobDetail | null>(this.cache);
  readonly workspace = new CachedResource<Workspace | null>(this.cache);
  /** Audit entries that arrived live for the selected job, oldest first. */
  readonly liveAudit = signal<AuditEntry[]>([]);
  /** Increases on every graphChanged of the selected job. */
  readonly graphVersion = signal(0);
  /** Increases on every jobChanged of the selected job (chat and requirements refetch on it). */
  readonly jobVersion = signal(0);
  readonly todoSnapshots = signal<TodoSnapshot[]>([]);
  /** Set when the selected job was deleted while shown. */
  readonly deleted = signal(false);

  /** From the job's creation to its end (or the latest thing seen, while it runs). */
  readonly timeRange = computed(() => {
    const job = this.job.data();
    if (!job) return null;
    const start = Date.parse(job.createdAt);
    const ends = [job.completedAt, job.updatedAt, job.progress.reportedAt, ...this.liveAudit().map((a) => a.at)]
      .filter((v): v is string => !!v)
      .map((v) => Date.parse(v));
    return { start, end: Math.max(start + 1000, ...ends) };
  });

  constructor() {
    effect(() => {
      const id = this.selection.jobId();
      untracked(() => this.follow(id));
    });
    effect(() => {
      if (this.client.epoch() > 0) untracked(() => this.reload());
    });
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  reload(): void {
    const id = this.jobId();
    if (!id) return;
    void this.job.load(async () => (await this.client.request(JobDetailDocument, { id })).job, `job:${id}`);
    this.loadWorkspace(id);
  }

  private follow(id: string | null): void {
    this.stop();
    this.job.clear();
    this.workspace.clear();
    this.liveAudit.set([]);
    this.todoSnapshots.set([]);
    this.deleted.set(false);
    this.cursor.seek(null);
    if (!id) return;
    this.reload();
    void this.cache.list<TodoSnapshot>(`todos:${id}:`).then((snapshots) => {
      if (this.jobId() === id) this.todoSnapshots.update((live) => mergeSnapshots(snapshots.map((s) => s.value), live));
    });
    const ignoreErrors = { error: (_: GraphQLRequestError) => undefined };
    this.unsubscribes = [
      this.client.subscribe(JobChangedDocument, { id }, {
        ...ignoreErrors,
        next: ({ jobChanged }) => {
          if (jobChanged.deleted || !jobChanged.job) {
            this.deleted.set(true);
            this.job.update(() => null);
            return;
          }
          this.job.update(() => jobChanged.job);
          this.jobVersion.update((v) => v + 1);
        },
      }),
      this.client.subscribe(WorkspaceChangedDocument, { jobId: id }, { ...ignoreErrors, next: () => this.loadWorkspace(id) }),
      this.client.subscribe(AuditAppendedDocument, { jobId: id }, {
        ...ignoreErrors,
        next: ({ auditAppended }) => this.liveAudit.update((all) => (all.some((a) => a.id === auditAppended.id) ? all : [...all, auditAppended])),
      }),
      this.client.subscribe(GraphChangedDocument, { jobId: id }, { ...ignoreErrors, next: () => this.graphVersion.update((v) => v + 1) }),
    ];
  }

  private loadWorkspace(id: string): void {
    void this.workspace
      .load(async () => (await this.client.request(JobWorkspaceDocument, { id })).job?.workspace ?? null, `workspace:${id}`)
      .then(() => {
        const workspace = this.workspace.data();
        if (workspace && this.jobId() === id && !this.workspace.cachedAt()) this.recordTodos(id, workspace);
      });
  }

  private recordTodos(id: string, workspace: Workspace): void {
    const last = this.todoSnapshots().at(-1);
    const snapshot: TodoSnapshot = { at: new Date().toISOString(), todos: workspace.todos, archived: workspace.archivedTodos };
    if (last && JSON.stringify([last.todos, last.archived]) === JSON.stringify([snapshot.todos, snapshot.archived])) return;
    this.todoSnapshots.update((all) => [...all, snapshot]);
    void this.cache.put(`todos:${id}:${snapshot.at}`, snapshot);
  }

  private stop(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes = [];
  }
}

/** Snapshots by time, without duplicates (the cache and the live list may both hold one). */
export function mergeSnapshots(a: TodoSnapshot[], b: TodoSnapshot[]): TodoSnapshot[] {
  const byAt = new Map([...a, ...b].map((s) => [s.at, s]));
  return [...byAt.values()].sort((x, y) => x.at.localeCompare(y.at));
}

/** The snapshot in force at `atMs` (the last one at or before it); the first one when the cursor is before all. */
export function snapshotAt(snapshots: TodoSnapshot[], atMs: number): TodoSnapshot | undefined {
  let found: TodoSnapshot | undefined;
  for (const s of snapshots) {
    if (Date.parse(s.at) <= atMs) found = s;
    else break;
  }
  return found;
}
