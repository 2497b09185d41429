import { TestBed } from '@angular/core/testing';
import { DeferBlockBehavior } from '@angular/core/testing';
import { SelectionService } from '../../core/state/selection.service';
import { TimeCursorService } from '../../core/state/time-cursor.service';
import { FakeAuth } from '../../../testing/fake-auth';
import { FakeGraphQLClient, settle } from '../../../testing/fake-graphql-client';
import { agent, jobDetail } from '../../../testing/fixtures';
import { panelTestProviders } from '../../../testing/providers';
import { JobDetailsPanel } from './job-details.panel';

const figures = (calls: number, costUsd: number | null, tokensIn = 1000, tokensOut = 200, unpricedCalls = costUsd === null ? calls : 0) => ({
  calls, unpricedCalls, tokensIn, tokensOut, tokens: tokensIn + tokensOut, costUsd,
});

const stopped = jobDetail({
  id: 'j1',
  status: 'cancelled',
  errorMessage: 'budget exceeded: $0.0112 of $0.01',
  errorDetails: { reason: 'budget_exceeded', cost_usd: 0.0112, max_cost_usd: 0.01, tokens: 6000, max_tokens: null, calls: 3 },
  budget: { maxCostUsd: 0.01, maxTokens: null },
  budgetWarning: true,
  looping: false,
  usage: { total: figures(3, 0.0112, 5000, 1000) },
});

const usage = {
  total: figures(4, 0.0112, 5200, 1100, 1),
  byModel: [
    { model: 'cockpit-demo', usage: figures(3, 0.0112, 5000, 1000) },
    { model: 'local-llama', usage: figures(1, null, 200, 100) },
  ],
  firstCallAt: '2026-11-24T09:00:01Z',
  lastCallAt: '2026-11-24T09:00:09Z',
  budget: { maxCostUsd: 0.01, maxTokens: null },
  shareUsed: { cost: 1.12, tokens: null },
};

