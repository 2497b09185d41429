import { TestBed } from '@angular/core/testing';
import { DeferBlockBehavior } from '@angular/core/testing';
import { FakeGraphQLClient, settle } from '../../../testing/fake-graphql-client';
import { panelTestProviders } from '../../../testing/providers';
import { UsageStats } from './usage-stats';

const figures = (calls: number, costUsd: number | null, unpricedCalls = costUsd === null ? calls : 0) => ({
  calls, unpricedCalls, tokensIn: calls * 100, tokensOut: calls * 50, tokens: calls * 150, costUsd,
});

function statistics(groupBy: string) {
  const byConfig = groupBy === 'CONFIG';
  return {
    stats: {
      usage: {
        days: 7,
        groupBy,
        from: '2026-11-18',
        total: figures(12, 0.5, 2),
        groups: byConfig
          ? [{ key: 'default', usage: figures(10, 0.5) }, { key: 'local', usage: figures(2, null) }]
          : [{ key: 'cockpit-demo', usage: figures(10, 0.5) }, { key: 'llama', usage: figures(2, null) }],
        daily: [{ day: '2026-11-24', key: byConfig ? 'default' : 'cockpit-demo', usage: { costUsd: 0.5, tokens: 1500, unpricedCalls: 0 } }],
        topJobs: [{ jobId: 'aaaaaaaa-0000-4000-8000-000000000001', configName: 'default', usage: figures(10, 0.5) }],
      },
    },
  };
}

describe('UsageStats', () => {
  let fake: FakeGraphQLClient;

  beforeEach(() => {
    fake = new FakeGraphQLClient()
      .on('UsageStats', (v) => statistics(v['groupBy'] as string))
      .on('Stats', () => ({ stats: null }));
    TestBed.configureTestingModule({ imports: [UsageStats], providers: panelTestProviders(fake), deferBlockBehavior: DeferBlockBehavior.Manual });
  });
  beforeEach(() => TestBed.compileComponents());

  async function render() {
    const fixture = TestBed.createComponent(UsageStats);
    await settle(5);
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('shows cost per config, the unpriced calls and the costliest jobs; an unpriced group never reads $0', async () => {
    const { host } = await render();
    expect(fake.requests.find((r) => r.operation === 'UsageStats')?.variables).toEqual({ days: 7, groupBy: 'CONFIG' });
    expect(host.querySelector('[data-testid=usage-total]')?.textContent).toContain('Last 7 days: $0.50, 1,800 tokens, 12 calls');
    expect(host.querySelector('[data-key=default]')?.textContent).toContain('$0.50');
    const local = host.querySelector('[data-key=local]')?.textContent ?? '';
    expect(local).toContain('unpriced');
    expect(local).not.toContain('$0');
    expect(host.querySelector('[data-testid=usage-unpriced]')?.textContent).toContain('2');
    expect(host.querySelector('[data-testid=usage-top-jobs] li')?.textContent).toContain('aaaaaaaa');
  });

  it('switches to cost per model, labelling the demo LLM', async () => {
    const { fixture, host } = await render();
    host.querySelector<HTMLButtonElement>('[data-group-by=MODEL]')!.click();
    await settle(5);
    await fixture.whenStable();
    expect(fake.requests.at(-1)?.variables).toEqual({ days: 7, groupBy: 'MODEL' });
    expect(host.querySelector('[data-group-by=MODEL]')?.getAttribute('aria-pressed')).toBe('true');
    expect(host.querySelector('[data-key=cockpit-demo]')?.textContent).toContain('demo LLM, not a language model');
  });
});
