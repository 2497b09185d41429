import { Component, effect, inject, input, untracked } from '@angular/core';
import { LayoutService } from './core/layout/layout.service';
import { PanelIds } from './core/layout/panel-ids';
import { isPresetId } from './core/layout/presets';
import { SelectionService } from './core/state/selection.service';

/**
 * The routes render nothing themselves (the layout lives outside the router outlet and must not be rebuilt on
 * navigation); this component turns the URL into state: /jobs/:id selects and shows a job, /agents/:id an agent,
 * ?layout= picks a preset.
 */
@Component({ selector: 'app-route-sync', template: '' })
export class RouteSync {
  private readonly selection = inject(SelectionService);
  private readonly layout = inject(LayoutService);
  /** Route param (component input binding). */
  readonly id = input<string>();
  /** Route data: which kind of id the route carries. */
  readonly kind = input<'job' | 'agent' | 'home'>('home');
  /** Query param. */
  readonly layoutPreset = input<string | undefined>(undefined, { alias: 'layout' });

  constructor() {
    effect(() => {
      const preset = this.layoutPreset();
      // untracked: the services read their own signals; the effect must only follow the URL.
      if (isPresetId(preset)) untracked(() => this.layout.usePreset(preset));
    });
    effect(() => {
      const id = this.id();
      const kind = this.kind();
      untracked(() => this.apply(kind, id));
    });
  }

  private apply(kind: 'job' | 'agent' | 'home', id: string | undefined): void {
    if (kind === 'job' && id) {
      this.selection.selectJob(id);
      this.layout.reveal(PanelIds.jobDetails);
    } else if (kind === 'agent' && id) {
      this.selection.agentId.set(id);
      this.layout.reveal(PanelIds.agentList);
    }
  }
}
