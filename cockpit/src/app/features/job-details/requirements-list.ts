import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { CachedResource } from '../../core/data/cached-resource';
import { JobContextStore } from '../../core/data/job-context.store';
import { toUserError, type UserError } from '../../core/errors/user-error';
import { GraphQLClient } from '../../core/graphql/graphql-client';
import { GraphQLRequestError } from '../../core/graphql/graphql-errors';
import { JobRequirementsDocument, type JobRequirementsQuery, type RequirementStatus } from '../../core/graphql/generated';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { StateView } from '../../shared/state-view/state-view';
import { StatusBadge } from '../../shared/status-badge/status-badge';

type RequirementPage = NonNullable<JobRequirementsQuery['job']>['requirements'];
const PAGE = 100;
/** While a job runs, its requirements change often: refetch at most this often. */
const REFRESH_MS = 2_000;
export const REQUIREMENT_STATUSES: readonly RequirementStatus[] = ['pending', 'validating', 'integrated', 'rejected'];

/** The job's requirements with status, priority and tag filters (server-side), each expandable to its details. */
@Component({
  selector: 'app-requirements-list',
  imports: [StateView, StatusBadge, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="filters">
      @for (s of statuses; track s) {
        <button type="button" class="chip" [class.on]="status().includes(s)" [attr.aria-pressed]="status().includes(s)" (click)="toggle(s)">{{ 'status.' + s | t }}</button>
      }
      <input type="search" [placeholder]="'requirements.priority' | t" [attr.aria-label]="'requirements.priority' | t" [value]="priority()"
             (change)="priority.set($any($event.target).value)" class="narrow" />
      <input type="search" [placeholder]="'requirements.tag' | t" [attr.aria-label]="'requirements.tag' | t" [value]="tag()"
             (change)="tag.set($any($event.target).value)" class="narrow" />
    </div>
    <app-state-view [hasData]="page.data() !== undefined" [empty]="(page.data()?.nodes?.length ?? 0) === 0" emptyKey="requirements.empty"
                    [error]="page.error()" (retry)="load()">
      <p class="muted count">{{ 'requirements.count' | t: { shown: page.data()?.nodes?.length ?? 0, total: page.data()?.totalCount ?? 0 } }}</p>
      <ul class="requirements" data-testid="requirements">
        @for (r of page.data()?.nodes ?? []; track r.requirementId) {
          <li>
            <details>
              <summary><app-status-badge [status]="r.status" /> <span class="mono rid">{{ r.requirementId }}</span> {{ r.text }}</summary>
              <dl>
                <dt>{{ 'requirements.priority' | t }}</dt><dd>{{ r.priority ?? '—' }}</dd>
                <dt>{{ 'requirements.tags' | t }}</dt><dd>{{ r.complianceTags.join(', ') || '—' }}</dd>
                <dt>{{ 'requirements.source' | t }}</dt><dd>{{ r.source ?? '—' }}</dd>
              </dl>
            </details>
          </li>
        }
      </ul>
      @if (page.data()?.pageInfo?.hasNextPage) {
        <button type="button" class="small" (click)="more()">{{ 'actions.more' | t }}</button>
      }
      @if (moreError(); as e) { <p class="error">{{ e.key | t }}</p> }
    </app-state-view>
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 0.25rem; margin-bottom: 0.4rem; }
    .narrow { width: 7rem; }
    .count { font-size: 0.75rem; margin: 0 0 0.3rem; }
    .requirements { list-style: none; margin: 0; padding: 0; }
    .requirements li { border-bottom: 1px solid var(--border-color); padding: 0.25rem 0; font-size: 0.85rem; }
    summary { cursor: pointer; }
    .rid { color: var(--muted-color); font-size: 0.75rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0.3rem 0 0.3rem 1.2rem; font-size: 0.8rem; }
    dt { color: var(--muted-color); }
    dd { margin: 0; }
    .error { color: var(--ctp-red); }
  `,
})
export class RequirementsList {
  private readonly client = inject(GraphQLClient);
  private readonly context = inject(JobContextStore);
  readonly jobId = input.required<string>();
  protected readonly statuses = REQUIREMENT_STATUSES;
  protected readonly status = signal<RequirementStatus[]>([]);
  protected readonly priority = signal('');
  protected readonly tag = signal('');
  protected readonly page = new CachedResource<RequirementPage>(null);
  protected readonly moreError = signal<UserError | null>(null);
  private lastLoad = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    effect(() => {
      this.jobId();
      this.status();
      this.priority();
      this.tag();
      untracked(() => this.load());
    });
    effect(() => {
      if (this.context.jobVersion() > 0) untracked(() => this.refreshSoon());
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected toggle(s: RequirementStatus): void {
    this.status.update((all) => (all.includes(s) ? all.filter((x) => x !== s) : [...all, s]));
  }

  load(): void {
    this.lastLoad = Date.now();
    void this.page.load(() => this.fetch(null));
  }

  protected async more(): Promise<void> {
    const current = this.page.data();
    if (!current?.pageInfo.hasNextPage) return;
    try {
      const next = await this.fetch(current.pageInfo.endCursor);
      this.page.update((p) => (p ? { ...next, nodes: [...p.nodes, ...next.nodes] } : next));
    } catch (error) {
      this.moreError.set(toUserError(error));
    }
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    const wait = Math.max(0, this.lastLoad + REFRESH_MS - Date.now());
    this.timer = setTimeout(() => this.load(), wait);
  }

  private async fetch(after: string | null): Promise<RequirementPage> {
    const { job } = await this.client.request(JobRequirementsDocument, {
      id: this.jobId(),
      status: this.status().length > 0 ? this.status() : null,
      priority: this.priority().trim() ? [this.priority().trim()] : null,
      tag: this.tag().trim() || null,
      first: PAGE,
      after,
    });
    if (!job) throw new GraphQLRequestError('graphql', [{ message: 'not found', code: 'NOT_FOUND' }]);
    return job.requirements;
  }
}
