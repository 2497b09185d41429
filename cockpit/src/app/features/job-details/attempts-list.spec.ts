import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FakeGraphQLClient } from '../../../testing/fake-graphql-client';
import { panelTestProviders } from '../../../testing/providers';
import { AttemptsList, type AttemptView } from './attempts-list';

@Component({ imports: [AttemptsList], template: `<app-attempts-list [attempts]="attempts()" />` })
class Host {
  readonly attempts = signal<AttemptView[]>([]);
}

describe('AttemptsList', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: panelTestProviders(new FakeGraphQLClient()) }));

  it('says when a job has not started', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="attempts-empty"]')).not.toBeNull();
  });

  it('shows each attempt with its agent, times, outcome and error', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.attempts.set([
      { attempt: 1, agentId: 'aaaaaaaa-1111', agent: null, startedAt: '2026-12-05T10:00:00Z', endedAt: '2026-12-05T10:01:05Z', outcome: 'lost', error: 'agent went offline' },
      { attempt: 2, agentId: 'bbbbbbbb-2222', agent: { id: 'bbbbbbbb-2222', hostname: 'agent-2', labels: { gpu: 'true' } }, startedAt: '2026-12-05T10:01:20Z', endedAt: null, outcome: 'running', error: null },
      { attempt: 3, agentId: 'cccccccc-3333', agent: null, startedAt: '2026-12-05T10:02:00Z', endedAt: '2026-12-05T10:03:00Z', outcome: 'timed_out', error: 'exceeded 60 s' },
    ]);
    fixture.detectChanges();
    const items = [...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="attempts"] li')];

    expect(items.map((i) => i.getAttribute('data-outcome'))).toEqual(['lost', 'running', 'timed_out']);
    expect(items[0].querySelector('[data-testid="attempt-agent"]')?.textContent).toContain('aaaaaaaa');
    expect(items[0].textContent).toContain('agent gone');
    expect(items[0].textContent).toContain('agent lost');
    expect(items[2].textContent).toContain('timed out');
    expect(items[0].textContent).toContain('1m 5s');
    expect(items[0].querySelector('[data-testid="attempt-error"]')?.textContent).toBe('agent went offline');
    expect(items[1].querySelector('[data-testid="attempt-agent"]')?.textContent?.trim()).toBe('agent-2');
    expect(items[1].querySelector('.label-chip')?.textContent).toBe('gpu=true');
    expect(items[1].querySelector('[data-testid="attempt-error"]')).toBeNull();
  });
});