describe('JobDetailsPanel Usage section', () => {
  let fake: FakeGraphQLClient;
  let current = stopped;

  function setup(role: 'admin' | 'viewer' = 'admin') {
    current = stopped;
    fake = new FakeGraphQLClient()
      .on('Agents', () => ({ agents: [agent({ id: 'a1' })] }))
      .on('Queues', () => ({ queues: [] }))
      .on('PendingJobs', () => ({ pendingJobs: [] }))
      .on('JobDetail', () => ({ job: current }))
      .on('JobWorkspace', () => ({ job: null }))
      .on('JobRequirements', () => ({ job: null }))
      .on('JobUsage', () => ({ job: { id: 'j1', usage } }))
      .on('JobLlmCalls', () => ({
        job: { id: 'j1', audit: { nodes: [
          { id: 'c1', at: '2026-11-24T09:00:01Z', model: 'cockpit-demo', tokensIn: 2000, tokensOut: 400, costUsd: 0.0028 },
          { id: 'c2', at: '2026-11-24T09:00:05Z', model: 'cockpit-demo', tokensIn: 3000, tokensOut: 600, costUsd: 0.0084 },
        ], pageInfo: { hasNextPage: false, endCursor: null } } },
      }))
      .on('SetJobBudget', (v) => {
        current = { ...stopped, budget: { maxCostUsd: (v['budget'] as { maxCostUsd: number }).maxCostUsd, maxTokens: null }, budgetWarning: false };
        return { setJobBudget: current };
      })
      .on('ResumeJob', () => ({ resumeJob: { ...current, status: 'pending' } }));
    TestBed.configureTestingModule({ providers: panelTestProviders(fake, new FakeAuth(role)), deferBlockBehavior: DeferBlockBehavior.Manual });
  }

  async function render() {
    TestBed.inject(SelectionService).selectJob('j1');
    const fixture = TestBed.createComponent(JobDetailsPanel);
    await settle(8);
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('shows why the budget stopped the job, what it cost, the bar past the budget, per model and the badges', async () => {
    setup();
    const { host } = await render();
    const section = host.querySelector('[data-testid=details-usage]')!;
    expect(section.querySelector('[data-testid=usage-stop-reason]')?.textContent).toBe('budget exceeded: $0.0112 of $0.01');
    expect(section.querySelector('[data-testid=usage-stop-cost]')?.textContent).toContain('$0.0112 / $0.01');
    expect(section.querySelector('[data-testid=usage-cost]')?.textContent).toMatch(/\$0\.0112\s*\+\s*1 unpriced/);
    expect(section.querySelector('[data-testid=usage-tokens-in]')?.textContent).toBe('5,200');
    const bar = section.querySelector('[data-testid=usage-bar-cost]')!;
    expect(bar.getAttribute('data-level')).toBe('over');
    expect(bar.textContent).toContain('$0.0112 / $0.01 (112 %)');
    expect(section.querySelector('[data-testid=usage-bar-tokens]')).toBeNull();
    const rows = section.querySelectorAll('[data-testid=usage-models] tbody tr');
    expect(rows[0].textContent).toContain('demo LLM, not a language model');
    expect(rows[1].getAttribute('data-model')).toBe('local-llama');
    expect(rows[1].textContent).toContain('unpriced');
    expect(rows[1].textContent).not.toContain('$0');
    expect(host.querySelectorAll('[data-testid=badge-budget-warning]').length).toBeGreaterThan(0);
    expect(host.querySelector('[data-testid=badge-looping]')).toBeNull();
  });

  it('shows the cost at the time scrubber’s cursor', async () => {
    setup();
    const { fixture, host } = await render();
    expect(host.querySelector('[data-testid=usage-at-cursor]')).toBeNull();
    TestBed.inject(TimeCursorService).seek('2026-11-24T09:00:03Z');
    await fixture.whenStable();
    expect(host.querySelector('[data-testid=usage-at-cursor]')?.textContent).toContain('at the cursor: $0.0028 (1 calls)');
    TestBed.inject(TimeCursorService).seek('2026-11-24T09:00:06Z');
    await fixture.whenStable();
    expect(host.querySelector('[data-testid=usage-at-cursor]')?.textContent).toContain('at the cursor: $0.0112 (2 calls)');
  });

  it('raises the budget and resumes a job its budget stopped', async () => {
    setup();
    const { fixture, host } = await render();
    const button = host.querySelector<HTMLButtonElement>('[data-testid=usage-save-budget]')!;
    expect(button.textContent).toContain('Raise budget and resume');
    const input = host.querySelector<HTMLInputElement>('[data-testid=usage-max-cost]')!;
    expect(input.value).toBe('0.01');
    input.value = '1';
    input.dispatchEvent(new Event('input'));
    button.click();
    await settle(5);
    await fixture.whenStable();
    const set = fake.requests.find((r) => r.operation === 'SetJobBudget');
    expect(set?.variables).toEqual({ jobId: 'j1', budget: { maxCostUsd: 1, maxTokens: null } });
    expect(fake.count('ResumeJob')).toBe(1);
    expect(fake.requests.findIndex((r) => r.operation === 'SetJobBudget')).toBeLessThan(fake.requests.findIndex((r) => r.operation === 'ResumeJob'));
  });

  it('refuses a bad budget before sending it', async () => {
    setup();
    const { fixture, host } = await render();
    const input = host.querySelector<HTMLInputElement>('[data-testid=usage-max-cost]')!;
    input.value = '-2';
    input.dispatchEvent(new Event('input'));
    host.querySelector<HTMLButtonElement>('[data-testid=usage-save-budget]')!.click();
    await settle(3);
    await fixture.whenStable();
    expect(host.querySelector('[data-testid=usage-form-error]')?.textContent).toContain('more than 0');
    expect(fake.count('SetJobBudget')).toBe(0);
  });

  it('offers no budget form to a viewer', async () => {
    setup('viewer');
    const { host } = await render();
    expect(host.querySelector('[data-testid=details-usage]')).not.toBeNull();
    expect(host.querySelector('[data-testid=usage-budget-form]')).toBeNull();
  });
});
