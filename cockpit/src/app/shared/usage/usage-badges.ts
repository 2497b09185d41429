import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/** A job's "budget warning" (80 % of a limit used) and "looping" (the same LLM request again and again) badges. */
@Component({
  selector: 'app-usage-badges',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (budgetWarning()) {
      <span class="badge budget-warning" data-testid="badge-budget-warning" [title]="'usage.budgetWarningHint' | t">{{ 'usage.budgetWarning' | t }}</span>
    }
    @if (looping()) {
      <span class="badge looping" data-testid="badge-looping" [title]="'usage.loopingHint' | t">{{ 'usage.looping' | t }}</span>
    }`,
  styles: `
    :host { display: inline-flex; gap: 0.25rem; }
    .budget-warning { background: var(--ctp-peach); color: var(--ctp-base); }
    .looping { background: var(--ctp-mauve); color: var(--ctp-base); }
  `,
})
export class UsageBadges {
  readonly budgetWarning = input(false);
  readonly looping = input(false);
}
