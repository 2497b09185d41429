import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { JobContextStore } from '../../core/data/job-context.store';
import { toUserError, type UserError } from '../../core/errors/user-error';
import { GraphQLClient } from '../../core/graphql/graphql-client';
import { WorkspaceFileDocument, type WorkspaceFileQuery } from '../../core/graphql/generated';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { formatBytes } from '../../shared/format/format';
import { Icon } from '../../shared/icon/icon';
import { Markdown } from '../../shared/markdown/markdown';
import { StateView } from '../../shared/state-view/state-view';
import { TodoList } from '../todos/todo-list';

type FileContent = NonNullable<NonNullable<WorkspaceFileQuery['job']>['workspace']['file']>;

/** The job's workspace: todos (with the archive), plan.md and workspace.md as Markdown, the files, the zip download. */
@Component({
  selector: 'app-workspace-view',
  imports: [StateView, Markdown, TodoList, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let ws = context.workspace;
    <app-state-view [hasData]="ws.data() !== undefined" [empty]="ws.data() === null" emptyKey="workspace.none" [error]="ws.error()"
                    [cachedAt]="ws.cachedAt()" (retry)="context.reload()">
      @if (ws.data(); as w) {
        <div class="zip"><a class="button small" [href]="w.zipUrl" download data-testid="zip-link"><app-icon name="download" /> {{ 'workspace.zip' | t }}</a></div>
        <h4>{{ 'workspace.todos' | t }}</h4>
        <app-todo-list [todos]="w.todos" [archived]="w.archivedTodos" />
        <details open>
          <summary>plan.md</summary>
          @if (w.plan) {
            @defer (on viewport) { <app-markdown [text]="w.plan" /> } @placeholder { <pre>{{ w.plan }}</pre> }
          } @else { <p class="muted">{{ 'workspace.noFile' | t }}</p> }
        </details>
        <details>
          <summary>workspace.md</summary>
          @if (w.workspaceMd) {
            @defer (on viewport) { <app-markdown [text]="w.workspaceMd" /> } @placeholder { <pre>{{ w.workspaceMd }}</pre> }
          } @else { <p class="muted">{{ 'workspace.noFile' | t }}</p> }
        </details>
        <details>
          <summary>{{ 'workspace.files' | t: { count: w.files.length } }}</summary>
          <ul class="files">
            @for (f of w.files; track f.path) {
              <li><button type="button" class="link mono" (click)="open(f.path)">{{ f.path }}</button> <span class="muted">{{ formatBytes(f.size) }}</span></li>
            }
          </ul>
          @if (fileError(); as e) { <p class="error">{{ e.key | t }}</p> }
          @if (file(); as f) {
            <div class="file">
              <div class="file-head"><strong class="mono">{{ f.path }}</strong> <button type="button" class="link" (click)="file.set(null)">×</button></div>
              @if (f.binary) { <p class="muted">{{ 'workspace.binary' | t }}</p> }
              @else { <pre>{{ f.content }}</pre> @if (f.truncated) { <p class="muted">{{ 'workspace.truncated' | t }}</p> } }
            </div>
          }
        </details>
      }
    </app-state-view>
  `,
  styles: `
    h4 { margin: 0.6rem 0 0.3rem; font-size: 0.85rem; }
    .zip { display: flex; justify-content: flex-end; }
    details { margin-top: 0.5rem; }
    summary { cursor: pointer; font-weight: 600; font-size: 0.85rem; }
    pre { white-space: pre-wrap; font-size: 0.8rem; background: var(--ctp-mantle); padding: 0.5rem; border-radius: 6px; max-height: 24rem; overflow: auto; }
    .files { list-style: none; padding: 0; margin: 0.3rem 0; font-size: 0.8rem; }
    .file-head { display: flex; justify-content: space-between; }
    .error { color: var(--ctp-red); }
  `,
})
export class WorkspaceView {
  private readonly client = inject(GraphQLClient);
  protected readonly context = inject(JobContextStore);
  readonly jobId = input.required<string>();
  protected readonly file = signal<FileContent | null>(null);
  protected readonly fileError = signal<UserError | null>(null);
  protected readonly formatBytes = formatBytes;

  protected async open(path: string): Promise<void> {
    this.fileError.set(null);
    try {
      const { job } = await this.client.request(WorkspaceFileDocument, { id: this.jobId(), path });
      this.file.set(job?.workspace.file ?? null);
      if (!job?.workspace.file) this.fileError.set({ key: 'errors.notFound' });
    } catch (error) {
      this.fileError.set(toUserError(error));
    }
  }
}
