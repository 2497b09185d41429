import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FakeAuth } from '../../../testing/fake-auth';
import { FakeGraphQLClient, settle } from '../../../testing/fake-graphql-client';
import { panelTestProviders } from '../../../testing/providers';
import type { UserError } from '../../core/errors/user-error';
import { ClockService } from '../../core/state/clock.service';
import { type PendingRow, type QueueRow, type QueuesSource } from './queue-view';
import { QUEUES_SOURCE } from './queues-source';
import { QueuesPanel } from './queues.panel';
import type { WaitSample } from './wait-trend';

class FakeQueues implements QueuesSource {
  readonly queues = signal<QueueRow[] | undefined>(undefined);
  readonly pending = signal<PendingRow[]>([]);
  readonly trends = signal<ReadonlyMap<string, readonly WaitSample[]>>(new Map());
  readonly error = signal<UserError | null>(null);
  readonly cachedAt = signal<string | null>(null);
  started = 0;
  readonly priorities: [string, number][] = [];
  answer: UserError | null = null;
  start(): void {
    this.started++;
  }
  reload(): void {}
  async setPriority(jobId: string, priority: number): Promise<UserError | null> {
    this.priorities.push([jobId, priority]);
    return this.answer;
  }
}

const queue = (overrides: Partial<QueueRow>): QueueRow => ({
  name: 'any', pending: 0, oldestPendingSeconds: null, idleAgents: 0, running: 0, waitP50Seconds: null, waitP95Seconds: null, startedLast15Minutes: 0, ...overrides,
});
const pendingJob = (overrides: Partial<PendingRow>): PendingRow => ({
  id: 'j', prompt: 'Extract', queue: 'any', priority: 0, concurrencyKey: null, position: 1, waitingReason: 'next in line: a matching agent is idle',
  queuedAt: '2026-12-05T10:00:00Z', notBefore: null, ...overrides,
});

