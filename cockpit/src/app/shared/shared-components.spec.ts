import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Markdown } from './markdown/markdown';
import { ProgressBar } from './progress-bar/progress-bar';
import { StateView } from './state-view/state-view';
import { StatusBadge } from './status-badge/status-badge';

@Component({
  imports: [StatusBadge, ProgressBar, StateView, Markdown],
  template: `
    <app-status-badge [status]="status()" />
    <app-progress-bar [value]="progress()" />
    <app-state-view [hasData]="hasData()" [empty]="empty()" [error]="error()" [cachedAt]="cachedAt()"><p class="content">content</p></app-state-view>
    <app-markdown [text]="markdown()" />
  `,
})
class Host {
  status = signal('processing');
  progress = signal<number | null>(42.4);
  hasData = signal(false);
  empty = signal(false);
  error = signal<{ key: string } | null>(null);
  cachedAt = signal<string | null>(null);
  markdown = signal('# Plan\n\n<img src=x onerror="alert(1)"><script>alert(2)</script>\n\n- step\n- [link](javascript:alert(3))\n\n<iframe src="https://evil.example"></iframe>');
}

describe('shared components', () => {
  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('status badge: the seed’s status class and the translated word', async () => {
    const { host } = await render();
    const badge = host.querySelector('.badge') as HTMLElement;
    expect(badge.classList).toContain('status-processing');
    expect(badge.textContent?.trim()).toBe('processing');
  });

  it('progress bar: rounded value, indeterminate without one', async () => {
    const { fixture, host } = await render();
    expect(host.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('42');
    fixture.componentInstance.progress.set(null);
    await fixture.whenStable();
    expect(host.querySelector('[role=progressbar]')?.classList).toContain('indeterminate');
  });

  it('state view: loading, then error with retry, then content with an offline notice', async () => {
    const { fixture, host } = await render();
    expect(host.querySelector('[data-testid=loading-state]')).not.toBeNull();
    fixture.componentInstance.error.set({ key: 'errors.network' });
    await fixture.whenStable();
    expect(host.querySelector('[data-testid=error-state]')?.textContent).toContain('The server cannot be reached.');
    fixture.componentInstance.hasData.set(true);
    fixture.componentInstance.cachedAt.set('2026-11-24T09:00:00Z');
    await fixture.whenStable();
    expect(host.querySelector('.content')).not.toBeNull();
    expect(host.querySelector('[data-testid=cached-notice]')?.textContent).toContain('Offline');
    fixture.componentInstance.empty.set(true);
    await fixture.whenStable();
    expect(host.querySelector('[data-testid=empty-state]')).not.toBeNull();
  });

  it('markdown (HTML injection attack path): renders headings and lists, strips scripts, event handlers, javascript: links and frames', async () => {
    const { fixture, host } = await render();
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(host.querySelector('.markdown h1')?.textContent).toBe('Plan');
    });
    const html = host.querySelector('.markdown')?.innerHTML ?? '';
    expect(html).toContain('<li>step</li>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('onerror');
    // Angular neutralises the link ("unsafe:javascript:…" is no URL a browser runs).
    expect(html).not.toMatch(/href="javascript:/);
    expect(html).not.toContain('<iframe');
  });
});
