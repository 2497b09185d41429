import { Injectable, InjectionToken, inject } from '@angular/core';
import { AuthService } from '../auth/auth.service';
import type { UserError } from '../errors/user-error';

/** Where the API token endpoints live (REST only: tokens are for scripts, not part of the GraphQL schema); tests replace it. */
export const TOKENS_URL = new InjectionToken<string>('TOKENS_URL', { providedIn: 'root', factory: () => '/api/tokens' });

export type TokenRole = 'viewer' | 'operator' | 'admin';
export const TOKEN_ROLES: readonly TokenRole[] = ['viewer', 'operator', 'admin'];

/** A token as GET /api/tokens lists it: never its secret. */
export interface ApiToken {
  id: string;
  name: string;
  role: TokenRole;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  /** Past its expiry: refused by the server, listed until revoked. */
  expired: boolean;
}

/** The answer of POST /api/tokens: the token and, this once, its secret. */
export interface CreatedApiToken extends ApiToken {
  token: string;
}

export interface NewApiToken {
  name: string;
  role: TokenRole;
  /** An ISO time with a zone, or null for a token that never expires. */
  expiresAt: string | null;
}

/** A refused or failed token request in user terms; `fields` holds the server's message per bad field (name, role, expires_at). */
export class TokenRequestError extends Error {
  constructor(
    readonly error: UserError,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(error.detail ?? error.key);
    this.name = 'TokenRequestError';
  }
}

/**
 * API tokens for scripts (admin only; docs/adr/0011-api-tokens.md): list, create (the answer holds the secret, which
 * the server never shows again), revoke. State-changing calls carry the session's CSRF token like every other.
 */
@Injectable({ providedIn: 'root' })
export class TokensService {
  private readonly url = inject(TOKENS_URL);
  private readonly auth = inject(AuthService);

  async list(): Promise<ApiToken[]> {
    const body = await this.send('GET', this.url);
    return Array.isArray(body) ? body.map((t) => toToken(t as Record<string, unknown>)) : [];
  }

  async create(request: NewApiToken): Promise<CreatedApiToken> {
    const body = (await this.send('POST', this.url, {
      name: request.name,
      role: request.role,
      ...(request.expiresAt ? { expires_at: request.expiresAt } : {}),
    })) as Record<string, unknown>;
    const token = body?.['token'];
    if (typeof token !== 'string' || token === '') throw new TokenRequestError({ key: 'errors.unexpected' });
    return { ...toToken(body), token };
  }

  /** Revokes at once on every silo. A token that is already gone counts as revoked. */
  async revoke(id: string): Promise<void> {
    await this.send('DELETE', `${this.url}/${encodeURIComponent(id)}`, undefined, [404]);
  }

  private async send(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown, alsoFine: number[] = []): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(method === 'GET' ? {} : this.auth.csrfHeaders()),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new TokenRequestError({ key: 'errors.network' });
    }
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (response.ok || alsoFine.includes(response.status)) return json;
    throw problemError(response.status, json as Record<string, unknown> | null);
  }
}

/** A problem-details answer as a TokenRequestError: 400 names each bad field, the rest say what kind of refusal it was. */
function problemError(status: number, problem: Record<string, unknown> | null): TokenRequestError {
  if (status === 400) {
    const errors = (problem?.['errors'] ?? {}) as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const [field, messages] of Object.entries(errors)) {
      if (Array.isArray(messages)) fields[field] = messages.filter((m) => typeof m === 'string').join('; ');
    }
    const detail = Object.entries(fields).map(([field, message]) => `${field} ${message}`).join('; ');
    return new TokenRequestError({ key: 'errors.badInput', detail: detail || undefined }, fields);
  }
  if (status === 401) return new TokenRequestError({ key: 'errors.signIn' });
  if (status === 403) return new TokenRequestError({ key: 'errors.forbidden' });
  if (status === 404) return new TokenRequestError({ key: 'errors.notFound' });
  if (status === 429) return new TokenRequestError({ key: 'errors.tooMany' });
  return new TokenRequestError({ key: 'errors.server' });
}

/** The server's snake_case token, checked field by field. */
export function toToken(json: Record<string, unknown>): ApiToken {
  const text = (key: string) => (typeof json[key] === 'string' ? (json[key] as string) : '');
  const role = json['role'];
  return {
    id: text('id'),
    name: text('name'),
    role: role === 'viewer' || role === 'operator' || role === 'admin' ? role : 'viewer',
    createdBy: text('created_by'),
    createdAt: text('created_at'),
    expiresAt: typeof json['expires_at'] === 'string' ? json['expires_at'] : null,
    expired: json['expired'] === true,
  };
}
