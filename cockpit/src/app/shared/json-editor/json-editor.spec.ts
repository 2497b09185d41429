import { TestBed } from '@angular/core/testing';
import { JsonEditor } from './json-editor';

describe('JsonEditor', () => {
  it('shows the error while the text is invalid and formats valid JSON', async () => {
    const fixture = TestBed.createComponent(JsonEditor);
    fixture.componentInstance.text.set('{"a":');
    await fixture.whenStable();
    const host: HTMLElement = fixture.nativeElement;
    expect(host.querySelector('[data-testid="json-error"]')?.textContent).toContain('line 1, column 6');
    expect(host.querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');

    fixture.componentInstance.text.set('{"a":1}');
    await fixture.whenStable();
    expect(host.querySelector('[data-testid="json-error"]')).toBeNull();
    (host.querySelector('button') as HTMLButtonElement).click();
    expect(fixture.componentInstance.text()).toBe('{\n  "a": 1\n}');
  });
});
