import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { CacheService } from '../../core/cache/cache.service';
import { CachedResource } from '../../core/data/cached-resource';
import { JobContextStore } from '../../core/data/job-context.store';
import { GraphQLClient } from '../../core/graphql/graphql-client';
import { LlmRequestDocument, type LlmRequestQuery } from '../../core/graphql/generated';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { SelectionService } from '../../core/state/selection.service';
import { formatDateTime, formatTime, prettyJson } from '../../shared/format/format';
import { StateView } from '../../shared/state-view/state-view';
import { CostText } from '../../shared/usage/cost-text';
import { callFigures, isDemoModel } from '../../shared/usage/usage-format';

type LlmRequest = NonNullable<LlmRequestQuery['llmRequest']>;

/** The messages of an OpenAI-style request body, when it has them, for a readable view above the raw JSON. */
export function requestMessages(request: unknown): { role: string; content: string }[] {
  const messages = (request as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) return [];
  return messages.map((m) => {
    const message = (m ?? {}) as { role?: unknown; content?: unknown };
    const content = typeof message.content === 'string' ? message.content : prettyJson(message.content);
    return { role: typeof message.role === 'string' ? message.role : '?', content };
  });
}

/** One LLM call in full: model, timing, tokens, the request sent and the response received. */
@Component({
  selector: 'app-request-viewer',
  imports: [StateView, CostText, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="panel-head"><h2>{{ 'request.title' | t }}</h2></header>
    @if (!context.jobId()) {
      <p class="empty">{{ 'details.noSelection' | t }}</p>
    } @else {
      <div class="pick">
        <label>{{ 'request.pick' | t }}
          <select data-testid="request-pick" [value]="selection.requestId() ?? ''" (change)="selection.requestId.set($any($event.target).value || null)">
            <option value="">—</option>
            @for (a of llmCalls(); track a.id) { <option [value]="a.id">{{ time(a.at) }} {{ a.name ?? a.summary ?? a.id }}</option> }
          </select>
        </label>
      </div>
      @if (!selection.requestId()) {
        <p class="empty" data-testid="request-empty">{{ 'request.none' | t }}</p>
      } @else {
        <app-state-view [hasData]="request.data() !== undefined" [empty]="request.data() === null" emptyKey="errors.notFound" [error]="request.error()" (retry)="load()">
          @if (request.data(); as r) {
            <dl class="meta">
              <dt>{{ 'request.model' | t }}</dt><dd data-testid="request-model">{{ r.model ?? '—' }}@if (isDemoModel(r.model)) { <span class="demo" data-testid="demo-model">{{ 'usage.demoModel' | t }}</span> }</dd>
              <dt>{{ 'request.at' | t }}</dt><dd>{{ when(r.at) }}</dd>
              <dt>{{ 'request.duration' | t }}</dt><dd>{{ r.durationMs ?? '—' }} ms</dd>
              <dt>{{ 'request.tokens' | t }}</dt><dd data-testid="request-tokens">{{ r.tokensIn ?? 0 }} → {{ r.tokensOut ?? 0 }}</dd>
              <dt>{{ 'request.cost' | t }}</dt><dd data-testid="request-cost"><app-cost-text [figures]="callFigures(r.costUsd)" /></dd>
            </dl>
            @if (messages().length > 0) {
              <h3>{{ 'request.messages' | t }}</h3>
              @for (m of messages(); track $index) { <div class="msg"><strong>{{ m.role }}</strong><pre>{{ m.content }}</pre></div> }
            }
            <h3>{{ 'request.request' | t }}</h3>
            <pre data-testid="request-json">{{ json(r.request) }}</pre>
            <h3>{{ 'request.response' | t }}</h3>
            <pre data-testid="response-json">{{ json(r.response) }}</pre>
          }
        </app-state-view>
      }
    }
  `,
  styles: `
    .pick { margin-bottom: 0.5rem; font-size: 0.8rem; }
    .pick select { max-width: 100%; }
    .meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; font-size: 0.82rem; margin: 0; }
    .meta dt { color: var(--muted-color); }
    .meta dd { margin: 0; }
    h3 { font-size: 0.8rem; color: var(--muted-color); margin: 0.7rem 0 0.3rem; text-transform: uppercase; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.78rem; background: var(--ctp-mantle); padding: 0.5rem; border-radius: 6px; margin: 0; }
    .msg { margin-bottom: 0.4rem; font-size: 0.8rem; }
    .empty { color: var(--muted-color); text-align: center; margin-top: 2rem; }
    .demo { margin-left: 0.4rem; font-size: 0.72rem; color: var(--ctp-peach); }
  `,
})
export class RequestViewerPanel {
  protected readonly callFigures = callFigures;
  protected readonly isDemoModel = isDemoModel;
  private readonly client = inject(GraphQLClient);
  private readonly i18n = inject(I18nService);
  protected readonly selection = inject(SelectionService);
  protected readonly context = inject(JobContextStore);
  protected readonly request = new CachedResource<LlmRequest | null>(inject(CacheService));
  protected readonly messages = computed(() => requestMessages(this.request.data()?.request));
  protected readonly llmCalls = computed(() => this.context.liveAudit().filter((a) => a.stepType === 'llm'));

  constructor() {
    effect(() => {
      const id = this.selection.requestId();
      untracked(() => (id ? this.load() : this.request.clear()));
    });
  }

  load(): void {
    const id = this.selection.requestId();
    if (id) void this.request.load(async () => (await this.client.request(LlmRequestDocument, { id })).llmRequest, `request:${id}`);
  }

  protected json(value: unknown): string {
    return value === null || value === undefined ? '—' : prettyJson(value);
  }

  protected when(iso: string): string {
    return formatDateTime(iso, this.i18n.locale());
  }

  protected time(iso: string): string {
    return formatTime(iso, this.i18n.locale());
  }
}
