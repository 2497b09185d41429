import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { UserError } from '../../core/errors/user-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { formatDateTime } from '../format/format';

/**
 * The loading, error, empty and "from cache" states every panel has, in one place. The content is projected and
 * shown whenever there is data, also while reloading or after a failed refresh (then with a notice above it).
 */
@Component({
  selector: 'app-state-view',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (hasData()) {
      @if (cachedAt()) {
        <p class="notice cached" role="status" data-testid="cached-notice">{{ 'state.cached' | t: { at: cachedText() } }}</p>
      } @else if (error(); as e) {
        <p class="notice error" role="alert">{{ e.key | t }}@if (e.detail) {: {{ e.detail }}}</p>
      }
      @if (empty()) {
        <p class="empty" data-testid="empty-state">{{ emptyKey() | t }}</p>
      } @else {
        <ng-content />
      }
    } @else if (error(); as e) {
      <div class="error-state" role="alert" data-testid="error-state">
        <p>{{ e.key | t }}@if (e.detail) {: {{ e.detail }}}</p>
        <button type="button" (click)="retry.emit()">{{ 'state.retry' | t }}</button>
      </div>
    } @else {
      <div class="loading" role="status" data-testid="loading-state"><span class="spinner" aria-hidden="true"></span>{{ 'state.loading' | t }}</div>
    }
  `,
  styles: `
    :host { display: contents; }
    .notice { margin: 0 0 0.5rem; padding: 0.35rem 0.6rem; border-radius: 6px; font-size: 0.8rem; }
    .cached { background: color-mix(in srgb, var(--ctp-peach) 18%, transparent); color: var(--ctp-peach); }
    .error { background: color-mix(in srgb, var(--ctp-red) 18%, transparent); color: var(--ctp-red); }
    .empty, .loading { color: var(--muted-color); padding: 1.5rem 0.5rem; text-align: center; }
    .error-state { padding: 1.5rem 0.5rem; text-align: center; color: var(--ctp-red); }
    .spinner { display: inline-block; width: 0.9rem; height: 0.9rem; margin-right: 0.5rem; vertical-align: -2px;
      border: 2px solid var(--ctp-surface1); border-top-color: var(--accent-color); border-radius: 50%; animation: spin 0.8s linear infinite; }
    @keyframes spin { to { transform: rotate(360deg); } }
  `,
})
export class StateView {
  private readonly i18n = inject(I18nService);
  readonly hasData = input(false);
  readonly empty = input(false);
  readonly emptyKey = input('state.empty');
  readonly error = input<UserError | null>(null);
  readonly cachedAt = input<string | null>(null);
  readonly retry = output<void>();
  protected readonly cachedText = computed(() => formatDateTime(this.cachedAt(), this.i18n.locale()));
}
