import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { DocumentsService, MAX_DOCUMENTS } from '../../core/data/documents.service';
import { checkBudgetInput } from '../../shared/usage/budget-input';
import { JobsStore } from '../../core/data/jobs.store';
import { type UserError, toUserError } from '../../core/errors/user-error';
import { GraphQLClient } from '../../core/graphql/graphql-client';
import { ConfigsDocument, CreateJobDocument, type ConfigsQuery } from '../../core/graphql/generated';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { LayoutService } from '../../core/layout/layout.service';
import { PanelIds } from '../../core/layout/panel-ids';
import { formatBytes } from '../../shared/format/format';
import { checkJson } from '../../shared/json-editor/json-check';
import { JsonEditor } from '../../shared/json-editor/json-editor';
import { COPIES_RANGE, checkCopies } from './copies';
import {
  type DispatchField,
  type DispatchForm,
  EMPTY_DISPATCH_FORM,
  MAX_ATTEMPTS_RANGE,
  MAX_RETRY_BACKOFF_SECONDS,
  MAX_TIMEOUT_SECONDS,
  PRIORITY_RANGE,
  checkDispatch,
  dispatchInput,
  serverDispatchErrors,
} from './dispatch-options';

type Config = ConfigsQuery['configs'][number];

/**
 * New job: prompt, agent config (from the server's configs), instructions, context as JSON (checked while typing),
 * up to ten documents (dropped or picked, uploaded as one set when the job is created) and how it is dispatched
 * (queued automatically by default, with priority, selector, attempts, timeout and concurrency key), as one job or as
 * several alike (copies). On success the new job (the last copy) opens in the details panel, and queued copies show
 * in the Queues panel; the dispatch settings stay for the next job.
 */
