import { ChangeDetectionStrategy, Component, DestroyRef, type ElementRef, afterEveryRender, afterNextRender, computed, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { AGENT_STATUSES, filterAgents, isEmptyFilter, parseAgentFilter } from '../../core/data/agent-fleet';
import { type AgentRow, AgentsStore } from '../../core/data/agents.store';
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
import { rowTop, rowWindow } from './agent-window';

/** Jobs that can be given to an agent: created, pending, or failed/cancelled ones that start over. */
const ASSIGNABLE = new Set(['created', 'pending']);

/** Height of a collapsed row including the gap below it (agent-list.panel.css: .agent height + margin-bottom). */
export const AGENT_ROW_HEIGHT = 64;
const ROW_GAP = 4;
/** Rows rendered beyond the viewport, in pixels, so that scrolling does not show blank space before the next frame. */
const OVERSCAN_PX = 600;
/** The viewport's height before it is laid out (and in jsdom, which lays nothing out): enough rows for a first paint. */
const UNMEASURED_VIEWPORT_PX = 800;

/**
 * Registered agents with their status colours, current job and last heartbeat; a ready agent can be given a waiting
 * job from here. The list is live (agentChanged). Built for fleets of thousands: only the rows in view are in the DOM
 * (agent-window.ts; rows have a fixed height, the selected agent's details and the assign popover open inline and are
 * measured), a filter box and per-status counts find agents (core/data/agent-fleet.ts).
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
  protected readonly statuses = AGENT_STATUSES;

  protected readonly filterText = signal('');
  protected readonly statusFilter = signal<ReadonlySet<string>>(new Set());
  private readonly filter = computed(() => parseAgentFilter(this.filterText(), this.statusFilter()));
  protected readonly filtered = computed(() => !isEmptyFilter(this.filter()));
  /** The agents the filter lets through, in list order. */
  protected readonly shown = computed(() => filterAgents(this.store.agents(), this.filter()));

  private readonly viewport = viewChild<ElementRef<HTMLElement>>('viewport');
  private readonly scrollTop = signal(0);
  private readonly viewportHeight = signal(UNMEASURED_VIEWPORT_PX);
  /** Whether the viewport has been laid out with a height (never in jsdom). */
  private readonly laidOut = signal(false);
  /** Measured extra height of expanded rows (details, assign popover) by agent id. */
  private readonly extras = signal<ReadonlyMap<string, number>>(new Map());
  private readonly expanded = computed(() => {
    const ids = new Set([this.selection.agentId(), this.assigningFor()].filter((id): id is string => id !== null));
    if (ids.size === 0) return [];
    const shown = this.shown();
    const extras = this.extras();
    const result: { index: number; extra: number }[] = [];
    for (const id of ids) {
      const index = shown.findIndex((a) => a.id === id);
      if (index >= 0) result.push({ index, extra: extras.get(id) ?? 0 });
    }
    return result;
  });
  protected readonly window = computed(() =>
    rowWindow({
      count: this.shown().length,
      rowHeight: AGENT_ROW_HEIGHT,
      scrollTop: this.scrollTop(),
      viewportHeight: this.viewportHeight(),
      overscan: OVERSCAN_PX,
      expanded: this.expanded(),
    }),
  );
  protected readonly visible = computed(() => this.shown().slice(this.window().start, this.window().end));
  /** The agent a deep link or another panel selected, once it has been scrolled to (so a click never scrolls). */
  private scrolledTo: string | null = null;

  constructor() {
    this.store.start();
    this.jobs.start();
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const element = this.viewport()?.nativeElement;
      if (!element || typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(() => {
        if (element.clientHeight === 0) return;
        this.viewportHeight.set(element.clientHeight);
        this.laidOut.set(true);
      });
      observer.observe(element);
      destroyRef.onDestroy(() => observer.disconnect());
    });
    // Expanded rows grow with their content; the window needs their height to place the rows below them.
    afterEveryRender({
      read: () => {
        const element = this.viewport()?.nativeElement;
        if (!element) return;
        const measured = new Map<string, number>();
        for (const row of element.querySelectorAll<HTMLElement>('.agent.expanded')) {
          const extra = row.offsetHeight + ROW_GAP - AGENT_ROW_HEIGHT;
          if (extra > 0) measured.set(row.dataset['agentId'] ?? '', extra);
        }
        const known = untracked(this.extras);
        const changed = [...measured].some(([id, extra]) => Math.abs((known.get(id) ?? 0) - extra) >= 1);
        if (changed) this.extras.set(new Map([...known, ...measured]));
      },
    });
    // A selection made elsewhere (a deep link /agents/:id, a job's agent) scrolls its row into view once, as soon as
    // the list and the laid-out viewport exist (both are tracked, so a selection that arrives first waits for them).
    effect(() => {
      const id = this.selection.agentId();
      const element = this.viewport()?.nativeElement;
      const height = this.viewportHeight();
      const index = id === null ? -1 : this.shown().findIndex((a) => a.id === id);
      if (id === null || id === this.scrolledTo || index < 0 || !element || !this.laidOut()) return;
      this.scrolledTo = id;
      const top = rowTop(index, AGENT_ROW_HEIGHT, []);
      const scrollTop = untracked(this.scrollTop);
      if (top < scrollTop || top + AGENT_ROW_HEIGHT > scrollTop + height) {
        element.scrollTop = Math.max(0, top - height / 3);
        this.scrollTop.set(element.scrollTop);
      }
    });
  }

  protected readonly trackById = (agent: AgentRow) => agent.id;

  protected onScroll(event: Event): void {
    this.scrollTop.set((event.target as HTMLElement).scrollTop);
  }

  protected onFilter(text: string): void {
    this.filterText.set(text);
    this.resetScroll();
  }

  protected toggleStatus(status: string | null): void {
    const next = new Set(this.statusFilter());
    if (status === null) next.clear();
    else if (!next.delete(status)) next.add(status);
    this.statusFilter.set(next);
    this.resetScroll();
  }

  protected isActive(status: string): boolean {
    return this.statusFilter().has(status);
  }

  /** A new filter shows its first matches, not an empty stretch further down. */
  private resetScroll(): void {
    const element = this.viewport()?.nativeElement;
    if (element) element.scrollTop = 0;
    this.scrollTop.set(0);
  }

  /**
   * An offline agent's last heartbeat, as an age: it is final. A live agent's says only "live": heartbeats that change
   * nothing are not pushed (a fleet sends hundreds a second), so the time known here is the one of its last change, and
   * counting up from it showed healthy agents as minutes silent. The server marks an agent offline once it falls silent.
   */
  protected heartbeatAge(agent: { status: string; lastHeartbeat: string }): string {
    if (agent.status !== 'offline') return this.i18n.t('agents.live');
    const seconds = secondsSince(agent.lastHeartbeat, this.clock.now());
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
