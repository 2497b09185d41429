import { TestBed } from '@angular/core/testing';
import { FakeAuth, provideFakeAuth } from '../../../testing/fake-auth';
import { TOKENS_URL, TokenRequestError, TokensService, toToken } from './tokens.service';

const listed = (extra: Record<string, unknown> = {}) => ({
  id: 't1', name: 'nightly cleanup', role: 'operator', created_by: 'dev admin (dev)', created_at: '2026-12-05T10:00:00Z',
  expires_at: null, expired: false, ...extra,
});

describe('TokensService', () => {
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    TestBed.configureTestingModule({ providers: [provideFakeAuth(new FakeAuth('admin')), { provide: TOKENS_URL, useValue: '/t' }] });
  });

  afterEach(() => vi.unstubAllGlobals());

  const answer = (status: number, body?: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status });
  const call = (n = 0) => {
    const [url, init] = fetchMock.mock.calls[n] as [string, RequestInit];
    return { url, method: init.method, headers: init.headers as Record<string, string>, body: init.body ? JSON.parse(init.body as string) : undefined };
  };

  it('lists tokens without sending a CSRF header (a read)', async () => {
    fetchMock.mockResolvedValueOnce(answer(200, [listed(), listed({ id: 't2', role: 'admin', expires_at: '2027-01-31T00:00:00Z', expired: true })]));
    const tokens = await TestBed.inject(TokensService).list();
    expect(tokens).toEqual([
      { id: 't1', name: 'nightly cleanup', role: 'operator', createdBy: 'dev admin (dev)', createdAt: '2026-12-05T10:00:00Z', expiresAt: null, expired: false },
      { id: 't2', name: 'nightly cleanup', role: 'admin', createdBy: 'dev admin (dev)', createdAt: '2026-12-05T10:00:00Z', expiresAt: '2027-01-31T00:00:00Z', expired: true },
    ]);
    expect(call()).toMatchObject({ url: '/t', method: 'GET' });
    expect(call().headers['X-CSRF-Token']).toBeUndefined();
  });

  it('creates a token with the CSRF header, the expiry only when there is one, and returns the secret', async () => {
    fetchMock
      .mockResolvedValueOnce(answer(201, { ...listed(), token: 'cockpit_abc_def' }))
      .mockResolvedValueOnce(answer(201, { ...listed({ expires_at: '2027-01-31T22:59:59.000Z' }), token: 'cockpit_ghi_jkl' }));
    const service = TestBed.inject(TokensService);

    const created = await service.create({ name: 'nightly cleanup', role: 'operator', expiresAt: null });
    await service.create({ name: 'ci', role: 'viewer', expiresAt: '2027-01-31T22:59:59.000Z' });

    expect(created.token).toBe('cockpit_abc_def');
    expect(created.name).toBe('nightly cleanup');
    expect(call(0)).toMatchObject({ url: '/t', method: 'POST', body: { name: 'nightly cleanup', role: 'operator' } });
    expect(call(0).headers).toMatchObject({ 'X-CSRF-Token': 'csrf', 'content-type': 'application/json' });
    expect(call(1).body).toEqual({ name: 'ci', role: 'viewer', expires_at: '2027-01-31T22:59:59.000Z' });
  });

  it('turns a 400 into the server’s message per field', async () => {
    fetchMock.mockResolvedValueOnce(answer(400, { title: 'One or more validation errors occurred.', errors: { expires_at: ['must be in the future'], name: ['is required'] } }));
    const error = await TestBed.inject(TokensService).create({ name: '', role: 'viewer', expiresAt: '2000-01-01T00:00:00Z' }).catch((e) => e);
    expect(error).toBeInstanceOf(TokenRequestError);
    expect(error.fields).toEqual({ expires_at: 'must be in the future', name: 'is required' });
    expect(error.error.key).toBe('errors.badInput');
  });

  it('a creation answer without a secret is an error, not a token nobody can use', async () => {
    fetchMock.mockResolvedValueOnce(answer(201, listed()));
    await expect(TestBed.inject(TokensService).create({ name: 'x', role: 'viewer', expiresAt: null })).rejects.toMatchObject({ error: { key: 'errors.unexpected' } });
  });

  it('revokes with DELETE and the CSRF header; a token already gone counts as revoked', async () => {
    fetchMock.mockResolvedValueOnce(answer(204)).mockResolvedValueOnce(answer(404, { title: 'Not found' }));
    const service = TestBed.inject(TokensService);
    await service.revoke('t/1');
    await service.revoke('t2');
    expect(call(0)).toMatchObject({ url: '/t/t%2F1', method: 'DELETE' });
    expect(call(0).headers['X-CSRF-Token']).toBe('csrf');
  });

  it('says what kind of refusal it was: role, session, rate limit, network', async () => {
    const service = TestBed.inject(TokensService);
    for (const [status, key] of [[403, 'errors.forbidden'], [401, 'errors.signIn'], [429, 'errors.tooMany'], [500, 'errors.server']] as const) {
      fetchMock.mockResolvedValueOnce(answer(status, { title: 'x' }));
      await expect(service.list()).rejects.toMatchObject({ error: { key } });
    }
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(service.revoke('t1')).rejects.toMatchObject({ error: { key: 'errors.network' } });
  });

  it('reads the server answer field by field', () => {
    expect(toToken({ id: 5, name: 'x', role: 'root', expires_at: 7, expired: 'yes' })).toEqual({
      id: '', name: 'x', role: 'viewer', createdBy: '', createdAt: '', expiresAt: null, expired: false,
    });
  });
});
