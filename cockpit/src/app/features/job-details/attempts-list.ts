import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { JobDetail } from '../../core/data/job-context.store';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { formatDateTime, formatDuration, shortId } from '../../shared/format/format';
import { labelPairs } from '../../shared/labels/labels';

/** One run of a job on an agent, as job.attempts has it (the agent as it is now, null when it is gone). */
export type AttemptView = JobDetail['attempts'][number];

/** Every attempt of a job, oldest first: agent, times, outcome and the error each failed attempt left. */
@Component({
  selector: 'app-attempts-list',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (attempts().length === 0) {
      <p class="muted" data-testid="attempts-empty">{{ 'attempts.none' | t }}</p>
    } @else {
      <ol class="attempts" data-testid="attempts">
        @for (a of attempts(); track a.attempt) {
          <li [attr.data-outcome]="a.outcome" [attr.data-agent-id]="a.agentId">
            <strong>#{{ a.attempt }}</strong>
            <span class="outcome outcome-{{ a.outcome }}">{{ 'attempts.outcome.' + a.outcome | t }}</span>
            <span data-testid="attempt-agent" [title]="a.agentId">{{ a.agent?.hostname ?? shortId(a.agentId) }}@if (!a.agent) { <span class="muted">({{ 'attempts.agentGone' | t }})</span> }</span>
            @for (label of labelPairs(a.agent?.labels); track label) { <span class="label-chip">{{ label }}</span> }
            <span class="muted">{{ time(a.startedAt) }}@if (a.endedAt) { – {{ time(a.endedAt) }} ({{ duration(a) }})}</span>
            @if (a.error; as error) {
              <p class="error" data-testid="attempt-error">{{ error }}</p>
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .attempts { list-style: none; margin: 0; padding: 0; font-size: 0.85rem; }
    .attempts li { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; padding: 0.2rem 0; border-bottom: 1px solid var(--border-color); }
    .outcome { font-size: 0.75rem; padding: 0 0.35rem; border-radius: 0.6rem; border: 1px solid currentColor; }
    .outcome-completed { color: var(--ctp-green); }
    .outcome-running { color: var(--ctp-yellow); }
    .outcome-failed, .outcome-lost, .outcome-unreachable, .outcome-timed_out { color: var(--ctp-red); }
    .label-chip { font-size: 0.72rem; padding: 0 0.35rem; border-radius: 0.6rem; border: 1px solid var(--border-color); color: var(--muted-color); }
    .outcome-cancelled { color: var(--muted-color); }
    .error { flex-basis: 100%; margin: 0; color: var(--ctp-red); white-space: pre-wrap; }
  `,
})
export class AttemptsList {
  private readonly i18n = inject(I18nService);
  readonly attempts = input.required<readonly AttemptView[]>();
  protected readonly shortId = shortId;
  protected readonly labelPairs = labelPairs;

  protected time(iso: string): string {
    return formatDateTime(iso, this.i18n.locale());
  }

  protected duration(a: AttemptView): string {
    return formatDuration(a.endedAt ? Math.round((Date.parse(a.endedAt) - Date.parse(a.startedAt)) / 1000) : null);
  }
}
