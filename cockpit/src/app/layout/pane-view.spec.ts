import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { pane } from '../core/layout/layout-model';
import type { PanelId } from '../core/layout/panel-ids';
import { providePanels } from '../core/layout/panel-registry';
import { PaneView } from './pane-view';

// jsdom has no layout: scrollTop keeps whatever is set, so the panels need no height of their own.
@Component({ selector: 'app-some-panel', template: '<p>a panel</p>' })
class SomePanel {}

const registry = (['job-create', 'queues'] as PanelId[]).map((id) => ({ id, titleKey: id, load: async () => SomePanel }));

describe('PaneView', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [providePanels(registry)] });
  });

  async function render(active: PanelId) {
    const fixture = TestBed.createComponent(PaneView);
    fixture.componentRef.setInput('pane', pane('left', ['job-create', 'queues'], active));
    await fixture.whenStable();
    const body = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('section.body')!;
    return { fixture, body };
  }

  it('opens a tab at its top, not at the offset the reader left another tab at', async () => {
    const { fixture, body } = await render('job-create');
    body.scrollTop = 397; // the New job form, scrolled down to its submit button
    fixture.componentRef.setInput('pane', pane('left', ['job-create', 'queues'], 'queues'));
    await fixture.whenStable();
    expect(body.getAttribute('data-panel')).toBe('queues');
    expect(body.scrollTop).toBe(0);
  });

  it('leaves the offset alone while the same tab stays open (a live update re-renders the pane)', async () => {
    const { fixture, body } = await render('queues');
    body.scrollTop = 120;
    fixture.componentRef.setInput('pane', pane('left', ['job-create', 'queues'], 'queues'));
    await fixture.whenStable();
    expect(body.scrollTop).toBe(120);
  });
});
