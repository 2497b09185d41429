import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslatePipe } from '../i18n/translate.pipe';
import { ShortcutsService } from './shortcuts.service';

/** The `?` overlay: every shortcut and what it does. */
@Component({
  selector: 'app-shortcut-help',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (shortcuts.helpOpen()) {
      <div class="backdrop" (click)="shortcuts.helpOpen.set(false)"></div>
      <div class="dialog" role="dialog" aria-modal="true" [attr.aria-label]="'shortcuts.title' | t" data-testid="shortcut-help">
        <h2>{{ 'shortcuts.title' | t }}</h2>
        <dl>
          @for (s of shortcuts.list(); track s.key) {
            <dt><kbd>{{ s.key === ' ' ? 'Space' : s.key }}</kbd></dt><dd>{{ s.descriptionKey | t }}</dd>
          }
        </dl>
        <button type="button" (click)="shortcuts.helpOpen.set(false)">{{ 'actions.close' | t }}</button>
      </div>
    }
  `,
  styles: `
    .backdrop { position: fixed; inset: 0; background: rgb(0 0 0 / 45%); z-index: 10; }
    .dialog { position: fixed; top: 12vh; left: 50%; transform: translateX(-50%); z-index: 11; background: var(--panel-bg); color: var(--text-color);
      border: 1px solid var(--border-color); border-radius: 10px; padding: 1rem 1.4rem; min-width: 22rem; max-height: 76vh; overflow: auto;
      box-shadow: 0 12px 40px rgb(0 0 0 / 40%); }
    h2 { margin: 0 0 0.7rem; font-size: 1.05rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1rem; margin: 0 0 1rem; }
    dd { margin: 0; }
    kbd { font-family: var(--mono-font); background: var(--ctp-surface0); border: 1px solid var(--border-color); border-radius: 4px; padding: 0 0.4rem; }
  `,
})
export class ShortcutHelp {
  protected readonly shortcuts = inject(ShortcutsService);
}
