import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { JobContextStore, snapshotAt } from '../../core/data/job-context.store';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { TimeCursorService } from '../../core/state/time-cursor.service';
import { formatTime } from '../../shared/format/format';
import { StateView } from '../../shared/state-view/state-view';
import { TodoList } from './todo-list';

/**
 * The job's todos, live. With the scrubber pinned, the todos as this cockpit saw them at that moment (todos.yaml has
 * no history of its own, so snapshots are what the cockpit observed and kept).
 */
@Component({
  selector: 'app-todos',
  imports: [StateView, TodoList, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="panel-head"><h2>{{ 'todos.title' | t }}</h2>
      @if (!cursor.live()) { <span class="badge scrubbed">{{ 'scrubber.pinned' | t }}</span> }</header>
    @if (!context.jobId()) {
      <p class="empty">{{ 'details.noSelection' | t }}</p>
    } @else if (cursor.live()) {
      <app-state-view [hasData]="context.workspace.data() !== undefined" [empty]="context.workspace.data() === null" emptyKey="workspace.none"
                      [error]="context.workspace.error()" [cachedAt]="context.workspace.cachedAt()" (retry)="context.reload()">
        <app-todo-list [todos]="context.workspace.data()?.todos ?? []" [archived]="context.workspace.data()?.archivedTodos ?? []" />
      </app-state-view>
    } @else {
      @if (snapshot(); as s) {
        <p class="muted small" data-testid="todo-snapshot">{{ 'todos.snapshot' | t: { at: time(s.at) } }}</p>
        <app-todo-list [todos]="s.todos" [archived]="s.archived" />
      } @else {
        <p class="empty">{{ 'todos.noSnapshot' | t }}</p>
      }
    }
  `,
  styles: `
    .scrubbed { background: var(--ctp-peach); color: var(--ctp-base); }
    .small { font-size: 0.75rem; }
    .empty { color: var(--muted-color); text-align: center; margin-top: 2rem; }
  `,
})
export class TodosPanel {
  private readonly i18n = inject(I18nService);
  protected readonly context = inject(JobContextStore);
  protected readonly cursor = inject(TimeCursorService);
  protected readonly snapshot = computed(() => snapshotAt(this.context.todoSnapshots(), this.cursor.atMs()));

  protected time(iso: string): string {
    return formatTime(iso, this.i18n.locale());
  }
}
