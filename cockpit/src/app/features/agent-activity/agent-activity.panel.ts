import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { CachedResource } from '../../core/data/cached-resource';
import { type AuditEntry, JobContextStore } from '../../core/data/job-context.store';
import { CacheService } from '../../core/cache/cache.service';
import { toUserError, type UserError } from '../../core/errors/user-error';
import { GraphQLClient } from '../../core/graphql/graphql-client';
import { JobAuditDocument } from '../../core/graphql/generated';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { LayoutService } from '../../core/layout/layout.service';
import { PanelIds } from '../../core/layout/panel-ids';
import { SelectionService } from '../../core/state/selection.service';
import { TimeCursorService } from '../../core/state/time-cursor.service';
import { formatTime } from '../../shared/format/format';
import { StateView } from '../../shared/state-view/state-view';

export const STEP_TYPES = ['llm', 'tool', 'error', 'state', 'note'] as const;
const PAGE = 200;

interface AuditPage {
  entries: AuditEntry[];
  total: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Merges loaded and live entries: unique by id, oldest first, only the wanted step types. */
export function mergeAudit(loaded: AuditEntry[], live: AuditEntry[], stepTypes: readonly string[]): AuditEntry[] {
  const byId = new Map<string, AuditEntry>();
  for (const e of [...loaded, ...live]) {
    if (stepTypes.length === 0 || stepTypes.includes(e.stepType)) byId.set(e.id, e);
  }
  return [...byId.values()].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** The selected job's audit trail (LLM calls, tool calls, errors, state changes), live, filterable by step type. */
@Component({
  selector: 'app-agent-activity',
  imports: [StateView, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agent-activity.panel.html',
  styleUrl: './agent-activity.panel.css',
})
export class AgentActivityPanel {
  private readonly client = inject(GraphQLClient);
  private readonly i18n = inject(I18nService);
  private readonly layout = inject(LayoutService);
  protected readonly context = inject(JobContextStore);
  protected readonly selection = inject(SelectionService);
  protected readonly cursor = inject(TimeCursorService);
  protected readonly stepTypes = STEP_TYPES;
  protected readonly filter = signal<string[]>([]);
  protected readonly page = new CachedResource<AuditPage>(inject(CacheService));
  protected readonly moreError = signal<UserError | null>(null);

  protected readonly entries = computed(() => mergeAudit(this.page.data()?.entries ?? [], this.context.liveAudit(), this.filter()));
  protected readonly visible = computed(() => {
    const at = this.cursor.atMs();
    return this.entries().filter((e) => Date.parse(e.at) <= at);
  });

  constructor() {
    effect(() => {
      const id = this.context.jobId();
      const filter = this.filter();
      untracked(() => (id ? this.load(id, filter) : this.page.clear()));
    });
  }

  load(id: string, filter: string[]): void {
    void this.page.load(() => this.fetch(id, filter, null), `audit:${id}:${filter.join(',')}`);
  }

  protected reload(): void {
    const id = this.context.jobId();
    if (id) this.load(id, this.filter());
  }

  protected toggle(step: string): void {
    this.filter.update((f) => (f.includes(step) ? f.filter((s) => s !== step) : [...f, step]));
  }

  protected async more(): Promise<void> {
    const id = this.context.jobId();
    const current = this.page.data();
    if (!id || !current?.hasNextPage) return;
    try {
      const next = await this.fetch(id, this.filter(), current.endCursor);
      this.page.update((p) => (p ? { ...next, entries: [...p.entries, ...next.entries] } : next));
    } catch (error) {
      this.moreError.set(toUserError(error));
    }
  }

  protected time(iso: string): string {
    return formatTime(iso, this.i18n.locale());
  }

  protected openRequest(entry: AuditEntry): void {
    this.selection.requestId.set(entry.id);
    this.layout.reveal(PanelIds.requestViewer);
  }

  protected seek(entry: AuditEntry): void {
    this.cursor.seek(entry.at);
  }

  private async fetch(id: string, filter: string[], after: string | null): Promise<AuditPage> {
    const { job } = await this.client.request(JobAuditDocument, { id, stepTypes: filter.length > 0 ? filter : null, first: PAGE, after });
    const audit = job?.audit;
    return {
      entries: audit?.nodes ?? [],
      total: audit?.totalCount ?? 0,
      endCursor: audit?.pageInfo.endCursor ?? null,
      hasNextPage: audit?.pageInfo.hasNextPage ?? false,
    };
  }
}
