import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FakeAuth } from '../../testing/fake-auth';
import { FakeGraphQLClient, settle } from '../../testing/fake-graphql-client';
import { panelTestProviders } from '../../testing/providers';
import { DatabaseBrowserPanel } from './database-browser/database-browser.panel';
import { JobCreatePanel } from './job-create/job-create.panel';

/** Panels hide or disable what the person's role may not do (the server refuses it anyway). */
describe('role gating', () => {
  let fake: FakeGraphQLClient;

  function setUp(auth: FakeAuth) {
    fake = new FakeGraphQLClient()
      .on('Configs', () => ({ configs: [] }))
      .on('Tables', () => ({ tables: [{ name: 'jobs', rowCount: 1, columns: [] }] }));
    TestBed.configureTestingModule({ providers: panelTestProviders(fake, auth) });
  }

  async function render<T>(component: Type<T>) {
    const fixture = TestBed.createComponent(component);
    await settle();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('a viewer is told it may not create jobs, and the form is disabled', async () => {
    setUp(new FakeAuth('viewer'));
    const host = await render(JobCreatePanel);
    expect(host.querySelector('[data-testid=create-readonly]')?.textContent).toContain('viewer');
    expect((host.querySelector('[data-testid=create-submit]') as HTMLButtonElement).matches(':disabled')).toBe(true);
  });

  it('an operator may create jobs', async () => {
    setUp(new FakeAuth('operator'));
    const host = await render(JobCreatePanel);
    expect(host.querySelector('[data-testid=create-readonly]')).toBeNull();
    expect((host.querySelector('[data-testid=create-submit]') as HTMLButtonElement).matches(':disabled')).toBe(false);
  });

  it('the database browser is for admins: an operator neither sees nor asks for tables', async () => {
    setUp(new FakeAuth('operator'));
    const host = await render(DatabaseBrowserPanel);
    expect(host.querySelector('[data-testid=db-admin-only]')).not.toBeNull();
    expect(fake.requests.map((r) => r.operation)).not.toContain('Tables');
  });

  it('where development sign-in is on, the admins-only notice says how to become one; elsewhere it does not', async () => {
    const withDev = new FakeAuth('operator');
    setUp(withDev);
    expect((await render(DatabaseBrowserPanel)).querySelector('[data-testid=dev-hint]')?.textContent).toContain('Sign in as admin');
    TestBed.resetTestingModule();
    const without = new FakeAuth('operator');
    without.set('operator', { devLogin: false });
    setUp(without);
    expect((await render(DatabaseBrowserPanel)).querySelector('[data-testid=dev-hint]')).toBeNull();
  });

  it('an admin browses the tables', async () => {
    setUp(new FakeAuth('admin'));
    const host = await render(DatabaseBrowserPanel);
    expect(host.querySelector('[data-testid=db-admin-only]')).toBeNull();
    expect(fake.requests.map((r) => r.operation)).toContain('Tables');
  });
});
