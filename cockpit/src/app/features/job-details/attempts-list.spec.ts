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
      { number: 1, agentId: 'aaaaaaaa-1111', agentName: null, startedAt: '2026-12-05T10:00:00Z', endedAt: '2026-12-05T10:01:05Z', outcome: 'lost', error: 'agent went offline' },
      { number: 2, agentId: 'bbbbbbbb-2222', agentName: 'agent-2', startedAt: '2026-12-05T10:01:20Z', endedAt: null, outcome: 'running', error: null },
    ]);
    fixture.detectChanges();
    const items = [...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="attempts"] li')];

    expect(items.map((i) => i.getAttribute('data-outcome'))).toEqual(['lost', 'running']);
    expect(items[0].textContent).toContain('aaaaaaaa');
    expect(items[0].textContent).toContain('agent lost');
    expect(items[0].textContent).toContain('1m 5s');
    expect(items[0].querySelector('[data-testid="attempt-error"]')?.textContent).toBe('agent went offline');
    expect(items[1].textContent).toContain('agent-2');
    expect(items[1].querySelector('[data-testid="attempt-error"]')).toBeNull();
  });
});
