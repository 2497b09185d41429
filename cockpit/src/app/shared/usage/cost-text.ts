import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { type CostFigures, costLabel } from './usage-format';

/** A cost as every panel shows it: "$0.0112", "$1.50 + 2 unpriced", "unpriced" (never $0 for unknown), "—" for no calls. */
@Component({
  selector: 'app-cost-text',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@switch (label().kind) {
    @case ('none') { <span class="muted" data-cost="none">—</span> }
    @case ('unpriced') { <span class="unpriced" data-cost="unpriced" [title]="'usage.unpricedHint' | t">{{ 'usage.unpriced' | t }}</span> }
    @default {
      <span data-cost="usd">{{ usd() }}</span>
      @if (unpriced() > 0) { <span class="unpriced" [title]="'usage.unpricedHint' | t"> + {{ 'usage.unpricedCalls' | t: { count: unpriced() } }}</span> }
    }
  }`,
  styles: `.unpriced { color: var(--ctp-peach); font-style: italic; }`,
})
export class CostText {
  readonly figures = input<CostFigures | null | undefined>(null);
  protected readonly label = computed(() => costLabel(this.figures()));
  protected readonly usd = computed(() => {
    const label = this.label();
    return label.kind === 'usd' ? label.text : '';
  });
  protected readonly unpriced = computed(() => {
    const label = this.label();
    return label.kind === 'usd' ? label.unpriced : 0;
  });
}
