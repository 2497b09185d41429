import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { checkJson } from './json-check';

/**
 * A JSON text field that checks as you type, says where the error is, and formats on request. Loaded through
 * @defer where it is used, so it stays out of the first bundle.
 */
@Component({
  selector: 'app-json-editor',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <textarea [id]="inputId()" class="mono" spellcheck="false" rows="6" [value]="text()" (input)="text.set($any($event.target).value)"
      [attr.aria-invalid]="!check().valid" [attr.aria-describedby]="inputId() + '-status'" [placeholder]="placeholder()"></textarea>
    <div class="status" [id]="inputId() + '-status'">
      @if (check(); as c) {
        @if (!c.valid) {
          <span class="invalid" data-testid="json-error">{{ 'json.invalid' | t: { line: c.line ?? '?', column: c.column ?? '?' } }} — {{ c.message }}</span>
        } @else if (text().trim()) {
          <span class="valid">{{ 'json.valid' | t }}</span>
        }
      }
      <button type="button" class="link" (click)="format()" [disabled]="!check().valid || !text().trim()">{{ 'json.format' | t }}</button>
    </div>
  `,
  styles: `
    :host { display: block; }
    textarea { width: 100%; box-sizing: border-box; resize: vertical; }
    textarea[aria-invalid='true'] { border-color: var(--ctp-red); }
    .status { display: flex; justify-content: space-between; gap: 0.5rem; font-size: 0.75rem; margin-top: 0.25rem; }
    .invalid { color: var(--ctp-red); }
    .valid { color: var(--ctp-green); }
  `,
})
export class JsonEditor {
  readonly text = model('');
  readonly requireObject = input(false);
  readonly inputId = input('json-editor');
  readonly placeholder = input('{ }');
  readonly check = computed(() => checkJson(this.text(), this.requireObject()));

  format(): void {
    const check = this.check();
    if (check.valid && check.value !== undefined) this.text.set(JSON.stringify(check.value, null, 2));
  }
}
