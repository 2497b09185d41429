import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { AgentsStore } from '../../core/data/agents.store';
import { JobCommandsService } from '../../core/data/job-commands.service';
import { JobsStore } from '../../core/data/jobs.store';
import type { UserError } from '../../core/errors/user-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { SelectionService } from '../../core/state/selection.service';
import { formatDateTime, secondsSince, shortId, truncate } from '../../shared/format/format';
import { labelPairs } from '../../shared/labels/labels';
import { StateView } from '../../shared/state-view/state-view';
import { StatusBadge } from '../../shared/status-badge/status-badge';
import { ClockService } from '../../core/state/clock.service';

/** Jobs that can be given to an agent: created, pending, or failed/cancelled ones that start over. */
const ASSIGNABLE = new Set(['created', 'pending']);

/**
 * Registered agents with their status colours, current job and last heartbeat; a ready agent can be given a waiting
 * job from here. The list is live (agentChanged).
 */
@Component({
  selector: 'app-agent-list',
  imports: [StateView, StatusBadge, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agent-list.panel.html',
  styleUrl: './agent-list.panel.css',
})
export class AgentListPanel {
  protected readonly store = inject(AgentsStore);
  protected readonly auth = inject(AuthService);
  private readonly jobs = inject(JobsStore);
  private readonly commands = inject(JobCommandsService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly clock = inject(ClockService);
  protected readonly selection = inject(SelectionService);
  protected readonly resource = this.store.resource;
  protected readonly assigningFor = signal<string | null>(null);
  protected readonly assignError = signal<{ agentId: string; error: UserError } | null>(null);
  protected readonly waitingJobs = computed(() => this.jobs.rows().filter((j) => ASSIGNABLE.has(j.status)));
  protected readonly shortId = shortId;
  /** Labels are what jobs' selectors match, so they are shown on every agent, not only in the details. */
  protected readonly labelPairs = labelPairs;
  protected readonly truncate = truncate;

  constructor() {
    this.store.start();
    this.jobs.start();
  }

  protected heartbeatAge(iso: string): string {
    const seconds = secondsSince(iso, this.clock.now());
    return seconds === null ? '—' : this.i18n.t('agents.ago', { seconds: Math.round(seconds) });
  }

  protected heartbeatTitle(iso: string): string {
    return formatDateTime(iso, this.i18n.locale());
  }

  protected select(id: string): void {
    void this.router.navigate(['/agents', id], { queryParamsHandling: 'preserve' });
  }

  protected openJob(id: string, event: Event): void {
    event.stopPropagation();
    void this.router.navigate(['/jobs', id], { queryParamsHandling: 'preserve' });
  }

  protected toggleAssign(agentId: string, event: Event): void {
    event.stopPropagation();
    this.assignError.set(null);
    this.assigningFor.set(this.assigningFor() === agentId ? null : agentId);
  }

  protected async assign(agentId: string, jobId: string): Promise<void> {
    if (!jobId) return;
    const result = await this.commands.assign(jobId, agentId);
    if (result.ok) {
      this.assigningFor.set(null);
      void this.router.navigate(['/jobs', jobId], { queryParamsHandling: 'preserve' });
    } else {
      this.assignError.set({ agentId, error: result.error });
    }
  }
}
