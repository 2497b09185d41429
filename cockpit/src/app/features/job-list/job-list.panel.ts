import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { ScrollingModule } from '@angular/cdk/scrolling';
import { Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { AgentsStore } from '../../core/data/agents.store';
import { type BulkResult, JobCommandsService } from '../../core/data/job-commands.service';
import { type JobRow, JobsStore } from '../../core/data/jobs.store';
import type { JobStatus } from '../../core/graphql/generated';
import type { UserError } from '../../core/errors/user-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { SelectionService } from '../../core/state/selection.service';
import { formatDateTime, shortId, truncate } from '../../shared/format/format';
import { Icon } from '../../shared/icon/icon';
import { ProgressBar } from '../../shared/progress-bar/progress-bar';
import { StateView } from '../../shared/state-view/state-view';
import { StatusBadge } from '../../shared/status-badge/status-badge';
import { CostText } from '../../shared/usage/cost-text';
import { UsageBadges } from '../../shared/usage/usage-badges';
import { ANY_QUEUE } from '../queues/queue-view';
import { QueuesStore } from '../queues/queues.store';
import { ALL_STATUSES, canAssign, canCancel, canDelete, canResume } from './job-actions';

/** Row height in pixels; the virtual scroll viewport needs it fixed. */
export const ROW_HEIGHT = 46;
/** Start fetching the next page when the user is this many rows from the end. */
const PREFETCH_ROWS = 40;
const SEARCH_DEBOUNCE_MS = 250;

/**
 * The job list: status filter chips, queue (config name) and search (all in the URL), newest first, pending jobs with
 * their place in the dispatch order, paged from the server as the user
 * scrolls, rendered with virtual scrolling so ten thousand rows stay smooth. Rows have view/assign/cancel/resume/
 * delete; checked rows get bulk cancel, resume and delete.
 */
@Component({
  selector: 'app-job-list',
  imports: [ScrollingModule, StateView, StatusBadge, ProgressBar, Icon, CostText, UsageBadges, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './job-list.panel.html',
  styleUrl: './job-list.panel.css',
})
export class JobListPanel {
  protected readonly store = inject(JobsStore);
  protected readonly auth = inject(AuthService);
  protected readonly agents = inject(AgentsStore);
  protected readonly commands = inject(JobCommandsService);
  protected readonly queues = inject(QueuesStore);
  protected readonly selection = inject(SelectionService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  protected readonly resource = this.store.resource;
  protected readonly statuses = ALL_STATUSES;
  protected readonly rowHeight = ROW_HEIGHT;
  protected readonly checked = signal<ReadonlySet<string>>(new Set());
  protected readonly search = signal(this.store.filter().search);
  protected readonly assigningRow = signal<string | null>(null);
  protected readonly message = signal<{ key: string; params?: Record<string, string | number>; error?: UserError } | null>(null);
  protected readonly allChecked = computed(() => this.store.rows().length > 0 && this.store.rows().every((r) => this.checked().has(r.id)));
  protected readonly checkedRows = computed(() => this.store.rows().filter((r) => this.checked().has(r.id)));
  /** What fits the job's status and the person's role (operators change jobs, admins also delete them). */
  protected readonly can = {
    cancel: (status: JobStatus) => this.auth.canOperate() && canCancel(status),
    resume: (status: JobStatus) => this.auth.canOperate() && canResume(status),
    delete: (status: JobStatus) => this.auth.canAdmin() && canDelete(status),
    assign: (status: JobStatus) => this.auth.canOperate() && canAssign(status),
  };
  /** The queues one may filter by: every config name the server reports a queue for, and the one filtered by now. */
  protected readonly queueNames = computed(() => {
    const names = new Set((this.queues.queues() ?? []).map((q) => q.name).filter((n) => n !== ANY_QUEUE));
    const current = this.store.filter().queue;
    if (current) names.add(current);
    return [...names].sort();
  });
  protected readonly shortId = shortId;
  protected readonly truncate = truncate;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    const params = this.router.routerState.snapshot.root.queryParams;
    const fromUrl = String(params['status'] ?? '').split(',').filter((s): s is JobStatus => ALL_STATUSES.includes(s as JobStatus));
    const search = typeof params['q'] === 'string' ? params['q'] : this.store.filter().search;
    const queue = typeof params['queue'] === 'string' && params['queue'] !== '' ? params['queue'] : (this.store.filter().queue ?? null);
    this.search.set(search);
    this.store.setFilter({ statuses: fromUrl.length > 0 ? fromUrl : this.store.filter().statuses, search, queue });
    this.store.start();
    this.agents.start();
    this.queues.start();
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected isActive(status: JobStatus): boolean {
    return this.store.filter().statuses.includes(status);
  }

  protected toggleStatus(status: JobStatus | null): void {
    const current = this.store.filter().statuses;
    const statuses = status === null ? [] : current.includes(status) ? current.filter((s) => s !== status) : [...current, status];
    this.applyFilter(statuses, this.store.filter().search, this.store.filter().queue ?? null);
  }

  protected onSearch(value: string): void {
    this.search.set(value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applyFilter(this.store.filter().statuses, value, this.store.filter().queue ?? null), SEARCH_DEBOUNCE_MS);
  }

  protected setQueue(queue: string): void {
    this.applyFilter(this.store.filter().statuses, this.store.filter().search, queue || null);
  }

  private applyFilter(statuses: readonly JobStatus[], search: string, queue: string | null): void {
    this.checked.set(new Set());
    this.store.setFilter({ statuses, search, queue });
    void this.router.navigate([], {
      queryParams: { status: statuses.length > 0 ? statuses.join(',') : null, q: search.trim() || null, queue },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected onScrolled(firstVisible: number, viewportRows: number): void {
    if (firstVisible + viewportRows + PREFETCH_ROWS >= this.store.rows().length) void this.store.loadMore();
  }

  protected open(job: JobRow): void {
    void this.router.navigate(['/jobs', job.id], { queryParamsHandling: 'preserve' });
  }

  protected toggleChecked(id: string): void {
    this.checked.update((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  protected readonly trackById = (_: number, job: JobRow) => job.id;

  protected clearChecked(): void {
    this.checked.set(new Set());
  }

  protected toggleAll(): void {
    this.checked.set(this.allChecked() ? new Set() : new Set(this.store.rows().map((r) => r.id)));
  }

  protected created(job: JobRow): string {
    return formatDateTime(job.createdAt, this.i18n.locale());
  }

  protected async cancel(job: JobRow): Promise<void> {
    this.report(await this.commands.cancel(job.id), 'jobs.cancelled');
  }

  protected async resume(job: JobRow): Promise<void> {
    this.report(await this.commands.resume(job.id), 'jobs.resumed');
  }

  protected async remove(job: JobRow): Promise<void> {
    if (!confirm(this.i18n.t('jobs.confirmDelete', { id: shortId(job.id) }))) return;
    this.report(await this.commands.delete(job.id), 'jobs.deleted');
  }

  protected async assign(job: JobRow, agentId: string): Promise<void> {
    if (!agentId) return;
    this.assigningRow.set(null);
    this.report(await this.commands.assign(job.id, agentId), 'jobs.assigned');
  }

  protected async bulkCancel(): Promise<void> {
    this.reportBulk(await this.commands.cancelMany(this.checkedRows().filter((r) => canCancel(r.status)).map((r) => r.id)));
  }

  protected async bulkDelete(): Promise<void> {
    const ids = this.checkedRows().filter((r) => canDelete(r.status)).map((r) => r.id);
    if (ids.length === 0 || !confirm(this.i18n.t('jobs.confirmBulkDelete', { count: ids.length }))) return;
    this.reportBulk(await this.commands.deleteMany(ids));
  }

  protected async bulkResume(): Promise<void> {
    const rows = this.checkedRows().filter((r) => canResume(r.status));
    const result: BulkResult = { succeeded: 0, failed: [] };
    for (const row of rows) {
      const outcome = await this.commands.resume(row.id);
      if (outcome.ok) result.succeeded++;
      else result.failed.push({ id: row.id, error: outcome.error });
    }
    this.reportBulk(result);
  }

  private report(result: { ok: true } | { ok: false; error: UserError }, okKey: string): void {
    this.message.set(result.ok ? { key: okKey } : { key: 'jobs.commandFailed', error: result.error });
  }

  private reportBulk(result: BulkResult): void {
    this.checked.set(new Set(result.failed.map((f) => f.id)));
    this.message.set({
      key: 'jobs.bulkResult',
      params: { ok: result.succeeded, failed: result.failed.length },
      error: result.failed[0]?.error,
    });
  }
}
