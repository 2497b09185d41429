import { ChangeDetectionStrategy, Component, ElementRef, afterRenderEffect, computed, inject, input, viewChild } from '@angular/core';
import type { PaneNode } from '../core/layout/layout-model';
import { LayoutService } from '../core/layout/layout.service';
import { PANEL_REGISTRY } from '../core/layout/panel-registry';
import { TranslatePipe } from '../core/i18n/translate.pipe';
import { PanelHost } from './panel-host';

/** A pane: its panels as tabs (switch, close, add any registered panel) and the active panel below. */
@Component({
  selector: 'app-pane-view',
  imports: [PanelHost, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tabs" role="tablist" [attr.aria-label]="'layout.pane' | t">
      @for (id of pane().panels; track id) {
        <div class="tab" [class.active]="id === pane().active">
          <button type="button" role="tab" [attr.aria-selected]="id === pane().active" [attr.data-panel-tab]="id"
                  (click)="layout.activate(pane().id, id)">{{ titleKey(id) | t }}</button>
          <button type="button" class="close" [attr.aria-label]="'layout.close' | t: { panel: (titleKey(id) | t) }"
                  (click)="layout.close(pane().id, id)">×</button>
        </div>
      }
      @if (addable().length > 0) {
        <select class="add" [attr.aria-label]="'layout.add' | t" (change)="add($any($event.target))">
          <option value="">+</option>
          @for (p of addable(); track p.id) {
            <option [value]="p.id">{{ p.titleKey | t }}</option>
          }
        </select>
      }
    </div>
    <section #body class="body" role="tabpanel" [attr.data-panel]="pane().active">
      @if (pane().active) {
        <app-panel-host [panelId]="pane().active" />
      } @else {
        <p class="empty">{{ 'layout.emptyPane' | t }}</p>
      }
    </section>
  `,
  styles: `
    :host { display: flex; flex: 1 1 auto; flex-direction: column; height: 100%; min-height: 0; min-width: 0; background: var(--panel-bg);
      border: 1px solid var(--border-color); border-radius: 8px; overflow: hidden; }
    .tabs { display: flex; align-items: stretch; gap: 2px; background: var(--ctp-mantle); border-bottom: 1px solid var(--border-color);
      overflow-x: auto; scrollbar-width: thin; flex: none; }
    .tab { display: flex; align-items: center; border-bottom: 2px solid transparent; }
    .tab.active { border-bottom-color: var(--accent-color); background: var(--panel-bg); }
    .tab button { background: none; border: none; color: var(--muted-color); padding: 0.4rem 0.5rem; white-space: nowrap; cursor: pointer; font-size: 0.8rem; }
    .tab.active button { color: var(--text-color); }
    .tab .close { padding: 0.4rem 0.35rem 0.4rem 0; opacity: 0.5; }
    .tab .close:hover { opacity: 1; color: var(--ctp-red); }
    .add { margin-left: auto; background: none; border: none; color: var(--muted-color); font-size: 0.8rem; padding: 0 0.4rem; width: 2.2rem; }
    .body { flex: 1; min-height: 0; overflow: auto; padding: 0.6rem; }
    .empty { color: var(--muted-color); text-align: center; margin-top: 2rem; }
  `,
})
export class PaneView {
  protected readonly layout = inject(LayoutService);
  private readonly registry = inject(PANEL_REGISTRY);
  readonly pane = input.required<PaneNode>();
  protected readonly addable = computed(() => this.registry.filter((p) => !this.pane().panels.includes(p.id)));

  // The tabs share one scrolling body, and a panel is built anew each time its tab is opened. Without this, a tab
  // opened after the reader scrolled down another (the New job form to its submit button) showed up scrolled by the
  // other's offset, its top out of sight: a tab opens at its top.
  private readonly body = viewChild.required<ElementRef<HTMLElement>>('body');
  private shown: string | null = null;

  constructor() {
    afterRenderEffect({
      write: () => {
        const active = this.pane().active;
        if (active === this.shown) return;
        this.shown = active;
        this.body().nativeElement.scrollTop = 0;
      },
    });
  }

  protected titleKey(id: string): string {
    return this.registry.find((p) => p.id === id)?.titleKey ?? id;
  }

  protected add(select: HTMLSelectElement): void {
    if (select.value) this.layout.add(this.pane().id, select.value);
    select.value = '';
  }
}
