import { Injectable, InjectionToken, computed, inject, signal } from '@angular/core';

export type Role = 'none' | 'viewer' | 'operator' | 'admin';

/** GET /api/auth/me, and the answer of every sign-in. */
export interface Me {
  signedIn: boolean;
  login: 'guest' | 'dev' | 'oidc' | null;
  name: string | null;
  role: Role;
  csrfToken: string | null;
  guestRole: Role;
  devLogin: boolean;
  oidc: boolean;
}

/** Where the sign-in endpoints live; tests replace it. */
export const AUTH_URL = new InjectionToken<string>('AUTH_URL', { providedIn: 'root', factory: () => '/api/auth' });

/** Reloads the page after the role changed, so every panel and the live socket start over with the new session. */
export const RELOAD_PAGE = new InjectionToken<() => void>('RELOAD_PAGE', {
  providedIn: 'root',
  factory: () => () => location.reload(),
});

const RANK: Record<Role, number> = { none: 0, viewer: 1, operator: 2, admin: 3 };

/** The CSRF cookie the server sets with a session (double submit: it must come back as the X-CSRF-Token header). */
export const CSRF_COOKIE = 'cockpit_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/**
 * Who the person is and what they may do. On start: the current session (GET /me), or a guest session when guests may
 * act, so that every later request (and the live socket) carries a session cookie. `can*` hide or disable what the role
 * lacks; the server checks every request anyway. State-changing requests add `csrfHeaders()`.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly url = inject(AUTH_URL);
  private readonly reload = inject(RELOAD_PAGE);
  private readonly current = signal<Me | null>(null);
  private readonly failure = signal<string | null>(null);

  /** The session, or null before the first answer. */
  readonly me = this.current.asReadonly();
  /** Why the last sign-in or sign-out did not work (an i18n key), or null. */
  readonly error = this.failure.asReadonly();
  readonly role = computed<Role>(() => this.current()?.role ?? 'none');
  readonly canRead = computed(() => RANK[this.role()] >= RANK.viewer);
  /** Create, assign, cancel, resume, upload. */
  readonly canOperate = computed(() => RANK[this.role()] >= RANK.operator);
  /** Delete, database browser. */
  readonly canAdmin = computed(() => RANK[this.role()] >= RANK.admin);

  /** Finds out who we are; opens a guest session when there is none and guests may act. Never rejects. */
  async start(): Promise<void> {
    const me = await this.call('GET', '/me');
    if (me && !me.signedIn && me.guestRole !== 'none') {
      this.current.set((await this.call('POST', '/guest-login')) ?? me);
    } else {
      this.current.set(me);
    }
  }

  /** Dev login (AUTH_DEV_LOGIN): signs in with any role, then reloads. */
  async devLogin(role: Exclude<Role, 'none'>): Promise<void> {
    const me = await this.call('POST', '/mock-login', { role });
    if (me) this.reload();
  }

  /** Ends the session, then reloads (the page comes back as a guest, or asks to sign in). */
  async logout(): Promise<void> {
    const answered = await this.call('POST', '/logout', undefined, true);
    if (answered !== null) this.reload();
  }

  /** The single sign-on page of the configured provider; back here afterwards. */
  oidcLoginUrl(): string {
    return `${this.url}/oidc-login?returnUrl=${encodeURIComponent(typeof location === 'undefined' ? '/' : location.pathname + location.search)}`;
  }

  /** The header a state-changing request of this session must carry (empty without a session). */
  csrfHeaders(): Record<string, string> {
    const token = this.current()?.csrfToken ?? readCookie(CSRF_COOKIE);
    return token ? { [CSRF_HEADER]: token } : {};
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown, noContent = false): Promise<Me | null> {
    try {
      const response = await fetch(this.url + path, {
        method,
        credentials: 'same-origin',
        headers: { accept: 'application/json', ...(method === 'POST' ? { 'content-type': 'application/json', ...this.csrfHeaders() } : {}) },
        body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
      });
      if (!response.ok) {
        this.failure.set(response.status === 429 ? 'auth.tooMany' : 'auth.failed');
        return null;
      }
      this.failure.set(null);
      if (noContent) return this.current();
      return toMe(await response.json());
    } catch {
      this.failure.set('errors.network');
      return null;
    }
  }
}

/** The server's snake_case answer, checked field by field. */
export function toMe(json: Record<string, unknown>): Me {
  const role = (value: unknown): Role => (value === 'viewer' || value === 'operator' || value === 'admin' ? value : 'none');
  const login = json['login'];
  return {
    signedIn: json['signed_in'] === true,
    login: login === 'guest' || login === 'dev' || login === 'oidc' ? login : null,
    name: typeof json['name'] === 'string' ? json['name'] : null,
    role: role(json['role']),
    csrfToken: typeof json['csrf_token'] === 'string' ? json['csrf_token'] : null,
    guestRole: role(json['guest_role']),
    devLogin: json['dev_login'] === true,
    oidc: json['oidc'] === true,
  };
}

function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  const found = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}
