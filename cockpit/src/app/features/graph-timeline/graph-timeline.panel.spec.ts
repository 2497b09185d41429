import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { SelectionService } from '../../core/state/selection.service';
import { FakeGraphQLClient, settle } from '../../../testing/fake-graphql-client';
import { jobDetail } from '../../../testing/fixtures';
import { panelTestProviders } from '../../../testing/providers';
import { GraphTimelinePanel, PLAYBACK_LIMIT } from './graph-timeline.panel';

const node = (id: string, at: string) => ({ at, op: 'node_added', elementId: id, labels: ['Requirement'], edgeType: null, from: null, to: null, properties: {} });

describe('GraphTimelinePanel', () => {
  let fake: FakeGraphQLClient;

  beforeEach(() => {
    fake = new FakeGraphQLClient()
      .on('JobDetail', () => ({ job: jobDetail({ id: 'j1', createdAt: '2026-12-05T10:00:00Z' }) }))
      .on('JobWorkspace', () => ({ job: null }))
      .on('JobGraph', (variables) => {
        const fromStart = Date.parse(String(variables['at'])) < Date.parse('2026-12-05T10:00:00Z');
        return {
          job: {
            id: 'j1',
            graph: fromStart
              // The first page of a story longer than one playback.
              ? { at: variables['at'], hasMore: true, snapshot: { nodes: [], edges: [] }, deltas: [node('n1', '2026-12-05T10:00:01Z'), node('n2', '2026-12-05T10:00:02Z')] }
              : { at: variables['at'], hasMore: false, snapshot: { nodes: [{ id: 'n1', labels: ['Requirement'], properties: {} }, { id: 'n2', labels: ['Requirement'], properties: {} }, { id: 'n3', labels: ['Requirement'], properties: {} }], edges: [] }, deltas: [] },
          },
        };
      });
    TestBed.configureTestingModule({ imports: [GraphTimelinePanel], providers: panelTestProviders(fake), deferBlockBehavior: DeferBlockBehavior.Manual });
  });
  beforeEach(() => TestBed.compileComponents());

  it('says when a graph has more changes than one playback holds, and shows the whole graph as it is now on request', async () => {
    TestBed.inject(SelectionService).selectJob('j1');
    const fixture = TestBed.createComponent(GraphTimelinePanel);
    await settle(5);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const first = fake.requests.find((r) => r.operation === 'JobGraph')!;
    expect(first.variables).toMatchObject({ id: 'j1', at: '2026-12-05T09:59:59.000Z', limit: PLAYBACK_LIMIT });
    expect(host.querySelector('[data-testid=graph-truncated]')?.textContent).toContain(`only the first ${PLAYBACK_LIMIT} are played`);
    expect(host.textContent).toContain('Change 2 of 2');
    expect(host.textContent).toContain('2 nodes, 0 edges');

    (host.querySelector('[data-testid=graph-show-now]') as HTMLButtonElement).click();
    await settle(5);
    await fixture.whenStable();
    const last = fake.requests.filter((r) => r.operation === 'JobGraph').at(-1)!;
    expect(Date.parse(String(last.variables['at']))).toBeGreaterThan(Date.parse('2026-12-05T10:00:00Z'));
    expect(host.querySelector('[data-testid=graph-truncated]')).toBeNull();
    expect(host.textContent).toContain('3 nodes, 0 edges');
  });
});
