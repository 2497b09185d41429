import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { FakeGraphQLClient, settle } from '../../../testing/fake-graphql-client';
import { job } from '../../../testing/fixtures';
import { FakeAuth } from '../../../testing/fake-auth';
import { panelTestProviders } from '../../../testing/providers';
import { GraphQLRequestError } from '../../core/graphql/graphql-errors';
import { JobListPanel } from './job-list.panel';

function jobsPage(rows: ReturnType<typeof job>[], total = rows.length, hasNextPage = false) {
  return { jobs: { totalCount: total, nodes: rows, pageInfo: { hasNextPage, endCursor: hasNextPage ? 'c1' : null } } };
}

describe('JobListPanel', () => {
  let fake: FakeGraphQLClient;

  beforeEach(() => {
    localStorage.clear();
    fake = new FakeGraphQLClient().on('Agents', () => ({ agents: [] }));
    TestBed.configureTestingModule({ providers: panelTestProviders(fake) });
  });

  async function render() {
    const fixture = TestBed.createComponent(JobListPanel);
    await settle();
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('shows the empty state when there are no jobs', async () => {
    fake.on('Jobs', () => jobsPage([]));
    const { host } = await render();
    expect(host.querySelector('[data-testid=empty-state]')?.textContent).toContain('No jobs match.');
  });

  it('shows an error with retry instead of an exception when the server fails', async () => {
    const { host } = await render();
    expect(host.querySelector('[data-testid=error-state]')?.textContent).toContain('The server cannot be reached.');
  });

  it('renders ten thousand jobs through the virtual scroll viewport: only a window of rows is in the DOM', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => job({ id: `job-${i}`, prompt: `Job number ${i}` }));
    fake.on('Jobs', () => jobsPage(rows));
    const { host } = await render();
    expect(host.querySelector('[data-testid=job-total]')?.textContent).toContain('10000 of 10000');
    expect(host.querySelector('cdk-virtual-scroll-viewport')).not.toBeNull();
    expect(host.querySelectorAll('.job-row').length).toBeLessThan(100);
  });

  it('filters by queue (config name) on the server and in the URL, and shows a pending job’s place in the dispatch order', async () => {
    const queue = (name: string) => ({ name, pending: 1, oldestPendingSeconds: 1, idleAgents: 0, running: 0, waitP50Seconds: null, waitP95Seconds: null, startedLast15Minutes: 0 });
    fake
      .on('Queues', () => ({ queues: [queue('any'), queue('default'), queue('creator')] }))
      .on('PendingJobs', () => ({
        pendingJobs: [{ jobId: 'waiting', position: 2, queue: 'creator', priority: 0, queuedAt: '2026-12-05T10:00:00Z', concurrencyKey: null, notBefore: null,
          waitingReason: 'all 1 matching agents are busy', job: { id: 'waiting', prompt: 'x' } }],
      }))
      .on('Jobs', () => jobsPage([job({ id: 'waiting', status: 'pending', configName: 'creator' }), job({ id: 'manual', status: 'created' })]));
    const { fixture, host } = await render();
    fixture.detectChanges();
    expect(host.querySelector('[data-job-id=waiting] [data-testid=job-position]')?.textContent).toBe('#2');
    expect(host.querySelector('[data-job-id=manual] [data-testid=job-position]')).toBeNull();
    const select = host.querySelector('[data-testid=job-queue]') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'creator', 'default']);

    select.value = 'creator';
    select.dispatchEvent(new Event('change'));
    await settle();
    await fixture.whenStable();
    expect(fake.requests.filter((r) => r.operation === 'Jobs').at(-1)?.variables).toMatchObject({ configName: 'creator' });
    expect(TestBed.inject(Router).url).toContain('queue=creator');
  });

  it('status chips filter on the server and go into the URL', async () => {
    fake.on('Jobs', () => jobsPage([job({ status: 'failed' })]));
    const { fixture, host } = await render();
    (host.querySelector('[data-filter=failed]') as HTMLButtonElement).click();
    await settle();
    await fixture.whenStable();
    expect(fake.requests.filter((r) => r.operation === 'Jobs').at(-1)?.variables).toMatchObject({ statuses: ['failed'] });
    expect(TestBed.inject(Router).url).toContain('status=failed');
    expect(host.querySelector('[data-filter=failed]')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('applies live changes: a new job appears on top without reloading', async () => {
    fake.on('Jobs', () => jobsPage([job({ id: 'old', createdAt: '2026-11-24T09:00:00Z' })]));
    const { fixture, host } = await render();
    fake.emit('JobsChanged', { jobChanged: { id: 'new', deleted: false, version: 1, job: job({ id: 'new', createdAt: '2026-11-24T10:00:00Z', status: 'processing' }) } });
    await fixture.whenStable();
    expect(host.querySelector('[data-testid=job-total]')?.textContent).toContain('2 of 2');
    expect(fake.count('Jobs')).toBe(1);
  });

  it('cancels a job and reports the server’s refusal in words', async () => {
    fake.on('Jobs', () => jobsPage([job({ id: 'j1', status: 'processing' })]));
    fake.on('CancelJob', () => {
      throw new GraphQLRequestError('graphql', [{ message: 'the job has finished', code: 'CONFLICT' }]);
    });
    const { fixture, host } = await render();
    // jsdom lays the viewport out at height 0, so rows are not rendered here; the browser e2e clicks the real row.
    await (fixture.componentInstance as unknown as { cancel(j: unknown): Promise<void> }).cancel(job({ id: 'j1', status: 'processing' }));
    await fixture.whenStable();
    expect(fake.count('CancelJob')).toBe(1);
    expect(host.querySelector('[data-testid=job-list-message]')?.textContent).toContain('Not possible right now: the job has finished');
  });
});

describe('JobListPanel by role', () => {
  async function renderAs(role: 'viewer' | 'operator' | 'admin') {
    localStorage.clear();
    const fake = new FakeGraphQLClient()
      .on('Agents', () => ({ agents: [] }))
      .on('Jobs', () => jobsPage([job({ id: 'waiting', status: 'created' }), job({ id: 'broken', status: 'failed' })]));
    TestBed.configureTestingModule({ providers: panelTestProviders(fake, new FakeAuth(role)) });
    const fixture = TestBed.createComponent(JobListPanel);
    await settle();
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    return (action: string) => host.querySelectorAll(`[data-action=${action}]`).length;
  }

  it('a viewer sees the jobs but no command', async () => {
    const count = await renderAs('viewer');
    expect(count('view')).toBe(2);
    expect([count('assign'), count('cancel'), count('resume'), count('delete')]).toEqual([0, 0, 0, 0]);
  });

  it('an operator may assign, cancel and resume but not delete', async () => {
    const count = await renderAs('operator');
    expect([count('assign'), count('cancel'), count('resume'), count('delete')]).toEqual([2, 1, 1, 0]);
  });

  it('an admin may also delete', async () => {
    const count = await renderAs('admin');
    expect(count('delete')).toBe(2);
  });
});