describe('QueuesPanel', () => {
  let source: FakeQueues;
  let auth: FakeAuth;

  beforeEach(() => {
    source = new FakeQueues();
    auth = new FakeAuth('operator');
    TestBed.configureTestingModule({ providers: [...panelTestProviders(new FakeGraphQLClient(), auth), { provide: QUEUES_SOURCE, useValue: source }] });
  });

  async function render() {
    const fixture = TestBed.createComponent(QueuesPanel);
    await settle();
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement, panel: fixture.componentInstance as unknown as Record<string, any> };
  }

  it('the oldest wait keeps growing while the queue stands still, and is shown as received from the cache', async () => {
    const clock = TestBed.inject(ClockService);
    source.queues.set([queue({ name: 'stuck', pending: 1, oldestPendingSeconds: 4 })]);
    const { fixture, host } = await render();
    fixture.detectChanges();
    const oldest = () => host.querySelector('[data-queue="stuck"] [data-testid="queue-oldest"]')?.textContent?.trim();
    expect(oldest()).toBe('4s');

    clock.now.set(Date.now() + 60_000);
    fixture.detectChanges();
    expect(oldest()).toBe('1m 4s');

    source.cachedAt.set('2026-12-05T10:00:00Z');
    fixture.detectChanges();
    expect(oldest()).toBe('4s');
  });

  it('starts the live source and shows loading until the queues arrive', async () => {
    const { host } = await render();
    expect(source.started).toBe(1);
    expect(host.querySelector('[data-testid="loading-state"]')).not.toBeNull();
  });

  it('shows each queue’s depth, oldest wait, idle agents, running jobs and wait trend', async () => {
    source.queues.set([
      queue({ name: 'creator', pending: 12, oldestPendingSeconds: 75, idleAgents: 0, running: 3, waitP50Seconds: 4, waitP95Seconds: 30 }),
      queue({ name: 'any', pending: 1, idleAgents: 2 }),
    ]);
    source.trends.set(new Map([['creator', [{ at: 0, p50: 1, p95: 2 }, { at: 10, p50: 2, p95: 4 }]]]));
    const { fixture, host } = await render();
    fixture.detectChanges();

    const creator = host.querySelector('[data-queue="creator"]')!;
    expect(creator.querySelector('[data-testid="queue-depth"]')?.textContent?.trim()).toBe('12');
    expect(creator.textContent).toContain('1m 15s');
    expect(creator.querySelector('[data-testid="queue-running"]')?.textContent?.trim()).toBe('3');
    expect(creator.textContent).toContain('p95 30s');
    expect(creator.querySelector('polyline.p95')?.getAttribute('points')).toBe('0,9 80,0');
    expect(creator.querySelector('polyline.p50')?.getAttribute('points')).toBe('0,13.5 80,9');
    expect(host.querySelector('[data-queue="any"]')?.textContent).toContain('any agent');
  });

  it('follows the source live: a drained queue shows zero at once', async () => {
    source.queues.set([queue({ name: 'default', pending: 5 })]);
    const { fixture, host } = await render();
    source.queues.set([queue({ name: 'default', pending: 0, running: 1 })]);
    fixture.detectChanges();
    expect(host.querySelector('[data-queue="default"] [data-testid="queue-depth"]')?.textContent?.trim()).toBe('0');
  });

  it('lists pending jobs in dispatch order with why they wait', async () => {
    source.queues.set([queue({ name: 'default', pending: 2 })]);
    source.pending.set([
      pendingJob({ id: 'first', position: 1, priority: 50, queue: 'default' }),
      pendingJob({ id: 'second', position: 2, queue: 'default', concurrencyKey: 'acme', waitingReason: 'no registered agent matches selector gpu=true' }),
    ]);
    const { fixture, host } = await render();
    fixture.detectChanges();
    const items = [...host.querySelectorAll('[data-testid="pending"] li')];
    expect(items.map((i) => i.getAttribute('data-job-id'))).toEqual(['first', 'second']);
    expect(items[0].textContent).toContain('#1');
    expect(items[1].querySelector('[data-testid="pending-reason"]')?.textContent).toContain('gpu=true');
    expect(items[1].querySelector('[data-testid="pending-key"]')?.textContent).toBe('acme');
    expect(items[0].querySelector('[data-testid="pending-queue"]')?.textContent).toBe('default');
  });

  it('lets an operator change a priority, refusing one out of range before sending', async () => {
    source.queues.set([queue({})]);
    source.pending.set([pendingJob({ id: 'j1', priority: 0 })]);
    const { fixture, host, panel } = await render();
    await panel['savePriority'](source.pending()[0], '150');
    fixture.detectChanges();
    expect(source.priorities).toEqual([]);
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('from −100 to 100');

    await panel['savePriority'](source.pending()[0], '80');
    fixture.detectChanges();
    expect(source.priorities).toEqual([['j1', 80]]);
    expect(host.querySelector('[role="alert"]')).toBeNull();
  });

  it('shows the server’s refusal of a priority change', async () => {
    source.queues.set([queue({})]);
    source.pending.set([pendingJob({ id: 'j1' })]);
    source.answer = { key: 'error.conflict', detail: 'job j1 is no longer pending' } as UserError;
    const { fixture, host, panel } = await render();
    await panel['savePriority'](source.pending()[0], '10');
    fixture.detectChanges();
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('no longer pending');
  });

  it('shows a viewer the priority without a control to change it', async () => {
    auth.set('viewer');
    source.queues.set([queue({})]);
    source.pending.set([pendingJob({ id: 'j1', priority: 7 })]);
    const { fixture, host } = await render();
    fixture.detectChanges();
    expect(host.querySelector('[data-testid="pending-priority"]')).toBeNull();
    expect(host.querySelector('[data-testid="pending-priority-readonly"]')?.textContent).toContain('7');
  });
});
