import { Injectable, computed, inject, signal } from '@angular/core';
import { type LayoutNode, type SplitPath, addPanel, parseLayout, removePanel, resize, reveal, setActive } from './layout-model';
import { PANEL_REGISTRY } from './panel-registry';
import { type PresetId, PRESETS, isPresetId } from './presets';

const PRESET_KEY = 'cockpit.layout.preset';
const layoutKey = (preset: PresetId) => `cockpit.layout.${preset}`;

/**
 * The layout on screen: a preset, adjusted by the user (sizes, tabs, panels added or closed). Each preset keeps its
 * own adjustments in localStorage, so switching presets and back restores what the user made of each.
 */
@Injectable({ providedIn: 'root' })
export class LayoutService {
  private readonly known = new Set<string>(inject(PANEL_REGISTRY).map((p) => p.id));
  private readonly presetState = signal<PresetId>(readPreset());
  private readonly treeState = signal<LayoutNode>(this.read(this.presetState()));

  readonly preset = this.presetState.asReadonly();
  readonly tree = this.treeState.asReadonly();
  readonly customised = computed(() => JSON.stringify(this.tree()) !== JSON.stringify(PRESETS[this.preset()]()));

  usePreset(preset: PresetId): void {
    if (preset === this.presetState()) return;
    this.presetState.set(preset);
    this.treeState.set(this.read(preset));
    write(PRESET_KEY, preset);
  }

  /** Back to the preset as shipped. */
  reset(): void {
    this.change(PRESETS[this.presetState()]());
  }

  resize(path: SplitPath, index: number, deltaPercent: number): void {
    this.change(resize(this.treeState(), path, index, deltaPercent));
  }

  activate(paneId: string, panelId: string): void {
    this.change(setActive(this.treeState(), paneId, panelId));
  }

  add(paneId: string, panelId: string): void {
    this.change(addPanel(this.treeState(), paneId, panelId));
  }

  close(paneId: string, panelId: string): void {
    this.change(removePanel(this.treeState(), paneId, panelId));
  }

  /** Brings a panel into view (deep links, shortcuts, "open job"). */
  reveal(panelId: string, fallbackPaneId?: string): void {
    this.change(reveal(this.treeState(), panelId, fallbackPaneId));
  }

  private change(tree: LayoutNode): void {
    if (tree === this.treeState()) return;
    this.treeState.set(tree);
    write(layoutKey(this.presetState()), JSON.stringify(tree));
  }

  private read(preset: PresetId): LayoutNode {
    try {
      const stored = localStorage.getItem(layoutKey(preset));
      if (stored) return parseLayout(JSON.parse(stored), this.known) ?? PRESETS[preset]();
    } catch {
      // unreadable storage or JSON: the preset as shipped
    }
    return PRESETS[preset]();
  }
}

function readPreset(): PresetId {
  try {
    const stored = localStorage.getItem(PRESET_KEY);
    return isPresetId(stored) ? stored : 'default';
  } catch {
    return 'default';
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage full or unavailable: the layout lasts for this page only
  }
}
