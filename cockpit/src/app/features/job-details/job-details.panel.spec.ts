import { TestBed } from '@angular/core/testing';
import { DeferBlockBehavior } from '@angular/core/testing';
import { SelectionService } from '../../core/state/selection.service';
import { FakeGraphQLClient, settle } from '../../../testing/fake-graphql-client';
import { agent, job, jobDetail } from '../../../testing/fixtures';
import { panelTestProviders } from '../../../testing/providers';
import { JobDetailsPanel } from './job-details.panel';

const workspace = {
  todos: [{ id: 't1', content: 'Read the documents', status: 'completed' }, { id: 't2', content: 'Extract requirements', status: 'in_progress' }],
  archivedTodos: [],
  plan: '# Plan\n\n1. read',
  workspaceMd: null,
  files: [{ path: 'plan.md', size: 20, modifiedAt: '2026-11-24T09:00:00Z' }],
  zipUrl: '/api/jobs/j1/workspace.zip',
};

describe('JobDetailsPanel', () => {
  let fake: FakeGraphQLClient;

  beforeEach(() => {
    fake = new FakeGraphQLClient()
      .on('Agents', () => ({ agents: [agent({ id: 'a1', hostname: 'alpha' })] }))
      .on('JobDetail', () => ({
        job: jobDetail({
          id: 'j1',
          status: 'processing',
          assignedAgentId: 'a1',
          progress: {
            totalRequirements: 10, processedRequirements: 4, progressPercent: 40, etaSeconds: 90, message: 'extracting', reportedAt: new Date().toISOString(),
            requirementsByStatus: [{ status: 'integrated', count: 4 }, { status: 'pending', count: 6 }],
          },
        }),
      }))
      .on('JobWorkspace', () => ({ job: { id: 'j1', workspace } }))
      .on('JobRequirements', () => ({
        job: { id: 'j1', requirements: { totalCount: 1, nodes: [{ requirementId: 'R-1', text: 'The system shall log.', status: 'integrated', priority: 'high', complianceTags: ['ISO'], source: 'spec.md', updatedAt: null }], pageInfo: { hasNextPage: false, endCursor: null } } },
      }));
    TestBed.configureTestingModule({ providers: panelTestProviders(fake), deferBlockBehavior: DeferBlockBehavior.Manual });
  });

  async function render(select = true) {
    if (select) TestBed.inject(SelectionService).selectJob('j1');
    const fixture = TestBed.createComponent(JobDetailsPanel);
    await settle(5);
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('asks to select a job when none is selected', async () => {
    const { host } = await render(false);
    expect(host.querySelector('[data-testid=no-job]')).not.toBeNull();
  });

  it('shows status, progress with ETA, requirements summary and list, todos and the zip link', async () => {
    const { host } = await render();
    expect(host.querySelector('[data-testid=job-details]')?.getAttribute('data-status')).toBe('processing');
    expect(host.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('40');
    expect(host.textContent).toContain('4 of 10 requirements');
    expect(host.querySelector('[data-testid=eta]')?.textContent).toContain('ETA 1m');
    expect(host.querySelector('[data-testid=requirements-summary]')?.textContent).toMatch(/integrated\s*4/);
    expect(host.querySelector('[data-testid=requirements]')?.textContent).toContain('The system shall log.');
    expect(host.querySelector('[data-testid=todos]')?.textContent).toContain('Extract requirements');
    expect(host.querySelector('[data-testid=zip-link]')?.getAttribute('href')).toBe('/api/jobs/j1/workspace.zip');
    expect(host.querySelector('[data-testid=details-cancel]')).not.toBeNull();
    expect(host.querySelector('[data-testid=details-delete]')).toBeNull();
  });

  it('follows jobChanged for the selected job: status and progress change without a reload', async () => {
    const { fixture, host } = await render();
    const completed = jobDetail({ id: 'j1', status: 'completed', completedAt: new Date().toISOString() });
    fake.emit('JobChanged', { jobChanged: { id: 'j1', deleted: false, version: 5, job: { ...completed, progress: { ...completed.progress, progressPercent: 100 } } } });
    await fixture.whenStable();
    expect(host.querySelector('[data-testid=job-details]')?.getAttribute('data-status')).toBe('completed');
    expect(host.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('100');
    expect(host.querySelector('[data-testid=details-resume]')).toBeNull();
    expect(fake.count('JobDetail')).toBe(1);
  });

  it('shows a queued job’s dispatch: priority, place in the queue, why it waits, selector, and every attempt with its agent', async () => {
    fake
      .on('Queues', () => ({ queues: [] }))
      .on('PendingJobs', () => ({
        pendingJobs: [{ jobId: 'j1', position: 3, queue: 'any', priority: 50, queuedAt: '2026-12-05T10:00:00Z', concurrencyKey: 'acme', notBefore: null,
          waitingReason: 'no registered agent matches selector gpu=true', job: { id: 'j1', prompt: 'x' } }],
      }))
      .on('JobDetail', () => ({
        job: jobDetail({
          id: 'j1', status: 'pending', dispatch: 'auto', priority: 50, selector: { gpu: 'true' }, concurrencyKey: 'acme', maxAttempts: 3,
          waitingReason: 'no registered agent matches selector gpu=true', queuedAt: '2026-12-05T10:00:00Z',
          attempts: [{ attempt: 1, agentId: 'a1', agent: { id: 'a1', hostname: 'alpha', labels: { gpu: 'false' } }, startedAt: '2026-12-05T09:00:00Z',
            endedAt: '2026-12-05T09:01:00Z', outcome: 'failed', error: 'the model refused' }],
        }),
      }));
    const { host } = await render();
    const dispatch = host.querySelector('[data-testid=details-dispatch]')!;
    expect(dispatch.querySelector('[data-testid=details-dispatch-mode]')?.textContent).toBe('automatic');
    expect(dispatch.querySelector('[data-testid=details-priority]')?.textContent).toBe('50');
    expect(dispatch.querySelector('[data-testid=details-position]')?.textContent).toBe('#3');
    expect(dispatch.querySelector('[data-testid=details-waiting-reason]')?.textContent).toContain('gpu=true');
    expect(dispatch.textContent).toContain('acme');
    const attempt = dispatch.querySelector('[data-testid=attempts] li')!;
    expect(attempt.getAttribute('data-outcome')).toBe('failed');
    expect(attempt.querySelector('[data-testid=attempt-agent]')?.textContent?.trim()).toBe('alpha');
    expect(attempt.querySelector('[data-testid=attempt-error]')?.textContent).toBe('the model refused');
    expect(host.querySelector('[data-testid=details-enqueue]')).toBeNull();
  });

  it('queues a failed job for automatic dispatch', async () => {
    fake.on('JobDetail', () => ({ job: jobDetail({ id: 'j1', status: 'failed' }) }))
      .on('EnqueueJob', ({ jobId }) => ({ enqueueJob: job({ id: jobId as string, status: 'pending', dispatch: 'auto' }) }));
    const { fixture, host } = await render();
    (host.querySelector('[data-testid=details-enqueue]') as HTMLButtonElement).click();
    await settle();
    await fixture.whenStable();
    expect(fake.requests.find((r) => r.operation === 'EnqueueJob')?.variables).toEqual({ jobId: 'j1' });
    expect(host.querySelector('[role=alert]')).toBeNull();
  });

  it('switching jobs ends the old job’s subscriptions', async () => {
    await render();
    expect(fake.openSubscriptions('JobChanged')).toBe(1);
    TestBed.inject(SelectionService).selectJob('other');
    TestBed.tick();
    await settle();
    expect(fake.openSubscriptions('JobChanged')).toBe(1);
    expect(fake.requests.filter((r) => r.operation === 'JobDetail').at(-1)?.variables).toEqual({ id: 'other' });
    void job;
  });
});
