import { InjectionToken, Provider, Type } from '@angular/core';
import type { PanelId } from './panel-ids';

/** One entry of the component registry: layouts place panels by id; the component is loaded on first show. */
export interface PanelDefinition {
  id: PanelId;
  /** Translation key of the tab title. */
  titleKey: string;
  /** Dynamic import, so every panel is a chunk of its own and the first screen loads only what it shows. */
  load: () => Promise<Type<unknown>>;
}

export const PANEL_REGISTRY = new InjectionToken<readonly PanelDefinition[]>('PANEL_REGISTRY');

export function providePanels(definitions: readonly PanelDefinition[]): Provider {
  return { provide: PANEL_REGISTRY, useValue: definitions };
}
