import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input } from '@angular/core';
import type { LayoutNode, SplitPath } from '../core/layout/layout-model';
import { LayoutService } from '../core/layout/layout.service';
import { TranslatePipe } from '../core/i18n/translate.pipe';
import { PaneView } from './pane-view';

/** Keyboard step of a gutter, in percent. */
const KEY_STEP = 2;

/**
 * One node of the layout tree: a pane, or a split whose children sit side by side (row) or stacked (column) with a
 * draggable gutter between each pair. Dragging changes the sizes in the LayoutService, which persists them.
 */
@Component({
  selector: 'app-split-view',
  imports: [PaneView, SplitView, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.row]': "direction() === 'row'", '[class.column]': "direction() === 'column'" },
  template: `
    @let n = node();
    @if (n.kind === 'pane') {
      <app-pane-view [pane]="n" />
    } @else {
      @for (child of n.children; track $index; let i = $index; let last = $last) {
        <div class="cell" [style.flex-grow]="n.sizes[i]" [style.flex-basis.px]="0">
          <app-split-view [node]="child" [path]="childPath(i)" />
        </div>
        @if (!last) {
          <div class="gutter" role="separator" tabindex="0" [attr.aria-orientation]="n.direction === 'row' ? 'vertical' : 'horizontal'"
               [attr.aria-valuenow]="n.sizes[i]" aria-valuemin="0" aria-valuemax="100" [attr.aria-label]="'layout.resize' | t"
               [attr.data-gutter]="path().join('.') + ':' + i"
               (pointerdown)="startDrag($event, i)" (keydown)="keyResize($event, i)"></div>
        }
      }
    }
  `,
  styles: `
    :host { display: flex; width: 100%; height: 100%; min-width: 0; min-height: 0; }
    :host(.row) { flex-direction: row; }
    :host(.column) { flex-direction: column; }
    .cell { display: flex; min-width: 0; min-height: 0; flex-shrink: 1; }
    .gutter { flex: 0 0 6px; background: transparent; position: relative; touch-action: none; }
    :host(.row) > .gutter { cursor: col-resize; }
    :host(.column) > .gutter { cursor: row-resize; }
    .gutter::after { content: ''; position: absolute; inset: 1px; border-radius: 3px; background: var(--border-color); opacity: 0; transition: opacity 0.15s; }
    .gutter:hover::after, .gutter:focus-visible::after { opacity: 1; background: var(--accent-color); }
  `,
})
export class SplitView {
  private readonly layout = inject(LayoutService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly node = input.required<LayoutNode>();
  readonly path = input<SplitPath>([]);
  protected readonly direction = computed(() => {
    const n = this.node();
    return n.kind === 'split' ? n.direction : null;
  });

  protected childPath(index: number): SplitPath {
    return [...this.path(), index];
  }

  protected startDrag(event: PointerEvent, index: number): void {
    const node = this.node();
    if (node.kind !== 'split') return;
    event.preventDefault();
    const gutter = event.target as HTMLElement;
    gutter.setPointerCapture?.(event.pointerId);
    const rect = this.host.nativeElement.getBoundingClientRect();
    const length = node.direction === 'row' ? rect.width : rect.height;
    if (length <= 0) return;
    let last = node.direction === 'row' ? event.clientX : event.clientY;
    const move = (e: PointerEvent) => {
      const now = node.direction === 'row' ? e.clientX : e.clientY;
      const delta = ((now - last) / length) * 100;
      if (Math.abs(delta) < 0.05) return;
      last = now;
      this.layout.resize(this.path(), index, delta);
    };
    const up = () => {
      gutter.removeEventListener('pointermove', move);
      gutter.removeEventListener('pointerup', up);
      gutter.removeEventListener('pointercancel', up);
    };
    gutter.addEventListener('pointermove', move);
    gutter.addEventListener('pointerup', up);
    gutter.addEventListener('pointercancel', up);
  }

  protected keyResize(event: KeyboardEvent, index: number): void {
    const forward = event.key === 'ArrowRight' || event.key === 'ArrowDown';
    const backward = event.key === 'ArrowLeft' || event.key === 'ArrowUp';
    if (!forward && !backward) return;
    event.preventDefault();
    event.stopPropagation();
    this.layout.resize(this.path(), index, forward ? KEY_STEP : -KEY_STEP);
  }
}
