import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, computed, inject, output } from '@angular/core';
import { I18nService } from '../i18n/i18n.service';
import { LayoutService } from '../layout/layout.service';
import { PanelIds } from '../layout/panel-ids';
import { TranslatePipe } from '../i18n/translate.pipe';
import { AuthService, type Role } from './auth.service';

type SignInRole = Exclude<Role, 'none'>;
const DEV_ROLES: readonly SignInRole[] = ['viewer', 'operator', 'admin'];

/**
 * The items of the user menu (see UserMenu), a chunk of their own: loaded when the menu first opens, so the first screen
 * does not carry them. Emits `done` after an item was chosen.
 */
@Component({
  selector: 'app-user-menu-items',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'menu', role: 'menu', 'data-testid': 'user-menu-items', '[attr.aria-label]': 'label()', '(keydown)': 'move($event)' },
  template: `
    @if (auth.me(); as me) {
      @if (me.devLogin) {
        <p class="heading" role="presentation">{{ 'auth.devHeading' | t }}</p>
        @for (role of devRoles; track role) {
          <button type="button" role="menuitemradio" data-testid="sign-in-as" [attr.data-role]="role"
                  [attr.aria-checked]="me.login === 'dev' && me.role === role" (click)="signInAs(role)">
            {{ 'auth.signInAs' | t: { role: ('role.' + role | t) } }}
          </button>
        }
      }
      @if (me.oidc && me.login !== 'oidc') {
        <a role="menuitem" data-testid="sso-login" [href]="auth.oidcLoginUrl()">{{ 'auth.sso' | t }}</a>
      }
      @if (auth.canAdmin()) {
        <button type="button" role="menuitem" data-testid="open-tokens" (click)="openTokens()">{{ 'panel.tokens' | t }}</button>
      }
      @if (me.signedIn && me.login !== 'guest') {
        <button type="button" role="menuitem" data-testid="logout" (click)="signOut()">{{ 'auth.logout' | t }}</button>
      }
    }
  `,
  styles: `
    :host { position: absolute; top: calc(100% + 0.3rem); right: 0; z-index: 50; min-width: 15rem; display: flex; flex-direction: column;
      padding: 0.3rem; background: var(--ctp-base); border: 1px solid var(--ctp-surface1); border-radius: 8px; box-shadow: 0 6px 20px rgb(0 0 0 / 0.35); }
    .heading { margin: 0.2rem 0.5rem 0.25rem; font-size: 0.7rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted-color); }
    button, a { text-align: left; background: none; border: 1px solid transparent; border-radius: 6px; padding: 0.3rem 0.5rem;
      font-size: 0.82rem; color: var(--text-color); text-decoration: none; cursor: pointer; white-space: nowrap; }
    button:hover, a:hover, button:focus-visible, a:focus-visible { background: var(--ctp-surface0); border-color: var(--accent-color); }
    [aria-checked='true']::after { content: ' ✓'; color: var(--ctp-green); }
  `,
})
export class UserMenuItems {
  protected readonly auth = inject(AuthService);
  private readonly layout = inject(LayoutService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly i18n = inject(I18nService);
  protected readonly devRoles = DEV_ROLES;
  protected readonly label = computed(() => this.i18n.t('auth.menu'));
  readonly done = output<void>();

  constructor() {
    // Opened by click or arrow key: the first item takes the focus, as in every menu.
    afterNextRender(() => this.items()[0]?.focus());
  }

  protected signInAs(role: SignInRole): void {
    this.done.emit();
    // The page reloads with the new session once the silo answers (AuthService.devLogin).
    void this.auth.devLogin(role);
  }

  protected openTokens(): void {
    this.done.emit();
    this.layout.reveal(PanelIds.tokens);
  }

  protected signOut(): void {
    this.done.emit();
    void this.auth.logout();
  }

  /** Up and down move between the items, Home and End jump to the ends (the menu pattern of WAI-ARIA). */
  protected move(event: KeyboardEvent): void {
    const items = this.items();
    if (items.length === 0) return;
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    items[(next + items.length) % items.length].focus();
  }

  private items(): HTMLElement[] {
    return [...this.host.nativeElement.querySelectorAll<HTMLElement>('[role^=menuitem]')];
  }
}
