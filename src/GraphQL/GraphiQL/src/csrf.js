// The session's CSRF token for GraphiQL's requests (docs/adr/0017-graphiql-csrf.md). The silo sets it with every session
// as the readable cookie below and wants it back in the header below on every POST of that session (double submit,
// docs/adr/0006; src/Silo/Security/SessionClaims.cs names both). A page of another site can read neither.

export const CSRF_COOKIE = 'cockpit_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** The token in a `document.cookie` string, or null when this browser has no session. */
export function csrfTokenFrom(cookies) {
  for (const part of (cookies ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === CSRF_COOKIE) {
      const value = part.slice(at + 1).trim();
      try {
        return decodeURIComponent(value) || null;
      } catch {
        return value || null;
      }
    }
  }
  return null;
}

/**
 * Wraps `fetch` so that each request carries the token read at that moment (a sign-in in the cockpit's tab changes it
 * without a reload here). A header the person typed into GraphiQL's header editor wins.
 */
export function withCsrfToken(fetchImpl, readCookies) {
  return (input, init = {}) => {
    const token = csrfTokenFrom(readCookies());
    if (!token) return fetchImpl(input, init);
    const headers = new Headers(init.headers);
    if (!headers.has(CSRF_HEADER)) headers.set(CSRF_HEADER, token);
    return fetchImpl(input, { ...init, headers, credentials: 'same-origin' });
  };
}
