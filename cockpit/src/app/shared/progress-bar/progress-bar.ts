import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** A progress bar; without a value it is indeterminate. Accessible as a progressbar with its value. */
@Component({
  selector: 'app-progress-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" [attr.aria-valuenow]="clamped()" [attr.aria-label]="label()"
         [class.indeterminate]="clamped() === null" [class.done]="clamped() === 100">
      <div class="fill" [style.width.%]="clamped() ?? 30"></div>
    </div>
    @if (showText() && clamped() !== null) {
      <span class="text">{{ clamped() }}%</span>
    }
  `,
  styles: `
    :host { display: flex; align-items: center; gap: 0.5rem; min-width: 4rem; }
    .bar { flex: 1; height: 0.45rem; border-radius: 1rem; background: var(--ctp-surface0); overflow: hidden; position: relative; }
    .fill { height: 100%; background: var(--accent-color); border-radius: 1rem; transition: width 0.4s ease; }
    .done .fill { background: var(--ctp-green); }
    .indeterminate .fill { position: absolute; animation: slide 1.4s ease-in-out infinite; }
    .text { font-size: 0.75rem; color: var(--muted-color); min-width: 2.6rem; text-align: right; font-variant-numeric: tabular-nums; }
    @keyframes slide { from { left: -30%; } to { left: 100%; } }
  `,
})
export class ProgressBar {
  readonly value = input<number | null | undefined>(null);
  readonly label = input('');
  readonly showText = input(true);
  readonly clamped = computed(() => {
    const v = this.value();
    return v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(Math.min(100, Math.max(0, v)));
  });
}
