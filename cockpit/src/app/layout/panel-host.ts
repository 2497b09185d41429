import { ChangeDetectionStrategy, Component, Type, effect, inject, input, signal } from '@angular/core';
import { NgComponentOutlet } from '@angular/common';
import { PANEL_REGISTRY } from '../core/layout/panel-registry';
import { TranslatePipe } from '../core/i18n/translate.pipe';

/** Shows one registered panel: loads its component on first use (a chunk of its own) and renders it. */
@Component({
  selector: 'app-panel-host',
  imports: [NgComponentOutlet, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (component(); as c) {
      <ng-container *ngComponentOutlet="c" />
    } @else if (failed()) {
      <p class="failed" role="alert">{{ 'panel.loadFailed' | t }} <button type="button" (click)="load(panelId())">{{ 'state.retry' | t }}</button></p>
    } @else {
      <p class="loading" role="status">{{ 'state.loading' | t }}</p>
    }
  `,
  styles: `
    :host { display: block; height: 100%; }
    .failed, .loading { padding: 1rem; color: var(--muted-color); }
  `,
})
export class PanelHost {
  private readonly registry = inject(PANEL_REGISTRY);
  readonly panelId = input.required<string>();
  protected readonly component = signal<Type<unknown> | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    effect(() => void this.load(this.panelId()));
  }

  async load(id: string): Promise<void> {
    const definition = this.registry.find((p) => p.id === id);
    this.component.set(null);
    this.failed.set(false);
    if (!definition) {
      this.failed.set(true);
      return;
    }
    try {
      const component = await definition.load();
      if (this.panelId() === id) this.component.set(component);
    } catch {
      // a chunk that cannot be fetched (offline after a deploy): offer a retry instead of a broken panel
      if (this.panelId() === id) this.failed.set(true);
    }
  }
}
