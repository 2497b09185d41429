import { TestBed } from '@angular/core/testing';
import { FakeAuth } from '../../../testing/fake-auth';
import { FakeGraphQLClient, settle } from '../../../testing/fake-graphql-client';
import { panelTestProviders } from '../../../testing/providers';
import { type ApiToken, type CreatedApiToken, type NewApiToken, TokenRequestError, TokensService } from '../../core/data/tokens.service';
import { MAX_LIFETIME_DAYS, TokensPanel, dateInputValue, endOfDay } from './tokens.panel';

const token = (extra: Partial<ApiToken> = {}): ApiToken => ({
  id: 't1', name: 'nightly cleanup', role: 'operator', createdBy: 'dev admin (dev)', createdAt: '2026-12-05T10:00:00Z', expiresAt: null, expired: false, ...extra,
});

/** TokensService in memory: what the panel asked for, and what the server would answer. */
class FakeTokens {
  tokens: ApiToken[] = [token()];
  created: NewApiToken[] = [];
  revoked: string[] = [];
  listCalls = 0;
  failCreate: TokenRequestError | null = null;

  async list(): Promise<ApiToken[]> {
    this.listCalls++;
    return [...this.tokens];
  }

  async create(request: NewApiToken): Promise<CreatedApiToken> {
    this.created.push(request);
    if (this.failCreate) throw this.failCreate;
    const made = { ...token({ id: `t${this.tokens.length + 1}`, name: request.name, role: request.role, expiresAt: request.expiresAt }), token: 'cockpit_0123_secret' };
    this.tokens.unshift(made);
    return made;
  }

  async revoke(id: string): Promise<void> {
    this.revoked.push(id);
    this.tokens = this.tokens.filter((t) => t.id !== id);
  }
}

