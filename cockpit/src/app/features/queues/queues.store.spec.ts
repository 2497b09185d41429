import { TestBed } from '@angular/core/testing';
import { FakeGraphQLClient, settle } from '../../../testing/fake-graphql-client';
import { job } from '../../../testing/fixtures';
import { panelTestProviders } from '../../../testing/providers';
import { GraphQLRequestError } from '../../core/graphql/graphql-errors';
import { PENDING_SHOWN, QueuesStore } from './queues.store';

const queue = (name: string, pending: number, p50: number | null = null) => ({
  name, pending, oldestPendingSeconds: null, idleAgents: 0, running: 0, waitP50Seconds: p50, waitP95Seconds: p50, startedLast15Minutes: 0,
});
const pendingJob = (jobId: string, position: number, priority = 0) => ({
  jobId, position, queue: 'any', priority, queuedAt: '2026-12-05T10:00:00Z', concurrencyKey: null, notBefore: null,
  waitingReason: 'next in line: a matching agent is idle', job: { id: jobId, prompt: `prompt ${jobId}` },
});

describe('QueuesStore', () => {
  let fake: FakeGraphQLClient;
  let pending: ReturnType<typeof pendingJob>[];

  beforeEach(() => {
    pending = [pendingJob('a', 1, 50), pendingJob('b', 2)];
    fake = new FakeGraphQLClient()
      .on('Queues', () => ({ queues: [queue('any', 2, 3)] }))
      .on('PendingJobs', () => ({ pendingJobs: pending }));
    TestBed.configureTestingModule({ providers: panelTestProviders(fake) });
  });

  it('loads the queues and every pending job in dispatch order, with each job’s position', async () => {
    const store = TestBed.inject(QueuesStore);
    store.start();
    store.start();
    await settle();
    expect(fake.count('Queues')).toBe(1);
    expect(fake.requests.find((r) => r.operation === 'PendingJobs')?.variables).toEqual({ queue: null, first: PENDING_SHOWN });
    expect(store.queues()?.map((q) => q.pending)).toEqual([2]);
    expect(store.pending().map((p) => [p.id, p.position, p.prompt])).toEqual([['a', 1, 'prompt a'], ['b', 2, 'prompt b']]);
    expect(store.positions().get('b')).toBe(2);
    expect(store.trends().get('any')?.map((s) => s.p50)).toEqual([3]);
  });

  it('follows queueChanged: the figures at once, the pending jobs fetched again', async () => {
    const store = TestBed.inject(QueuesStore);
    store.start();
    await settle();
    pending = [pendingJob('b', 1)];
    fake.emit('QueueChanged', { queueChanged: [queue('any', 1, 5)] });
    expect(store.queues()?.[0].pending).toBe(1);
    await settle();
    expect(store.pending().map((p) => p.id)).toEqual(['b']);
    expect(store.positions().has('a')).toBe(false);
    expect(store.trends().get('any')?.at(-1)?.p50).toBe(5);
  });

  it('fetches the pending jobs once more after a burst of events, never two at a time, and ends with the last state', async () => {
    const store = TestBed.inject(QueuesStore);
    store.start();
    await settle();
    let inFlight = 0;
    let most = 0;
    let release: () => void = () => undefined;
    fake.on('PendingJobs', async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((r) => (release = r));
      inFlight--;
      return { pendingJobs: pending };
    });
    const before = fake.count('PendingJobs');
    fake.emit('QueueChanged', { queueChanged: [queue('any', 1)] });
    pending = [];
    fake.emit('QueueChanged', { queueChanged: [queue('any', 0)] });
    fake.emit('QueueChanged', { queueChanged: [queue('any', 0)] });
    release();
    await settle();
    release();
    await settle();
    expect(most).toBe(1);
    expect(fake.count('PendingJobs') - before).toBe(2);
    expect(store.pending()).toEqual([]);
  });

  it('fetches the order again when a pending job’s priority changes elsewhere, not on every change of a running job', async () => {
    const store = TestBed.inject(QueuesStore);
    store.start();
    await settle();
    const before = fake.count('PendingJobs');
    fake.emit('PendingJobChanged', { jobChanged: { id: 'x', job: { status: 'processing', priority: 0 } } });
    fake.emit('PendingJobChanged', { jobChanged: { id: 'b', job: { status: 'pending', priority: 0 } } });
    await settle();
    expect(fake.count('PendingJobs')).toBe(before);
    pending = [pendingJob('b', 1, 70), pendingJob('a', 2, 50)];
    fake.emit('PendingJobChanged', { jobChanged: { id: 'b', job: { status: 'pending', priority: 70 } } });
    await settle();
    expect(fake.count('PendingJobs')).toBe(before + 1);
    expect(store.pending().map((p) => [p.id, p.priority])).toEqual([['b', 70], ['a', 50]]);
  });

  it('changes a priority and shows the new order; a refusal comes back as the person’s error', async () => {
    fake.on('SetJobPriority', ({ jobId, priority }) => ({ setJobPriority: job({ id: jobId as string, status: 'pending', priority: priority as number }) }));
    const store = TestBed.inject(QueuesStore);
    store.start();
    await settle();
    pending = [pendingJob('b', 1, 90), pendingJob('a', 2, 50)];
    expect(await store.setPriority('b', 90)).toBeNull();
    expect(fake.requests.find((r) => r.operation === 'SetJobPriority')?.variables).toEqual({ jobId: 'b', priority: 90 });
    expect(store.pending().map((p) => p.id)).toEqual(['b', 'a']);

    fake.on('SetJobPriority', () => {
      throw new GraphQLRequestError('graphql', [{ message: 'job b is processing, not pending', code: 'CONFLICT' }]);
    });
    expect(await store.setPriority('b', 10)).toEqual({ key: 'errors.conflict', detail: 'job b is processing, not pending' });
  });
});
