import { TestBed } from '@angular/core/testing';
import { findPanel, panes } from './layout-model';
import { LayoutService } from './layout.service';
import { providePanels } from './panel-registry';
import { PANELS } from '../../panels';
import { PRESETS } from './presets';

describe('LayoutService', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [providePanels(PANELS)] });
  });

  it('starts with the Default preset: jobs left, details and debugging right', () => {
    const layout = TestBed.inject(LayoutService);
    expect(layout.preset()).toBe('default');
    expect(findPanel(layout.tree(), 'job-list')?.id).toBe('left');
    expect(findPanel(layout.tree(), 'job-details')?.id).toBe('top');
    expect(findPanel(layout.tree(), 'agent-activity')?.id).toBe('bottom');
  });

  it('presets place only registered panels, each once; Default and Debug-focused place all of them', () => {
    const ids: string[] = PANELS.map((p) => p.id).sort();
    for (const [name, preset] of Object.entries(PRESETS)) {
      const placed = panes(preset()).flatMap((p) => p.panels);
      expect(new Set(placed).size, name).toBe(placed.length);
      expect(placed.every((id) => ids.includes(id)), name).toBe(true);
    }
    expect(panes(PRESETS.default()).flatMap((p) => p.panels).sort()).toEqual(ids);
    expect(panes(PRESETS.debug()).flatMap((p) => p.panels).sort()).toEqual(ids);
  });

  it('keeps the user’s changes per preset across reloads', () => {
    const first = TestBed.inject(LayoutService);
    first.resize([], 0, 10);
    first.usePreset('debug');
    first.close('right', 'graph-timeline');
    first.usePreset('default');

    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [providePanels(PANELS)] });
    const reloaded = TestBed.inject(LayoutService);
    expect(reloaded.preset()).toBe('default');
    expect(reloaded.tree().kind === 'split' && reloaded.tree()).toMatchObject({ sizes: [52, 48] });
    expect(reloaded.customised()).toBe(true);
    reloaded.usePreset('debug');
    expect(findPanel(reloaded.tree(), 'graph-timeline')).toBeUndefined();
    reloaded.reset();
    expect(findPanel(reloaded.tree(), 'graph-timeline')).toBeDefined();
  });

  it('falls back to the preset when storage holds garbage', () => {
    localStorage.setItem('cockpit.layout.default', '{not json');
    expect(TestBed.inject(LayoutService).customised()).toBe(false);
  });
});
