import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { TranslatePipe } from '../i18n/translate.pipe';
import { AuthService } from './auth.service';
import { UserMenuItems } from './user-menu-items';

/**
 * Who is signed in (guest or signed in, and the role), and a menu of what that person can do about it
 * (UserMenuItems): sign in as viewer, operator or admin when the silo has development sign-in on (AUTH_DEV_LOGIN, as
 * under `make up`, so a newcomer reaches every panel), single sign-on when a provider is configured, the API tokens
 * view for admins, sign out. Without anything to offer the role is plain text, not a menu that opens empty.
 */
@Component({
  selector: 'app-user-menu',
  imports: [TranslatePipe, UserMenuItems],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:click)': 'closeIfOutside($event)',
    '(document:keydown.escape)': 'close(true)',
  },
  template: `
    @if (auth.me(); as me) {
      @if (hasItems()) {
        <button type="button" class="who" data-testid="user-menu" aria-haspopup="menu" [attr.aria-expanded]="open()"
                [attr.aria-label]="'auth.menu' | t" [title]="me.name ?? ''" (click)="open.set(!open())" (keydown.arrowdown)="open.set(true)">
          <span data-testid="role" [attr.data-role]="me.role">{{ whoKey() | t }} · {{ 'role.' + me.role | t }}</span>
          <span class="caret" aria-hidden="true">▾</span>
        </button>
        @if (open()) {
          @defer (on immediate) { <app-user-menu-items (done)="close()" /> }
        }
      } @else {
        <span class="who" data-testid="role" [attr.data-role]="me.role" [title]="me.name ?? ''">{{ whoKey() | t }} · {{ 'role.' + me.role | t }}</span>
      }
    }
  `,
  styles: `
    :host { position: relative; display: inline-flex; }
    .who { font-size: 0.78rem; padding: 0.1rem 0.45rem; border: 1px solid var(--border-color); border-radius: 999px; white-space: nowrap;
      background: none; display: inline-flex; gap: 0.3rem; align-items: center; }
    button.who:hover { border-color: var(--accent-color); }
    .caret { font-size: 0.7rem; color: var(--muted-color); }
  `,
})
export class UserMenu {
  protected readonly auth = inject(AuthService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly open = signal(false);

  protected readonly whoKey = computed(() => {
    const me = this.auth.me();
    return me?.login === 'guest' || !me?.signedIn ? 'auth.guest' : 'auth.signedIn';
  });
  protected readonly hasItems = computed(() => {
    const me = this.auth.me();
    return !!me && (me.devLogin || (me.oidc && me.login !== 'oidc') || this.auth.canAdmin() || (me.signedIn && me.login !== 'guest'));
  });

  close(returnFocus = false): void {
    if (!this.open()) return;
    this.open.set(false);
    if (returnFocus) this.host.nativeElement.querySelector<HTMLElement>('[data-testid=user-menu]')?.focus();
  }

  protected closeIfOutside(event: Event): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.close();
  }
}