@Component({
  selector: 'app-job-create',
  imports: [TranslatePipe, JsonEditor, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './job-create.panel.html',
  styleUrl: './job-create.panel.css',
})
export class JobCreatePanel {
  private readonly client = inject(GraphQLClient);
  protected readonly auth = inject(AuthService);
  private readonly documents = inject(DocumentsService);
  private readonly jobs = inject(JobsStore);
  private readonly router = inject(Router);
  private readonly layout = inject(LayoutService);
  protected readonly maxFiles = MAX_DOCUMENTS;
  protected readonly formatBytes = formatBytes;

  protected readonly prompt = signal('');
  protected readonly configName = signal('');
  protected readonly instructions = signal('');
  protected readonly context = signal('');
  protected readonly files = signal<File[]>([]);
  protected readonly configs = signal<Config[] | null>(null);
  protected readonly configsError = signal<UserError | null>(null);
  protected readonly submitting = signal(false);
  protected readonly submitted = signal(false);
  protected readonly error = signal<UserError | null>(null);
  protected readonly dragging = signal(false);
  protected readonly budgetCost = signal('');
  protected readonly budgetTokens = signal('');
  /** The budget fields as the server checks them; both empty is no budget of the job's own. */
  protected readonly budgetCheck = computed(() => checkBudgetInput(this.budgetCost(), this.budgetTokens(), true));
  protected readonly dispatch = signal<DispatchForm>({ ...EMPTY_DISPATCH_FORM });
  /** The server's refusal of a dispatch field, in its words, until that field changes. */
  protected readonly serverErrors = signal<Partial<Record<DispatchField, string>>>({});
  protected readonly ranges = { priority: PRIORITY_RANGE, attempts: MAX_ATTEMPTS_RANGE, backoff: MAX_RETRY_BACKOFF_SECONDS, timeout: MAX_TIMEOUT_SECONDS };
  protected readonly copiesRange = COPIES_RANGE;
  protected readonly copies = signal('1');
  protected readonly copiesCount = computed(() => checkCopies(this.copies()));
  /** Copies created so far by the submit under way, or by the one that stopped at an error. */
  protected readonly created = signal<{ done: number; total: number } | null>(null);

  protected readonly promptInvalid = computed(() => this.prompt().trim() === '');
  protected readonly contextCheck = computed(() => checkJson(this.context(), true));
  protected readonly tooManyFiles = computed(() => this.files().length > MAX_DOCUMENTS);
  protected readonly dispatchCheck = computed(() => checkDispatch(this.dispatch()));
  protected readonly valid = computed(() => !this.promptInvalid() && this.contextCheck().valid && !this.tooManyFiles() && this.dispatchCheck().valid && this.budgetCheck().ok && this.copiesCount() !== null);

  /** What is wrong with a dispatch field: the form's own check (an i18n key) or the server's words. */
  protected fieldError(field: DispatchField): { key?: string; text?: string } | null {
    const check = this.dispatchCheck();
    if (!check.valid && check.errors[field]) return { key: check.errors[field] };
    const server = this.serverErrors()[field];
    return server ? { text: server } : null;
  }

  protected setDispatch<K extends keyof DispatchForm>(field: K, value: DispatchForm[K]): void {
    this.dispatch.update((form) => ({ ...form, [field]: value }));
    if (field !== 'auto') this.serverErrors.update(({ [field as DispatchField]: _, ...rest }) => rest);
  }

  constructor() {
    void this.loadConfigs();
  }

  async loadConfigs(): Promise<void> {
    this.configsError.set(null);
    try {
      this.configs.set((await this.client.request(ConfigsDocument, {})).configs);
    } catch (error) {
      this.configsError.set(toUserError(error));
    }
  }

  protected addFiles(list: FileList | null | undefined): void {
    if (!list) return;
    const known = new Set(this.files().map((f) => f.name));
    this.files.update((files) => [...files, ...Array.from(list).filter((f) => !known.has(f.name))]);
  }

  protected removeFile(file: File): void {
    this.files.update((files) => files.filter((f) => f !== file));
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.addFiles(event.dataTransfer?.files);
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  async submit(): Promise<void> {
    this.submitted.set(true);
    if (!this.valid() || this.submitting()) return;
    this.submitting.set(true);
    this.error.set(null);
    this.serverErrors.set({});
    const dispatch = this.dispatchCheck();
    const total = this.copiesCount() ?? 1;
    this.created.set(total > 1 ? { done: 0, total } : null);
    try {
      const context = this.contextCheck();
      const budget = this.budgetCheck();
      let last: { id: string } | null = null;
      for (let copy = 0; copy < total; copy++) {
        // Each copy gets its own document set: a set belongs to the job it was created with.
        const documentSetId = this.files().length > 0 ? (await this.documents.upload(this.files())).documentSetId : null;
        const { createJob } = await this.client.request(CreateJobDocument, {
          input: {
            prompt: this.prompt().trim(),
            configName: this.configName() || null,
            instructions: this.instructions().trim() || null,
            context: context.valid && context.value !== undefined ? context.value : null,
            documentSetId,
            ...(budget.ok && budget.budget ? { budget: budget.budget } : {}),
            ...(dispatch.valid ? dispatchInput(dispatch.options) : {}),
          },
        });
        this.jobs.upsert(createJob);
        last = createJob;
        if (total > 1) this.created.set({ done: copy + 1, total });
      }
      this.reset();
      this.created.set(null);
      if (total > 1 && dispatch.valid && dispatch.options.auto) this.layout.reveal(PanelIds.queues);
      this.layout.reveal(PanelIds.jobDetails);
      await this.router.navigate(['/jobs', last!.id], { queryParamsHandling: 'preserve' });
    } catch (error) {
      // What was created stays created (and, queued, runs); the form says how far it got.
      if (this.created()?.done === 0) this.created.set(null);
      const fields = serverDispatchErrors(error);
      this.serverErrors.set(fields);
      if (Object.keys(fields).length === 0) this.error.set(toUserError(error));
    } finally {
      this.submitting.set(false);
    }
  }

  private reset(): void {
    this.prompt.set('');
    this.instructions.set('');
    this.context.set('');
    this.files.set([]);
    this.budgetCost.set('');
    this.budgetTokens.set('');
    this.copies.set('1');
    this.submitted.set(false);
  }
}
