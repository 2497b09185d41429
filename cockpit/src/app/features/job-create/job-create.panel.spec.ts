import { TestBed } from '@angular/core/testing';
import { DeferBlockBehavior } from '@angular/core/testing';
import { Router } from '@angular/router';
import { FakeGraphQLClient, settle } from '../../../testing/fake-graphql-client';
import { GraphQLRequestError } from '../../core/graphql/graphql-errors';
import { job } from '../../../testing/fixtures';
import { panelTestProviders } from '../../../testing/providers';
import { LayoutService } from '../../core/layout/layout.service';
import { PanelIds } from '../../core/layout/panel-ids';
import { JobCreatePanel } from './job-create.panel';

describe('JobCreatePanel', () => {
  let fake: FakeGraphQLClient;
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    fake = new FakeGraphQLClient().on('Configs', () => ({ configs: [{ name: 'default', valid: true, errors: [] }, { name: 'broken', valid: false, errors: ['x'] }] }));
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    TestBed.configureTestingModule({ imports: [JobCreatePanel], providers: panelTestProviders(fake), deferBlockBehavior: DeferBlockBehavior.Playthrough });
  });
  beforeEach(() => TestBed.compileComponents());
  afterEach(() => vi.unstubAllGlobals());

  async function render() {
    const fixture = TestBed.createComponent(JobCreatePanel);
    await settle();
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement, panel: fixture.componentInstance as unknown as Record<string, any> };
  }

  it('offers the server’s configs, invalid ones disabled', async () => {
    const { host } = await render();
    const options = [...host.querySelectorAll('#create-config option')].map((o) => [o.textContent?.trim(), (o as HTMLOptionElement).disabled]);
    expect(options).toEqual([['Default', false], ['default', false], ['broken (invalid)', true]]);
  });

  it('refuses to submit without a prompt or with invalid context JSON', async () => {
    const { fixture, host, panel } = await render();
    await panel['submit']();
    await fixture.whenStable();
    expect(host.textContent).toContain('A prompt is required.');
    panel['prompt'].set('Extract');
    panel['context'].set('{"a":');
    await panel['submit']();
    expect(fake.count('CreateJob')).toBe(0);
  });

  it('uploads the documents, creates the job with the document set and opens it', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ document_set_id: 'set-1', document_dir: '/ws/uploads/set-1', files: [{ name: 'spec.md', size: 10 }] }), { status: 201 }),
    );
    fake.on('CreateJob', () => ({ createJob: job({ id: 'new-job' }) }));
    const { panel } = await render();
    panel['prompt'].set('  Extract the requirements  ');
    panel['context'].set('{"customer": "acme"}');
    panel['files'].set([new File(['The system shall log.'], 'spec.md', { type: 'text/markdown' })]);
    await panel['submit']();

    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/documents');
    expect((init.body as FormData).getAll('files')).toHaveLength(1);
    expect(fake.requests.find((r) => r.operation === 'CreateJob')?.variables).toEqual({
      input: { prompt: 'Extract the requirements', configName: null, instructions: null, context: { customer: 'acme' }, documentSetId: 'set-1', dispatch: 'auto' },
    });
    expect(TestBed.inject(Router).url).toBe('/jobs/new-job');
    expect(panel['prompt']()).toBe('');
  });

  it('queues the job automatically by default, with the priority, selector, attempts, timeout and key filled in', async () => {
    fake.on('CreateJob', () => ({ createJob: job({ id: 'queued', status: 'pending', dispatch: 'auto', priority: 50 }) }));
    const { fixture, host, panel } = await render();
    expect((host.querySelector('[data-testid=create-auto]') as HTMLInputElement).checked).toBe(true);
    panel['prompt'].set('Extract');
    const type = (testId: string, value: string) => {
      const input = host.querySelector(`[data-testid=${testId}]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('create-priority', '50');
    type('create-selector', 'gpu=true, region=eu');
    type('create-max-attempts', '5');
    type('create-timeout', '600');
    type('create-concurrency-key', 'acme');
    await panel['submit']();
    expect(fake.requests.find((r) => r.operation === 'CreateJob')?.variables).toEqual({
      input: {
        prompt: 'Extract', configName: null, instructions: null, context: null, documentSetId: null,
        dispatch: 'auto', priority: 50, selector: { gpu: 'true', region: 'eu' }, maxAttempts: 5, timeoutSeconds: 600, concurrencyKey: 'acme',
      },
    });
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/jobs/queued');
    expect(panel['dispatch']().priority).toBe('50');
  });

  it('sends a budget typed in and refuses a bad one before sending', async () => {
    fake.on('CreateJob', () => ({ createJob: job({ id: 'budgeted', budget: { maxCostUsd: 0.01, maxTokens: null } }) }));
    const { fixture, host, panel } = await render();
    panel['prompt'].set('Extract');
    const type = (testId: string, value: string) => {
      const input = host.querySelector(`[data-testid=${testId}]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('create-max-cost', '-1');
    await panel['submit']();
    await fixture.whenStable();
    expect(host.querySelector('[data-testid=create-error-budget]')?.textContent).toContain('more than 0');
    expect(fake.count('CreateJob')).toBe(0);

    type('create-max-cost', '0.01');
    await panel['submit']();
    expect((fake.requests.find((r) => r.operation === 'CreateJob')?.variables['input'] as Record<string, unknown>)['budget']).toEqual({ maxCostUsd: 0.01, maxTokens: null });
    expect(panel['budgetCost']()).toBe('');
  });

  it('sends the seed’s request for a manual job', async () => {
    fake.on('CreateJob', () => ({ createJob: job({ id: 'manual' }) }));
    const { host, panel } = await render();
    (host.querySelector('[data-testid=create-auto]') as HTMLInputElement).click();
    panel['prompt'].set('Extract');
    await panel['submit']();
    expect(fake.requests.find((r) => r.operation === 'CreateJob')?.variables).toEqual({
      input: { prompt: 'Extract', configName: null, instructions: null, context: null, documentSetId: null },
    });
  });

  it('names a bad dispatch field before sending, and shows the server’s refusals under their fields', async () => {
    const { fixture, host, panel } = await render();
    panel['prompt'].set('Extract');
    panel['setDispatch']('maxAttempts', '30');
    await panel['submit']();
    await fixture.whenStable();
    expect(fake.count('CreateJob')).toBe(0);
    expect(host.querySelector('[data-testid=create-error-maxAttempts]')?.textContent).toContain('from 1 to 20');

    fake.on('CreateJob', () => {
      throw new GraphQLRequestError('graphql', [
        { message: 'must not contain control characters', code: 'BAD_USER_INPUT', field: 'concurrency_key' },
        { message: 'must be at most 63 characters', code: 'BAD_USER_INPUT', field: 'selector.gpu' },
      ]);
    });
    panel['setDispatch']('maxAttempts', '3');
    await panel['submit']();
    await fixture.whenStable();
    expect(host.querySelector('[data-testid=create-error-concurrencyKey]')?.textContent).toContain('must not contain control characters');
    expect(host.querySelector('[data-testid=create-error-selector]')?.textContent).toContain('at most 63 characters');
    expect(host.querySelector('[data-testid=create-error]')).toBeNull();
    panel['setDispatch']('concurrencyKey', 'acme');
    await fixture.whenStable();
    expect(host.querySelector('[data-testid=create-error-concurrencyKey]')).toBeNull();
    expect(host.querySelector('[data-testid=create-error-selector]')).not.toBeNull();
  });

  it('shows a refused upload in words and keeps the form', async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ errors: { files: ['a.exe: extension not allowed'] } }), { status: 400 }));
    const { fixture, host, panel } = await render();
    panel['prompt'].set('Extract');
    panel['files'].set([new File(['x'], 'a.exe')]);
    await panel['submit']();
    await fixture.whenStable();
    expect(host.querySelector('[data-testid=create-error]')?.textContent).toContain('The documents were refused: a.exe: extension not allowed');
    expect(fake.count('CreateJob')).toBe(0);
    expect(panel['prompt']()).toBe('Extract');
  });

  it('allows at most ten documents', async () => {
    const { fixture, host, panel } = await render();
    panel['prompt'].set('x');
    panel['files'].set(Array.from({ length: 11 }, (_, i) => new File(['x'], `f${i}.md`)));
    await panel['submit']();
    await fixture.whenStable();
    expect(host.textContent).toContain('At most 10 documents per job.');
    expect(fetchMock).not.toHaveBeenCalled();
  });
  it('creates copies one after the other, each with its own document set, and shows the queue', async () => {
    let uploads = 0;
    fetchMock.mockImplementation(async () => {
      uploads++;
      return new Response(JSON.stringify({ document_set_id: `set-${uploads}`, document_dir: `/ws/uploads/set-${uploads}`, files: [{ name: 'spec.md', size: 10 }] }), { status: 201 });
    });
    let made = 0;
    fake.on('CreateJob', () => ({ createJob: job({ id: `copy-${++made}`, status: 'pending', dispatch: 'auto' }) }));
    const { fixture, host, panel } = await render();
    const reveal = vi.spyOn(TestBed.inject(LayoutService), 'reveal');
    panel['prompt'].set('Extract');
    panel['files'].set([new File(['The system shall log.'], 'spec.md', { type: 'text/markdown' })]);
    const copies = host.querySelector('[data-testid=create-copies]') as HTMLInputElement;
    copies.value = '3';
    copies.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(host.querySelector('[data-testid=create-submit]')?.textContent).toContain('Create 3 jobs');
    await panel['submit']();

    const sets = fake.requests.filter((r) => r.operation === 'CreateJob').map((r) => (r.variables['input'] as Record<string, unknown>)['documentSetId']);
    expect(sets).toEqual(['set-1', 'set-2', 'set-3']);
    expect(TestBed.inject(Router).url).toBe('/jobs/copy-3');
    expect(reveal).toHaveBeenCalledWith(PanelIds.queues);
    expect(panel['copies']()).toBe('1');
  });

  it('refuses copies out of range before sending, and says how many were made when one copy fails', async () => {
    const { fixture, host, panel } = await render();
    panel['prompt'].set('Extract');
    panel['copies'].set('51');
    await panel['submit']();
    await fixture.whenStable();
    expect(fake.count('CreateJob')).toBe(0);
    expect(host.querySelector('[data-testid=create-error-copies]')?.textContent).toContain('from 1 to 50');

    let made = 0;
    fake.on('CreateJob', () => {
      if (++made === 3) throw new GraphQLRequestError('graphql', [{ message: 'the database is away', code: 'UNAVAILABLE' }]);
      return { createJob: job({ id: `copy-${made}` }) };
    });
    panel['copies'].set('5');
    await panel['submit']();
    await fixture.whenStable();
    expect(fake.count('CreateJob')).toBe(3);
    expect(host.querySelector('[data-testid=create-partial]')?.textContent).toContain('2 of 5 jobs were created');
    expect(host.querySelector('[data-testid=create-error]')).not.toBeNull();
    expect(panel['prompt']()).toBe('Extract');
  });
});
