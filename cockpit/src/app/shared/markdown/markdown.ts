import { ChangeDetectionStrategy, Component, SecurityContext, effect, inject, input, signal } from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';

/**
 * Markdown (plan.md, workspace.md) rendered to HTML and sanitised by Angular's HTML sanitiser, which drops scripts,
 * event handlers and javascript: URLs. The parser (marked) is loaded on first use, outside the initial bundle.
 */
@Component({
  selector: 'app-markdown',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="markdown" [innerHTML]="html()"></div>`,
  styles: `
    .markdown { line-height: 1.5; overflow-wrap: anywhere; }
    .markdown :is(h1, h2, h3) { margin: 0.8em 0 0.4em; font-size: 1.05rem; }
    .markdown pre { background: var(--ctp-mantle); padding: 0.5rem; border-radius: 6px; overflow: auto; }
    .markdown code { font-family: var(--mono-font); font-size: 0.85em; }
    .markdown table { border-collapse: collapse; }
    .markdown td, .markdown th { border: 1px solid var(--border-color); padding: 0.2rem 0.4rem; }
  `,
})
export class Markdown {
  private readonly sanitizer = inject(DomSanitizer);
  readonly text = input<string | null | undefined>('');
  protected readonly html = signal('');

  constructor() {
    effect(() => {
      const text = this.text() ?? '';
      void renderMarkdown(text, this.sanitizer).then((html) => {
        if (this.text() === text || (this.text() ?? '') === text) this.html.set(html);
      });
    });
  }
}

/** Markdown to sanitised HTML. */
export async function renderMarkdown(text: string, sanitizer: DomSanitizer): Promise<string> {
  if (!text) return '';
  const { marked } = await import('marked');
  const raw = await marked.parse(text, { gfm: true, breaks: false, async: true });
  return sanitizer.sanitize(SecurityContext.HTML, raw) ?? '';
}
