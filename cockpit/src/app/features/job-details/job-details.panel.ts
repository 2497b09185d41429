import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { AgentsStore } from '../../core/data/agents.store';
import { JobCommandsService } from '../../core/data/job-commands.service';
import { JobContextStore } from '../../core/data/job-context.store';
import type { JobStatus } from '../../core/graphql/generated';
import type { UserError } from '../../core/errors/user-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ClockService } from '../../core/state/clock.service';
import { formatDateTime, formatDuration, prettyJson, shortId } from '../../shared/format/format';
import { ProgressBar } from '../../shared/progress-bar/progress-bar';
import { StateView } from '../../shared/state-view/state-view';
import { StatusBadge } from '../../shared/status-badge/status-badge';
import { labelPairs } from '../../shared/labels/labels';
import { canAssign, canCancel, canDelete, canEnqueue, canResume } from '../job-list/job-actions';
import { QueuesStore } from '../queues/queues.store';
import { AttemptsList } from './attempts-list';
import { RequirementsList } from './requirements-list';
import { UsageBadges } from '../../shared/usage/usage-badges';
import { UsageSection } from './usage-section';
import { WorkspaceView } from './workspace-view';

/**
 * One job in full: status and actions, progress with ETA, the timeline of its status changes, how it is dispatched
 * (priority, selector, place in the queue and why it waits) with every attempt, requirements (summary and filterable
 * list), its LLM usage against its budget, and its workspace. Everything updates live while the job runs.
 */
@Component({
  selector: 'app-job-details',
  imports: [StateView, StatusBadge, ProgressBar, RequirementsList, WorkspaceView, AttemptsList, UsageSection, UsageBadges, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './job-details.panel.html',
  styleUrl: './job-details.panel.css',
})
export class JobDetailsPanel {
  protected readonly context = inject(JobContextStore);
  private readonly auth = inject(AuthService);
  protected readonly agents = inject(AgentsStore);
  protected readonly queues = inject(QueuesStore);
  protected readonly commands = inject(JobCommandsService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly clock = inject(ClockService);
  protected readonly job = this.context.job;
  /** What fits the job's status and the person's role (operators change jobs, admins also delete them). */
  protected readonly can = {
    cancel: (status: JobStatus) => this.auth.canOperate() && canCancel(status),
    resume: (status: JobStatus) => this.auth.canOperate() && canResume(status),
    delete: (status: JobStatus) => this.auth.canAdmin() && canDelete(status),
    assign: (status: JobStatus) => this.auth.canOperate() && canAssign(status),
    enqueue: (status: JobStatus) => this.auth.canOperate() && canEnqueue(status),
  };
  protected readonly error = signal<UserError | null>(null);
  protected readonly shortId = shortId;
  protected readonly prettyJson = prettyJson;
  protected readonly formatDuration = formatDuration;
  protected readonly labelPairs = labelPairs;

  /** ETA as a wall-clock time, counted down with the clock between progress reports. */
  protected readonly eta = computed(() => {
    const job = this.job.data();
    const eta = job?.progress.etaSeconds;
    if (!job || eta === null || eta === undefined || job.status !== 'processing') return null;
    const reported = job.progress.reportedAt ? Date.parse(job.progress.reportedAt) : this.clock.now();
    const left = Math.max(0, eta - (this.clock.now() - reported) / 1000);
    return { left, at: new Date(reported + eta * 1000).toISOString() };
  });

  protected readonly summary = computed(() => {
    const counts = this.job.data()?.progress.requirementsByStatus ?? [];
    return counts.filter((c) => c.count > 0);
  });

  constructor() {
    this.agents.start();
    this.queues.start();
  }

  protected when(iso: string | null | undefined): string {
    return formatDateTime(iso, this.i18n.locale());
  }

  protected agentName(id: string | null | undefined): string {
    if (!id) return '—';
    return this.agents.byId().get(id)?.hostname ?? shortId(id);
  }

  protected async assign(jobId: string, agentId: string): Promise<void> {
    if (agentId) this.show(await this.commands.assign(jobId, agentId));
  }

  protected async enqueue(jobId: string): Promise<void> {
    this.show(await this.commands.enqueue(jobId));
  }

  protected async cancel(jobId: string): Promise<void> {
    this.show(await this.commands.cancel(jobId));
  }

  protected async resume(jobId: string): Promise<void> {
    this.show(await this.commands.resume(jobId));
  }

  protected async remove(jobId: string): Promise<void> {
    if (!confirm(this.i18n.t('jobs.confirmDelete', { id: shortId(jobId) }))) return;
    const result = await this.commands.delete(jobId);
    this.show(result);
    if (result.ok) void this.router.navigate(['/'], { queryParamsHandling: 'preserve' });
  }

  private show(result: { ok: true } | { ok: false; error: UserError }): void {
    this.error.set(result.ok ? null : result.error);
  }
}
