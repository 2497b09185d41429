import { TestBed } from '@angular/core/testing';
import { DeferBlockBehavior } from '@angular/core/testing';
import { Router } from '@angular/router';
import { FakeGraphQLClient, settle } from '../../../testing/fake-graphql-client';
import { job } from '../../../testing/fixtures';
import { panelTestProviders } from '../../../testing/providers';
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
      input: { prompt: 'Extract the requirements', configName: null, instructions: null, context: { customer: 'acme' }, documentSetId: 'set-1' },
    });
    expect(TestBed.inject(Router).url).toBe('/jobs/new-job');
    expect(panel['prompt']()).toBe('');
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
});
