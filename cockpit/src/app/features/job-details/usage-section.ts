import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { AuthService } from '../../core/auth/auth.service';
import { JobCommandsService } from '../../core/data/job-commands.service';
import { JobContextStore, type JobDetail } from '../../core/data/job-context.store';
import type { UserError } from '../../core/errors/user-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { TimeCursorService } from '../../core/state/time-cursor.service';
import { CostText } from '../../shared/usage/cost-text';
import { UsageBadges } from '../../shared/usage/usage-badges';
import { formatTokens, formatUsd, isDemoModel } from '../../shared/usage/usage-format';
import { checkBudgetInput } from '../../shared/usage/budget-input';
import { budgetBars, budgetStop } from './budget-view';
import { CostChart } from './cost-chart';
import { JobUsageStore } from './job-usage.store';

/**
 * A job's LLM usage: tokens, cost (unpriced calls never read as $0), bars against its budget, per model, the cost
 * over its time following the scrubber; the warning and looping badges; for a job its budget stopped, why and what it
 * cost, and (operators) raising the budget and resuming it.
 */
@Component({
  selector: 'app-usage-section',
  imports: [TranslatePipe, CostText, UsageBadges, CostChart],
  providers: [JobUsageStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './usage-section.html',
  styleUrl: './usage-section.css',
})
export class UsageSection {
  readonly job = input.required<JobDetail>();
  protected readonly store = inject(JobUsageStore);
  protected readonly cursor = inject(TimeCursorService);
  protected readonly context = inject(JobContextStore);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  protected readonly commands = inject(JobCommandsService);
  protected readonly formatUsd = formatUsd;
  protected readonly isDemoModel = isDemoModel;
  protected readonly costInput = signal('');
  protected readonly tokensInput = signal('');
  protected readonly formError = signal<{ field: string; key: string } | null>(null);
  protected readonly error = signal<UserError | null>(null);

  protected readonly usage = computed(() => this.store.usage.data() ?? null);
  /** Totals: the full query when it arrived, else the job's own (the list's fragment, live through jobChanged). */
  protected readonly total = computed(() => this.usage()?.total ?? this.job().usage.total);
  protected readonly budget = computed(() => this.job().budget ?? null);
  protected readonly bars = computed(() => {
    const total = this.total();
    return budgetBars(this.budget(), this.usage()?.shareUsed ?? null, { costUsd: total.costUsd, tokens: total.tokens }, this.i18n.locale());
  });
  protected readonly stop = computed(() => budgetStop(this.job().errorDetails));
  protected readonly canEdit = computed(() => this.auth.canOperate() && ['created', 'pending', 'processing', 'cancelled', 'failed'].includes(this.job().status));
  /** A job its budget stopped is resumed right after the raise. */
  protected readonly resumes = computed(() => this.stop() !== null && this.job().status === 'cancelled');
  protected readonly range = computed(() => this.context.timeRange());

  constructor() {
    // The form starts from the job's budget (and again when another job is shown).
    effect(() => {
      const id = this.job().id;
      untracked(() => {
        const budget = this.budget();
        this.costInput.set(budget?.maxCostUsd != null ? String(budget.maxCostUsd) : '');
        this.tokensInput.set(budget?.maxTokens != null ? String(budget.maxTokens) : '');
        this.formError.set(null);
        this.error.set(null);
        void id;
      });
    });
  }

  protected tokens(value: number | null | undefined): string {
    return formatTokens(value, this.i18n.locale());
  }

  protected async saveBudget(): Promise<void> {
    const check = checkBudgetInput(this.costInput(), this.tokensInput());
    if (!check.ok) {
      this.formError.set({ field: check.field, key: check.key });
      return;
    }
    this.formError.set(null);
    if (!check.budget) return;
    const jobId = this.job().id;
    const resume = this.resumes();
    const saved = await this.commands.setBudget(jobId, check.budget);
    if (!saved.ok) {
      this.error.set(saved.error);
      return;
    }
    const resumed = resume ? await this.commands.resume(jobId) : saved;
    this.error.set(resumed.ok ? null : resumed.error);
  }
}