describe('TokensPanel', () => {
  let tokens: FakeTokens;

  function setUp(auth = new FakeAuth('admin')) {
    tokens = new FakeTokens();
    TestBed.configureTestingModule({ providers: [...panelTestProviders(new FakeGraphQLClient(), auth), { provide: TokensService, useValue: tokens }] });
  }

  async function render() {
    const fixture = TestBed.createComponent(TokensPanel);
    await settle();
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const $ = <T extends Element = HTMLElement>(selector: string) => host.querySelector<T & Element>(selector) as T | null;
    const type = (selector: string, value: string, event = 'input') => {
      const input = $<HTMLInputElement | HTMLSelectElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event(event));
    };
    const submit = async () => {
      $<HTMLFormElement>('[data-testid=token-create]')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle();
      await fixture.whenStable();
    };
    return { fixture, host, $, type, submit };
  }

  afterEach(() => vi.unstubAllGlobals());

  it('is for admins: an operator is told so and nothing is asked of the server', async () => {
    setUp(new FakeAuth('operator'));
    const { $ } = await render();
    expect($('[data-testid=tokens-admin-only]')?.textContent).toContain('admins');
    expect($('[data-testid=token-create]')).toBeNull();
    expect(tokens.listCalls).toBe(0);
  });

  it('lists name, role, creator and expiry, "never" when there is none', async () => {
    setUp();
    tokens.tokens.push(token({ id: 't2', name: 'ci', role: 'admin', expiresAt: '2027-01-31T00:00:00Z', expired: true }));
    const { host } = await render();
    const rows = [...host.querySelectorAll('[data-testid=token-list] tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-token-id'))).toEqual(['t1', 't2']);
    expect(rows[0].textContent).toContain('nightly cleanup');
    expect(rows[0].textContent).toContain('operator');
    expect(rows[0].textContent).toContain('by dev admin (dev)');
    expect(rows[0].textContent).toContain('never');
    expect(rows[1].textContent).toContain('2027');
    expect(rows[1].querySelector('[data-testid=token-expired]')).not.toBeNull();
  });

  it('creates a token, shows its secret once with a warning and a copy button, and lists it without the secret', async () => {
    setUp();
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { $, type, submit, fixture, host } = await render();
    type('[data-testid=token-name]', '  deploy bot  ');
    type('[data-testid=token-role]', 'admin', 'change');
    type('[data-testid=token-expiry]', '2027-01-31');
    await fixture.whenStable(); // as in a browser, the page renders what was typed before the click
    await submit();

    expect(tokens.created).toEqual([{ name: 'deploy bot', role: 'admin', expiresAt: endOfDay('2027-01-31') }]);
    const secret = $('[data-testid=token-secret]')!;
    expect(secret.textContent).toContain('you will not see it again');
    expect($<HTMLInputElement>('[data-testid=token-secret-value]')!.value).toBe('cockpit_0123_secret');
    $<HTMLButtonElement>('[data-testid=token-copy]')!.click();
    await settle();
    await fixture.whenStable();
    expect(writeText).toHaveBeenCalledWith('cockpit_0123_secret');
    expect($('[data-testid=token-copied]')).not.toBeNull();
    expect(host.querySelector('[data-testid=token-list] tbody tr')?.getAttribute('data-token-id')).toBe('t2');
    expect(host.querySelector('[data-testid=token-list]')?.textContent).not.toContain('cockpit_0123_secret');
    expect($<HTMLInputElement>('[data-testid=token-name]')!.value).toBe('');

    $<HTMLButtonElement>('[data-testid=token-secret-dismiss]')!.click();
    await fixture.whenStable();
    expect($('[data-testid=token-secret]')).toBeNull();
    expect(host.textContent).not.toContain('cockpit_0123_secret');
  });

  it('says so when the clipboard is not available, and the secret stays there to copy by hand', async () => {
    setUp();
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn().mockRejectedValue(new Error('denied')) } });
    const { $, type, submit, fixture } = await render();
    type('[data-testid=token-name]', 'ci');
    await submit();
    $<HTMLButtonElement>('[data-testid=token-copy]')!.click();
    await settle();
    await fixture.whenStable();
    expect($('[data-testid=token-copy-failed]')).not.toBeNull();
    expect($<HTMLInputElement>('[data-testid=token-secret-value]')!.value).toBe('cockpit_0123_secret');
  });

  it('asks for a name before asking the server', async () => {
    setUp();
    const { $, type, submit } = await render();
    type('[data-testid=token-name]', '   ');
    await submit();
    expect(tokens.created).toEqual([]);
    expect($('[data-testid=token-name-error]')?.textContent).toContain('name');
  });

  it('shows the server’s message beside the field it names, and no secret', async () => {
    setUp();
    tokens.failCreate = new TokenRequestError({ key: 'errors.badInput', detail: 'expires_at must be in the future' }, { expires_at: 'must be in the future' });
    const { $, type, submit } = await render();
    type('[data-testid=token-name]', 'ci');
    type('[data-testid=token-expiry]', '2001-01-01');
    await submit();
    expect($('[data-testid=token-expiry-error]')?.textContent).toContain('must be in the future');
    expect($('[data-testid=token-create-error]')?.textContent).toContain('Invalid input');
    expect($('[data-testid=token-secret]')).toBeNull();
  });

  it('revokes after confirmation and drops the row; a declined confirmation changes nothing', async () => {
    setUp();
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal('confirm', confirm);
    const { host, fixture } = await render();
    const revoke = () => (host.querySelector('[data-token-id=t1] [data-testid=token-revoke]') as HTMLButtonElement).click();

    revoke();
    await settle();
    expect(tokens.revoked).toEqual([]);
    revoke();
    await settle();
    await fixture.whenStable();
    expect(confirm).toHaveBeenLastCalledWith(expect.stringContaining('nightly cleanup'));
    expect(tokens.revoked).toEqual(['t1']);
    expect(host.querySelector('[data-token-id=t1]')).toBeNull();
    expect(host.querySelector('[data-testid=empty-state]')?.textContent).toContain('No tokens yet');
  });

  it('offers expiry days from today to the server’s ten-year limit', async () => {
    setUp();
    const { $ } = await render();
    const input = $<HTMLInputElement>('[data-testid=token-expiry]')!;
    expect(input.min).toBe(dateInputValue(new Date()));
    const max = new Date(`${input.max}T12:00:00`).getTime();
    expect(Math.round((max - Date.now()) / 86_400_000)).toBeLessThan(MAX_LIFETIME_DAYS);
    expect(Math.round((max - Date.now()) / 86_400_000)).toBeGreaterThan(MAX_LIFETIME_DAYS - 3);
    expect(dateInputValue(new Date(2027, 0, 5))).toBe('2027-01-05');
  });

  it('turns a date into the end of that day in this time zone, and refuses anything else', () => {
    const end = new Date(endOfDay('2027-01-31')!);
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([2027, 0, 31, 23, 59]);
    expect(endOfDay('31.01.2027')).toBeNull();
    expect(endOfDay('')).toBeNull();
  });
});
