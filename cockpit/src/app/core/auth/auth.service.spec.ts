import { TestBed } from '@angular/core/testing';
import { AUTH_URL, AuthService, RELOAD_PAGE, toMe } from './auth.service';

const me = (extra: Record<string, unknown> = {}) => ({
  signed_in: false, login: null, name: null, role: 'viewer', csrf_token: null, guest_role: 'viewer', dev_login: false, oidc: false, ...extra,
});

describe('AuthService', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  let reloads: number;

  beforeEach(() => {
    reloads = 0;
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    TestBed.configureTestingModule({ providers: [{ provide: AUTH_URL, useValue: '/auth' }, { provide: RELOAD_PAGE, useValue: () => reloads++ }] });
  });

  afterEach(() => vi.unstubAllGlobals());

  const answer = (status: number, body: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status });
  const calls = () => fetchMock.mock.calls.map(([url, init]) => `${(init as RequestInit).method} ${url as string}`);

  it('opens a guest session when there is none and guests may act, and then knows the role and the CSRF token', async () => {
    fetchMock
      .mockResolvedValueOnce(answer(200, me()))
      .mockResolvedValueOnce(answer(200, me({ signed_in: true, login: 'guest', role: 'operator', csrf_token: 't0k' })));
    const auth = TestBed.inject(AuthService);
    await auth.start();
    expect(calls()).toEqual(['GET /auth/me', 'POST /auth/guest-login']);
    expect([auth.role(), auth.canOperate(), auth.canAdmin()]).toEqual(['operator', true, false]);
    expect(auth.csrfHeaders()).toEqual({ 'X-CSRF-Token': 't0k' });
  });

  it('keeps an existing session and does not sign in as a guest when guests are off', async () => {
    fetchMock.mockResolvedValueOnce(answer(200, me({ role: 'none', guest_role: 'none' })));
    const auth = TestBed.inject(AuthService);
    await auth.start();
    expect(calls()).toEqual(['GET /auth/me']);
    expect([auth.role(), auth.canRead()]).toEqual(['none', false]);
    expect(auth.csrfHeaders()).toEqual({});
  });

  it('dev login sends the role with the CSRF header and reloads; a refused one reports instead', async () => {
    fetchMock.mockResolvedValueOnce(answer(200, me({ signed_in: true, login: 'guest', csrf_token: 'abc', dev_login: true })));
    const auth = TestBed.inject(AuthService);
    await auth.start();
    fetchMock.mockResolvedValueOnce(answer(200, me({ signed_in: true, login: 'dev', role: 'admin', csrf_token: 'new' })));
    await auth.devLogin('admin');
    const [, init] = fetchMock.mock.calls.at(-1)!;
    expect(JSON.parse((init as RequestInit).body as string)).toEqual({ role: 'admin' });
    expect((init as RequestInit).headers).toMatchObject({ 'X-CSRF-Token': 'abc' });
    expect(reloads).toBe(1);

    fetchMock.mockResolvedValueOnce(answer(429, { title: 'Rate limit reached.' }));
    await auth.devLogin('admin');
    expect(reloads).toBe(1);
    expect(auth.error()).toBe('auth.tooMany');
  });

  it('reads the server answer field by field', () => {
    expect(toMe({ signed_in: true, role: 'root', login: 'x', csrf_token: 5 })).toMatchObject({ signedIn: true, role: 'none', login: null, csrfToken: null });
  });
});
