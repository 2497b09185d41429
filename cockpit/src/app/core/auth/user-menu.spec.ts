import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { FakeAuth } from '../../../testing/fake-auth';
import { FakeGraphQLClient, settle } from '../../../testing/fake-graphql-client';
import { panelTestProviders } from '../../../testing/providers';
import { findPanel } from '../layout/layout-model';
import { LayoutService } from '../layout/layout.service';
import { PanelIds } from '../layout/panel-ids';
import { UserMenu } from './user-menu';

describe('UserMenu', () => {
  let auth: FakeAuth;

  beforeEach(() => localStorage.clear());

  async function render(setUp: (auth: FakeAuth) => void) {
    auth = new FakeAuth('operator');
    setUp(auth);
    TestBed.configureTestingModule({ imports: [UserMenu], providers: panelTestProviders(new FakeGraphQLClient(), auth), deferBlockBehavior: DeferBlockBehavior.Playthrough });
    await TestBed.compileComponents();
    const fixture = TestBed.createComponent(UserMenu);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const stable = async () => {
      await settle();
      await fixture.whenStable();
    };
    const openMenu = async () => {
      host.querySelector<HTMLButtonElement>('[data-testid=user-menu]')!.click();
      await stable();
    };
    const items = () => [...host.querySelectorAll<HTMLElement>('[role^=menuitem]')].map((i) => i.textContent!.trim());
    return { fixture, host, stable, openMenu, items };
  }

  afterEach(() => document.body.replaceChildren());

  it('with development sign-in on, offers to sign in as viewer, operator or admin, and does so', async () => {
    const { host, openMenu, items, stable } = await render((a) => a.set('operator', { signedIn: true, login: 'guest', devLogin: true }));
    expect(host.querySelector('[data-testid=role]')?.getAttribute('data-role')).toBe('operator');
    expect(host.querySelector('[data-testid=role]')?.textContent).toContain('Guest · operator');
    await openMenu();
    expect(items()).toEqual(['Sign in as viewer (development)', 'Sign in as operator (development)', 'Sign in as admin (development)']);
    host.querySelector<HTMLButtonElement>('[data-testid=sign-in-as][data-role=admin]')!.click();
    await stable();
    expect(auth.devLogins).toEqual(['admin']);
    expect(host.querySelector('[role=menu]')).toBeNull();
  });

  it('marks the role a development session has', async () => {
    const { host, openMenu } = await render((a) => a.set('viewer', { login: 'dev', devLogin: true }));
    await openMenu();
    const checked = [...host.querySelectorAll('[data-testid=sign-in-as]')].map((i) => [i.getAttribute('data-role'), i.getAttribute('aria-checked')]);
    expect(checked).toEqual([['viewer', 'true'], ['operator', 'false'], ['admin', 'false']]);
  });

  it('without development sign-in, a guest with nothing to choose sees the role as plain text, no menu', async () => {
    const { host } = await render((a) => a.set('viewer', { signedIn: true, login: 'guest', devLogin: false, oidc: false }));
    expect(host.querySelector('[data-testid=user-menu]')).toBeNull();
    expect(host.querySelector('[data-testid=role]')?.textContent).toContain('Guest · viewer');
  });

  it('offers single sign-on to a guest when a provider is configured', async () => {
    const { host, openMenu } = await render((a) => a.set('viewer', { signedIn: true, login: 'guest', devLogin: false, oidc: true }));
    await openMenu();
    expect(host.querySelector('[data-testid=sso-login]')?.getAttribute('href')).toBe('/api/auth/oidc-login?returnUrl=%2F');
    expect(host.querySelector('[data-testid=sign-in-as]')).toBeNull();
    expect(host.querySelector('[data-testid=logout]')).toBeNull();
  });

  it('gives admins the API tokens view, brought into the layout', async () => {
    const { host, openMenu, stable } = await render((a) => a.set('admin', { login: 'dev', devLogin: false }));
    const layout = TestBed.inject(LayoutService);
    layout.close(findPanel(layout.tree(), PanelIds.tokens)!.id, PanelIds.tokens);
    expect(findPanel(layout.tree(), PanelIds.tokens)).toBeUndefined();
    await openMenu();
    host.querySelector<HTMLButtonElement>('[data-testid=open-tokens]')!.click();
    await stable();
    const pane = findPanel(layout.tree(), PanelIds.tokens);
    expect(pane?.active).toBe(PanelIds.tokens);
  });

  it('keeps the API tokens view from operators', async () => {
    const { host, openMenu } = await render((a) => a.set('operator', { login: 'dev', devLogin: true }));
    await openMenu();
    expect(host.querySelector('[data-testid=open-tokens]')).toBeNull();
  });

  it('signs out a signed-in person', async () => {
    const { host, openMenu, stable } = await render((a) => a.set('admin', { login: 'oidc', devLogin: false, oidc: true }));
    await openMenu();
    expect(host.querySelector('[data-testid=sso-login]')).toBeNull();
    host.querySelector<HTMLButtonElement>('[data-testid=logout]')!.click();
    await stable();
    expect(auth.me()).toBeNull();
  });

  it('closes on Escape and on a click elsewhere; arrow keys move between the items', async () => {
    const { host, openMenu, stable } = await render((a) => a.set('operator', { login: 'dev', devLogin: true }));
    await openMenu();
    await new Promise((r) => setTimeout(r));
    const items = [...host.querySelectorAll<HTMLElement>('[role^=menuitem]')];
    expect(document.activeElement).toBe(items[0]);
    host.querySelector('[role=menu]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(document.activeElement).toBe(items.at(-1));

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await stable();
    expect(host.querySelector('[role=menu]')).toBeNull();
    expect(document.activeElement).toBe(host.querySelector('[data-testid=user-menu]'));

    await openMenu();
    expect(host.querySelector('[role=menu]')).not.toBeNull();
    document.body.click();
    await stable();
    expect(host.querySelector('[role=menu]')).toBeNull();
  });
});
