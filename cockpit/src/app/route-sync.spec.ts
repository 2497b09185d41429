import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { findPanel } from './core/layout/layout-model';
import { LayoutService } from './core/layout/layout.service';
import { SelectionService } from './core/state/selection.service';
import { FakeGraphQLClient } from '../testing/fake-graphql-client';
import { panelTestProviders } from '../testing/providers';

describe('deep links', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: panelTestProviders(new FakeGraphQLClient()) });
  });

  it('/jobs/:id selects the job and shows the details panel, also when it was hidden', async () => {
    const layout = TestBed.inject(LayoutService);
    layout.close('top', 'job-details');
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/jobs/j-42');
    TestBed.tick();
    expect(TestBed.inject(SelectionService).jobId()).toBe('j-42');
    expect(findPanel(layout.tree(), 'job-details')).toBeDefined();
  });

  it('/agents/:id selects the agent and ?layout= picks a preset', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/agents/a-1?layout=debug');
    TestBed.tick();
    expect(TestBed.inject(SelectionService).agentId()).toBe('a-1');
    expect(TestBed.inject(LayoutService).preset()).toBe('debug');
    expect(findPanel(TestBed.inject(LayoutService).tree(), 'agent-list')?.active).toBe('agent-list');
  });
});
