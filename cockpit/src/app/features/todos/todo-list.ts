import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Todo } from '../../core/data/job-context.store';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

const MARKS: Record<string, string> = { completed: '☑', done: '☑', in_progress: '◐', 'in-progress': '◐', pending: '☐' };

/** Todos from todos.yaml with their status, and the archive folded away. */
@Component({
  selector: 'app-todo-list',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (todos().length === 0) {
      <p class="muted" data-testid="todos-empty">{{ 'todos.empty' | t }}</p>
    } @else {
      <ul class="todos" data-testid="todos">
        @for (todo of todos(); track todo.id) {
          <li [attr.data-status]="todo.status" [class.done]="isDone(todo.status)"><span class="mark">{{ mark(todo.status) }}</span> {{ todo.content }}</li>
        }
      </ul>
    }
    @if (archived().length > 0) {
      <details [open]="todos().length === 0">
        <summary>{{ 'todos.archived' | t: { count: archived().length } }}</summary>
        <ul class="todos archived" data-testid="todos-archived">
          @for (todo of archived(); track todo.id) {
            <li class="done"><span class="mark">{{ mark(todo.status) }}</span> {{ todo.content }}</li>
          }
        </ul>
      </details>
    }
  `,
  styles: `
    .todos { list-style: none; padding: 0; margin: 0; font-size: 0.85rem; }
    .todos li { padding: 0.15rem 0; }
    .done { color: var(--muted-color); }
    .mark { display: inline-block; width: 1.2rem; }
    [data-status='in_progress'] .mark, [data-status='in-progress'] .mark { color: var(--ctp-yellow); }
    summary { cursor: pointer; font-size: 0.8rem; color: var(--muted-color); }
  `,
})
export class TodoList {
  readonly todos = input<Todo[]>([]);
  readonly archived = input<Todo[]>([]);

  protected mark(status: string): string {
    return MARKS[status] ?? '☐';
  }

  protected isDone(status: string): boolean {
    return status === 'completed' || status === 'done';
  }
}
