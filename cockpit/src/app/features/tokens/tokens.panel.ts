import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { AuthService } from '../../core/auth/auth.service';
import { type ApiToken, type CreatedApiToken, TOKEN_ROLES, type TokenRole, TokenRequestError, TokensService } from '../../core/data/tokens.service';
import type { UserError } from '../../core/errors/user-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { formatDateTime } from '../../shared/format/format';
import { StateView } from '../../shared/state-view/state-view';

/** The end of `date` (yyyy-mm-dd, from a date input) in this browser's time zone, as an ISO time; null for none. */
/** The server takes expiries up to ten years away (ApiTokenRequestValidator.MaxLifetime). */
export const MAX_LIFETIME_DAYS = 3650;

/** A day as a date input writes it (yyyy-mm-dd), in this browser's time zone. */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function endOfDay(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const end = new Date(`${date}T23:59:59`);
  return Number.isNaN(end.getTime()) ? null : end.toISOString();
}

/**
 * API tokens for scripts and pipelines, admins only: the list (name, role, who made it and when, expiry), a form that
 * makes one and shows its secret once with a copy button, and revoke. The secret lives in this component only until it
 * is dismissed; it is never cached or stored.
 */
@Component({
  selector: 'app-tokens',
  imports: [StateView, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tokens.panel.html',
  styleUrl: './tokens.panel.css',
})
export class TokensPanel {
  protected readonly auth = inject(AuthService);
  private readonly tokens = inject(TokensService);
  private readonly i18n = inject(I18nService);
  protected readonly roles = TOKEN_ROLES;
  /** The days the date picker offers: today (its end is still ahead) to the server's limit. */
  protected readonly minExpiry = dateInputValue(new Date());
  protected readonly maxExpiry = dateInputValue(new Date(Date.now() + (MAX_LIFETIME_DAYS - 1) * 86_400_000));

  protected readonly list = signal<ApiToken[] | undefined>(undefined);
  protected readonly listError = signal<UserError | null>(null);

  protected readonly name = signal('');
  protected readonly role = signal<TokenRole>('viewer');
  protected readonly expiry = signal('');
  protected readonly creating = signal(false);
  protected readonly formError = signal<UserError | null>(null);
  protected readonly fieldErrors = signal<Readonly<Record<string, string>>>({});
  /** The token just made, secret included, until dismissed. */
  protected readonly created = signal<CreatedApiToken | null>(null);
  protected readonly copied = signal<'yes' | 'failed' | null>(null);

  protected readonly revoking = signal<string | null>(null);
  protected readonly revokeError = signal<{ id: string; error: UserError } | null>(null);

  constructor() {
    // Admins only: the list loads once the session says so (the server refuses anyone else anyway).
    effect(() => {
      if (this.auth.canAdmin()) untracked(() => void this.load());
    });
  }

  async load(): Promise<void> {
    this.listError.set(null);
    try {
      this.list.set(await this.tokens.list());
    } catch (error) {
      this.listError.set(asUserError(error));
    }
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    const name = this.name().trim();
    if (!name) {
      this.fieldErrors.set({ name: this.i18n.t('tokens.nameRequired') });
      return;
    }
    const expiresAt = this.expiry() ? endOfDay(this.expiry()) : null;
    if (this.expiry() && !expiresAt) {
      this.fieldErrors.set({ expires_at: this.i18n.t('tokens.expiryInvalid') });
      return;
    }
    this.creating.set(true);
    this.formError.set(null);
    this.fieldErrors.set({});
    try {
      const token = await this.tokens.create({ name, role: this.role(), expiresAt });
      this.created.set(token);
      this.copied.set(null);
      this.name.set('');
      this.expiry.set('');
      this.list.update((list) => [token, ...(list ?? []).filter((t) => t.id !== token.id)].map(withoutSecret));
    } catch (error) {
      this.formError.set(asUserError(error));
      if (error instanceof TokenRequestError) this.fieldErrors.set(error.fields);
    } finally {
      this.creating.set(false);
    }
  }

  protected async copy(): Promise<void> {
    const token = this.created()?.token;
    if (!token) return;
    try {
      await navigator.clipboard.writeText(token);
      this.copied.set('yes');
    } catch {
      // No clipboard (insecure context, denied): the field stays selectable for a manual copy.
      this.copied.set('failed');
    }
  }

  protected dismissSecret(): void {
    this.created.set(null);
    this.copied.set(null);
  }

  protected async revoke(token: ApiToken): Promise<void> {
    if (!confirm(this.i18n.t('tokens.confirmRevoke', { name: token.name }))) return;
    this.revoking.set(token.id);
    this.revokeError.set(null);
    try {
      await this.tokens.revoke(token.id);
      this.list.update((list) => list?.filter((t) => t.id !== token.id));
      if (this.created()?.id === token.id) this.dismissSecret();
    } catch (error) {
      this.revokeError.set({ id: token.id, error: asUserError(error) });
    } finally {
      this.revoking.set(null);
    }
  }

  protected when(iso: string | null): string {
    return formatDateTime(iso, this.i18n.locale());
  }

  protected selectAll(event: Event): void {
    (event.target as HTMLInputElement).select();
  }
}

function asUserError(error: unknown): UserError {
  return error instanceof TokenRequestError ? error.error : { key: 'errors.unexpected' };
}

/** The list keeps no secret, even for the token just made. */
function withoutSecret(token: ApiToken | CreatedApiToken): ApiToken {
  const { id, name, role, createdBy, createdAt, expiresAt, expired } = token;
  return { id, name, role, createdBy, createdAt, expiresAt, expired };
}
