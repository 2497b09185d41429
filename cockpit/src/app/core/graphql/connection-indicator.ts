import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslatePipe } from '../i18n/translate.pipe';
import { GraphQLClient } from './graphql-client';

/** A dot and a word: live, reconnecting or offline (then the panels show cached data, marked as such). */
@Component({
  selector: 'app-connection-indicator',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="indicator state-{{ client.state() }}" role="status" aria-live="polite" data-testid="connection" [attr.data-state]="client.state()"
          [title]="'connection.' + client.state() + '.hint' | t">
      <span class="dot" aria-hidden="true"></span>{{ 'connection.' + client.state() | t }}
    </span>
  `,
  styles: `
    .indicator { display: inline-flex; align-items: center; gap: 0.35rem; font-size: 0.78rem; padding: 0.15rem 0.55rem; border-radius: 1rem;
      border: 1px solid var(--border-color); }
    .dot { width: 0.55rem; height: 0.55rem; border-radius: 50%; background: var(--ctp-overlay0); }
    .state-online .dot { background: var(--ctp-green); box-shadow: 0 0 6px var(--ctp-green); }
    .state-connecting .dot, .state-reconnecting .dot { background: var(--ctp-yellow); animation: pulse 1.2s ease-in-out infinite; }
    .state-offline { color: var(--ctp-red); border-color: var(--ctp-red); }
    .state-offline .dot { background: var(--ctp-red); }
    @keyframes pulse { 50% { opacity: 0.3; } }
  `,
})
export class ConnectionIndicator {
  protected readonly client = inject(GraphQLClient);
}
