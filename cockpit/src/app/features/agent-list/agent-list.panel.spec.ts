import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { FakeGraphQLClient, settle } from '../../../testing/fake-graphql-client';
import { agent, job } from '../../../testing/fixtures';
import { panelTestProviders } from '../../../testing/providers';
import { AgentListPanel } from './agent-list.panel';

describe('AgentListPanel', () => {
  let fake: FakeGraphQLClient;
  const ready = agent({ id: 'a1', hostname: 'alpha', status: 'ready', labels: { region: 'eu', gpu: 'true' } });
  const working = agent({ id: 'a2', hostname: 'beta', status: 'working', currentJobId: 'job-running' });

  beforeEach(() => {
    fake = new FakeGraphQLClient()
      .on('Agents', () => ({ agents: [working, ready] }))
      .on('Jobs', () => ({ jobs: { totalCount: 1, nodes: [job({ id: 'waiting', prompt: 'Waiting job' })], pageInfo: { hasNextPage: false, endCursor: null } } }));
    TestBed.configureTestingModule({ providers: panelTestProviders(fake) });
  });

  async function render() {
    const fixture = TestBed.createComponent(AgentListPanel);
    await settle();
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('lists agents by name with status colours, current job and heartbeat age', async () => {
    const { host } = await render();
    const items = [...host.querySelectorAll('[data-agent-id]')];
    expect(items.map((i) => i.getAttribute('data-hostname'))).toEqual(['alpha', 'beta']);
    expect(items[1].querySelector('.badge')?.classList).toContain('status-working');
    expect(items[1].textContent).toContain('job-runn');
    expect(items[0].querySelector('.heartbeat')?.textContent?.trim()).toBe('♥ live');
  });

  it('gives an offline agent’s last heartbeat as an age (it is final) and a live agent’s as "live"', async () => {
    const { fixture, host } = await render();
    const heard = new Date(Date.now() - 95_000).toISOString();
    fake.emit('AgentChanged', { agentChanged: { id: 'a1', deleted: false, agent: { ...ready, status: 'offline', lastHeartbeat: heard } } });
    await fixture.whenStable();
    expect(host.querySelector('[data-agent-id="a1"] .heartbeat')?.textContent?.trim()).toMatch(/^♥ 9[5-6]s ago$/);
    expect(host.querySelector('[data-agent-id="a2"] .heartbeat')?.textContent?.trim()).toBe('♥ live');
  });

  it('shows each agent’s labels, the pairs jobs’ selectors match', async () => {
    const { host } = await render();
    const labels = (id: string) => [...host.querySelectorAll(`[data-agent-id="${id}"] [data-testid="agent-label"]`)].map((l) => l.textContent?.trim());
    expect(labels('a1')).toEqual(['gpu=true', 'region=eu']);
    expect(labels('a2')).toEqual([]);
  });

  it('follows agentChanged: status changes and deregistrations show at once', async () => {
    const { fixture, host } = await render();
    fake.emit('AgentChanged', { agentChanged: { id: 'a1', deleted: false, agent: { ...ready, status: 'offline' } } });
    fake.emit('AgentChanged', { agentChanged: { id: 'a2', deleted: true, agent: null } });
    await fixture.whenStable();
    const items = [...host.querySelectorAll('[data-agent-id]')];
    expect(items).toHaveLength(1);
    expect(items[0].querySelector('.badge')?.classList).toContain('status-offline');
  });

  it('assigns a waiting job to a ready agent and opens the job', async () => {
    fake.on('AssignJob', (v) => ({ assignJob: job({ id: String(v['jobId']), status: 'processing', assignedAgentId: String(v['agentId']) }) }));
    const { fixture, host } = await render();
    (host.querySelector('[data-agent-id=a1] [data-testid=assign-toggle]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const select = host.querySelector('[data-testid=assign-job]') as HTMLSelectElement;
    select.value = 'waiting';
    select.dispatchEvent(new Event('change'));
    await settle();
    expect(fake.requests.find((r) => r.operation === 'AssignJob')?.variables).toEqual({ jobId: 'waiting', agentId: 'a1' });
    expect(TestBed.inject(Router).url).toBe('/jobs/waiting');
  });

  it('renders a fleet of five thousand agents through a window: few rows in the DOM, counts per status, a filter that finds the last', async () => {
    const fleet = Array.from({ length: 5000 }, (_, i) =>
      agent({ id: `id-${i}`, hostname: `fleet-${String(i).padStart(5, '0')}`, status: i % 10 === 0 ? 'offline' : 'ready', labels: { rack: `r${Math.floor(i / 100)}` } }));
    fake.on('Agents', () => ({ agents: [...fleet].reverse() }));
    const { fixture, host } = await render();
    const rows = () => [...host.querySelectorAll('[data-agent-id]')].map((r) => r.getAttribute('data-hostname'));
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThan(60);
    expect(rows()[0]).toBe('fleet-00000');
    const count = (status: string) => host.querySelector(`[data-testid=agent-status-count][data-status=${status}] .n`)?.textContent;
    expect([count('ready'), count('offline'), count('working')]).toEqual(['4500', '500', '0']);

    const filter = host.querySelector('[data-testid=agent-filter]') as HTMLInputElement;
    filter.value = 'fleet-04999';
    filter.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(rows()).toEqual(['fleet-04999']);
    expect(host.querySelector('[data-testid=agent-total]')?.textContent).toContain('1 shown');

    filter.value = 'rack=r49 offline';
    filter.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(rows()).toEqual(['fleet-04900', 'fleet-04910', 'fleet-04920', 'fleet-04930', 'fleet-04940', 'fleet-04950', 'fleet-04960', 'fleet-04970', 'fleet-04980', 'fleet-04990']);

    filter.value = 'nothing-like-this';
    filter.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(rows()).toEqual([]);
    expect(host.querySelector('[data-testid=agent-no-match]')).not.toBeNull();
  });

  it('a status chip filters by status; a burst of changes updates the counts', async () => {
    const { fixture, host } = await render();
    (host.querySelector('[data-testid=agent-status-count][data-status=working]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect([...host.querySelectorAll('[data-agent-id]')].map((r) => r.getAttribute('data-agent-id'))).toEqual(['a2']);
    for (let i = 0; i < 50; i++) fake.emit('AgentChanged', { agentChanged: { id: 'a1', deleted: false, agent: { ...ready, status: i % 2 ? 'ready' : 'working' } } });
    fake.emit('AgentChanged', { agentChanged: { id: 'a1', deleted: false, agent: { ...ready, status: 'working' } } });
    await fixture.whenStable();
    expect(host.querySelector('[data-testid=agent-status-count][data-status=working] .n')?.textContent).toBe('2');
    expect([...host.querySelectorAll('[data-agent-id]')].map((r) => r.getAttribute('data-agent-id'))).toEqual(['a1', 'a2']);
  });
});
