import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, untracked } from '@angular/core';
import { CacheService } from '../../core/cache/cache.service';
import { CachedResource } from '../../core/data/cached-resource';
import { JobContextStore } from '../../core/data/job-context.store';
import { GraphQLClient } from '../../core/graphql/graphql-client';
import { JobChatDocument, JobLlmCallsDocument, type JobChatQuery } from '../../core/graphql/generated';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { LayoutService } from '../../core/layout/layout.service';
import { PanelIds } from '../../core/layout/panel-ids';
import { SelectionService } from '../../core/state/selection.service';
import { TimeCursorService } from '../../core/state/time-cursor.service';
import { formatTime } from '../../shared/format/format';
import { StateView } from '../../shared/state-view/state-view';
import { CostText } from '../../shared/usage/cost-text';
import { type CostFigures, callFigures, formatTokens, isDemoModel } from '../../shared/usage/usage-format';

type ChatMessage = NonNullable<JobChatQuery['job']>['chat'][number];
/** What a chat message shows of the LLM call it came from. */
interface CallFigures {
  model: string | null;
  tokensIn: number | null;
  tokensOut: number | null;
  cost: CostFigures;
}
/** New LLM calls arrive in bursts; refetch the conversation at most this often. */
const REFRESH_MS = 1_500;

/** The job's LLM calls merged into one conversation, following the timeline scrubber. */
@Component({
  selector: 'app-chat-history',
  imports: [StateView, CostText, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="panel-head"><h2>{{ 'chat.title' | t }}</h2>
      @if (!cursor.live()) { <span class="badge scrubbed">{{ 'scrubber.pinned' | t }}</span> }</header>
    @if (!context.jobId()) {
      <p class="empty">{{ 'details.noSelection' | t }}</p>
    } @else {
      <app-state-view [hasData]="chat.data() !== undefined" [empty]="visible().length === 0" emptyKey="chat.empty" [error]="chat.error()"
                      [cachedAt]="chat.cachedAt()" (retry)="reload()">
        <ol class="messages" data-testid="chat-messages">
          @for (m of visible(); track m.index) {
            <li class="message role-{{ m.role }}">
              <div class="meta"><strong>{{ 'chat.role.' + m.role | t }}</strong> <span class="muted">{{ time(m.at) }}</span>
                @if (m.auditId && m.role === 'assistant') {
                  @if (calls().get(m.auditId); as c) {
                    <span class="call" data-testid="chat-call">@if (isDemoModel(c.model)) { <span class="demo">{{ 'usage.demoModel' | t }}</span>&ngsp; }
                      <span data-testid="chat-call-tokens">{{ tokens(c.tokensIn) }} → {{ tokens(c.tokensOut) }} tok</span> · <app-cost-text data-testid="chat-call-cost" [figures]="c.cost" /></span>
                  }
                }
                @if (m.auditId) { <button type="button" class="link small" data-testid="chat-view-request" (click)="openRequest(m.auditId)">{{ 'audit.viewRequest' | t }}</button> }</div>
              <div class="content">{{ m.content }}</div>
            </li>
          }
        </ol>
      </app-state-view>
    }
  `,
  styles: `
    .messages { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.5rem; }
    .message { border-radius: 8px; padding: 0.4rem 0.6rem; background: var(--ctp-surface0); max-width: 92%; }
    .role-user { align-self: flex-end; background: color-mix(in srgb, var(--ctp-blue) 20%, transparent); }
    .role-system { background: var(--ctp-mantle); font-size: 0.8rem; }
    .role-tool { background: color-mix(in srgb, var(--ctp-sapphire) 14%, transparent); font-family: var(--mono-font); font-size: 0.78rem; }
    .meta { font-size: 0.72rem; display: flex; gap: 0.5rem; align-items: center; }
    .content { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85rem; }
    .call { color: var(--muted-color); font-variant-numeric: tabular-nums; }
    .demo { color: var(--ctp-peach); margin-right: 0.3rem; }
    .scrubbed { background: var(--ctp-peach); color: var(--ctp-base); }
    .empty { color: var(--muted-color); text-align: center; margin-top: 2rem; }
  `,
})
export class ChatHistoryPanel {
  private readonly client = inject(GraphQLClient);
  private readonly i18n = inject(I18nService);
  private readonly layout = inject(LayoutService);
  private readonly selection = inject(SelectionService);
  protected readonly context = inject(JobContextStore);
  protected readonly cursor = inject(TimeCursorService);
  protected readonly chat = new CachedResource<ChatMessage[]>(inject(CacheService));
  protected readonly visible = computed(() => (this.chat.data() ?? []).filter((m) => this.cursor.visible(m.at)));
  /** The job's LLM calls (fetched with the conversation, plus those that arrived live), by audit id. */
  private readonly fetchedCalls = new CachedResource<(CallFigures & { id: string })[]>(null);
  protected readonly calls = computed(() => {
    const byId = new Map<string, CallFigures>();
    const add = (c: { id: string; model?: string | null; tokensIn: number | null; tokensOut: number | null; costUsd?: number | null }) =>
      byId.set(c.id, { model: c.model ?? null, tokensIn: c.tokensIn, tokensOut: c.tokensOut, cost: callFigures(c.costUsd) });
    for (const c of this.fetchedCalls.data() ?? []) byId.set(c.id, c);
    for (const a of this.context.liveAudit()) if (a.stepType === 'llm') add(a);
    return byId;
  });
  protected readonly isDemoModel = isDemoModel;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private llmSeen = 0;

  constructor() {
    effect(() => {
      const id = this.context.jobId();
      untracked(() => (id ? this.reload() : (this.chat.clear(), this.fetchedCalls.clear())));
    });
    effect(() => {
      const llm = this.context.liveAudit().filter((a) => a.stepType === 'llm').length;
      untracked(() => {
        if (llm > this.llmSeen) {
          clearTimeout(this.timer);
          this.timer = setTimeout(() => this.reload(), REFRESH_MS);
        }
        this.llmSeen = llm;
      });
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected reload(): void {
    const id = this.context.jobId();
    if (!id) return;
    void this.chat.load(async () => (await this.client.request(JobChatDocument, { id })).job?.chat ?? [], `chat:${id}`);
    void this.fetchedCalls.load(async () =>
      ((await this.client.request(JobLlmCallsDocument, { id, after: null })).job?.audit.nodes ?? []).map((c) => ({
        id: c.id,
        model: c.model,
        tokensIn: c.tokensIn,
        tokensOut: c.tokensOut,
        cost: callFigures(c.costUsd),
      })),
    );
  }

  protected tokens(value: number | null): string {
    return formatTokens(value, this.i18n.locale());
  }

  protected time(iso: string | null): string {
    return formatTime(iso, this.i18n.locale());
  }

  protected openRequest(auditId: string): void {
    this.selection.requestId.set(auditId);
    this.layout.reveal(PanelIds.requestViewer);
  }
}
