import { TestBed } from '@angular/core/testing';
import { DeferBlockBehavior } from '@angular/core/testing';
import { SelectionService } from '../../core/state/selection.service';
import { FakeGraphQLClient, settle } from '../../../testing/fake-graphql-client';
import { jobDetail } from '../../../testing/fixtures';
import { panelTestProviders } from '../../../testing/providers';
import { ChatHistoryPanel } from './chat-history.panel';

describe('ChatHistoryPanel per-call usage', () => {
  let fake: FakeGraphQLClient;

  beforeEach(() => {
    fake = new FakeGraphQLClient()
      .on('JobDetail', () => ({ job: jobDetail({ id: 'j1' }) }))
      .on('JobWorkspace', () => ({ job: null }))
      .on('JobChat', () => ({
        job: { id: 'j1', chat: [
          { index: 0, role: 'user', content: 'Extract', at: '2026-11-24T09:00:00Z', auditId: 'c1' },
          { index: 1, role: 'assistant', content: '[]', at: '2026-11-24T09:00:01Z', auditId: 'c1' },
          { index: 2, role: 'assistant', content: '[]', at: '2026-11-24T09:00:02Z', auditId: 'c2' },
        ] },
      }))
      .on('JobLlmCalls', () => ({
        job: { id: 'j1', audit: { nodes: [
          { id: 'c1', at: '2026-11-24T09:00:01Z', model: 'cockpit-demo', tokensIn: 1630, tokensOut: 1570, costUsd: 0.00477 },
          { id: 'c2', at: '2026-11-24T09:00:02Z', model: 'local-llama', tokensIn: 200, tokensOut: 10, costUsd: null },
        ], pageInfo: { hasNextPage: false, endCursor: null } } },
      }));
    TestBed.configureTestingModule({ imports: [ChatHistoryPanel], providers: panelTestProviders(fake), deferBlockBehavior: DeferBlockBehavior.Manual });
  });
  beforeEach(() => TestBed.compileComponents());

  it('shows tokens and cost on each answer, the demo LLM labelled, an unpriced call as unpriced (never $0)', async () => {
    TestBed.inject(SelectionService).selectJob('j1');
    const fixture = TestBed.createComponent(ChatHistoryPanel);
    await settle(5);
    await fixture.whenStable();
    const calls = [...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid=chat-call]')].map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
    expect(calls).toHaveLength(2);
    expect(calls[0]).toBe('demo LLM, not a language model 1,630 → 1,570 tok · $0.0048');
    expect(calls[1]).toBe('200 → 10 tok · unpriced');
  });
});
