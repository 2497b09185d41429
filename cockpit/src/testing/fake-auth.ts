import { computed, signal } from '@angular/core';
import { AuthService, type Me, type Role } from '../app/core/auth/auth.service';

/** A signed-in person with `role`, for component tests; `set` changes who it is mid-test. */
export class FakeAuth {
  private readonly current = signal<Me | null>(null);
  readonly me = this.current.asReadonly();
  readonly error = signal<string | null>(null);
  readonly role = computed<Role>(() => this.current()?.role ?? 'none');
  readonly canRead = computed(() => this.role() !== 'none');
  readonly canOperate = computed(() => this.role() === 'operator' || this.role() === 'admin');
  readonly canAdmin = computed(() => this.role() === 'admin');
  readonly devLogins: string[] = [];

  constructor(role: Role = 'admin') {
    this.set(role);
  }

  set(role: Role, extra: Partial<Me> = {}): void {
    this.current.set({ signedIn: true, login: 'dev', name: `dev ${role}`, role, csrfToken: 'csrf', guestRole: 'viewer', devLogin: true, oidc: false, ...extra });
  }

  async start(): Promise<void> {
    // already signed in
  }

  async devLogin(role: Role): Promise<void> {
    this.devLogins.push(role);
  }

  async logout(): Promise<void> {
    this.current.set(null);
  }

  oidcLoginUrl(): string {
    return '/api/auth/oidc-login?returnUrl=%2F';
  }

  csrfHeaders(): Record<string, string> {
    return { 'X-CSRF-Token': 'csrf' };
  }
}

export function provideFakeAuth(fake: FakeAuth) {
  return { provide: AuthService, useValue: fake };
}
