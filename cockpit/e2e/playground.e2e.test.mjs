// The playground as a newcomer meets it under `make up` (guests are operators, development sign-in is on), in real
// Chromium against a real silo: the user menu offers "Sign in as viewer / operator / admin (development)"; signed in as
// admin through it, the person deletes a job and opens the API tokens view from the menu, creates a token (its secret
// shown once, with a copy button), a script uses it, and revoking it in the view refuses it at once. Run by `npm run e2e`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CockpitPage, launchChromium, newCockpitContext } from './browser.mjs';
import { startSystem } from './system.mjs';

let system;
let browser;
let context;
let page;
let ui;

/** What a script holding `token` gets from an admin-only endpoint. */
async function scriptStatus(token) {
  return (await fetch(system.base + '/api/tokens', { headers: { authorization: `Bearer ${token}` } })).status;
}

describe('the playground in Chromium against a real silo: the user menu and the Tokens view', { timeout: 240_000 }, () => {
  before(async () => {
    system = await startSystem({ agents: 1 });
    browser = await launchChromium();
    context = await newCockpitContext(browser, system.base);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: system.base });
    ui = await CockpitPage.open(context);
    page = ui.page;
  });

  after(async () => {
    await browser?.close();
    if (system) await system.stop();
  });

  it('a guest operator is told that tokens are for admins, and the user menu offers the development sign-ins', async () => {
    await page.goto('/');
    await page.locator('[data-testid=role][data-role=operator]').waitFor({ timeout: 20_000 });
    await ui.openTab('tokens');
    await page.locator('[data-testid=tokens-admin-only]').waitFor();
    assert.match(await page.locator('[data-testid=tokens-admin-only] [data-testid=dev-hint]').innerText(), /Sign in as admin/);
    assert.equal(await page.locator('[data-testid=token-create]').count(), 0);

    await page.locator('[data-testid=user-menu]').click();
    const menu = page.locator('[data-testid=user-menu-items]');
    await menu.waitFor();
    assert.deepEqual((await menu.locator('[data-testid=sign-in-as]').allInnerTexts()).map((t) => t.trim()),
      ['Sign in as viewer (development)', 'Sign in as operator (development)', 'Sign in as admin (development)']);
    assert.equal(await menu.locator('[data-testid=open-tokens]').count(), 0, 'an operator is not offered the tokens view');
    await ui.screenshot('playground-01-user-menu');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
  });

  it('signed in as admin through the menu, the newcomer may delete a job', async () => {
    const job = await system.api('/api/jobs', { method: 'POST', body: JSON.stringify({ prompt: 'A job the admin deletes' }) });
    await ui.signInAs('admin');
    await ui.openTab('job-list');
    const row = page.locator(`.job-row[data-job-id="${job.id}"]`);
    await row.locator('[data-action=delete]').click(); // the confirmation is accepted
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    await fetch(`${system.base}/api/jobs/${job.id}`).then((r) => assert.equal(r.status, 404, 'the job is gone on the server'));
  });

  it('an admin opens the tokens view from the menu, creates a token, copies its secret once, a script uses it, and revoking it refuses the script at once', async () => {
    await page.locator('[data-testid=role][data-role=admin]').waitFor();
    await page.locator('[data-testid=user-menu]').click();
    await page.locator('[data-testid=open-tokens]').click();
    const view = page.locator('[data-panel="tokens"]');
    await view.waitFor();
    await view.locator('[data-testid=token-list], [data-testid=empty-state]').first().waitFor();

    await view.locator('[data-testid=token-name]').fill('e2e cleanup script');
    await view.locator('[data-testid=token-role]').selectOption('admin');
    const expiry = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10); // the server allows up to ten years
    await view.locator('[data-testid=token-expiry]').fill(expiry);
    await view.locator('[data-testid=token-submit]').click();

    const secretBox = view.locator('[data-testid=token-secret]');
    await Promise.race([
      secretBox.waitFor({ timeout: 10_000 }),
      view.locator('[data-testid=token-create-error]').waitFor({ timeout: 10_000 }).then(async () => assert.fail(await view.locator('[data-testid=token-create-error]').innerText())),
    ]);
    assert.match(await secretBox.innerText(), /you will not see it again/);
    const secret = await view.locator('[data-testid=token-secret-value]').inputValue();
    assert.match(secret, /^cockpit_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    await view.locator('[data-testid=token-copy]').click();
    await view.locator('[data-testid=token-copied]').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret, 'the copy button put the secret on the clipboard');
    const id = await secretBox.getAttribute('data-token-id');
    const row = view.locator(`[data-testid=token-list] tr[data-token-id="${id}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`e2e cleanup script[\\s\\S]*admin[\\s\\S]*${expiry.slice(0, 4)}`));
    assert.ok(!(await view.locator('[data-testid=token-list]').innerText()).includes(secret), 'the list never shows the secret');
    await ui.screenshot('tokens-01-created');
    // The taller panel scrolls inside its pane; the page itself never grows a scrollbar (a hidden header text did).
    const [pageHeight, viewHeight] = await page.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight]);
    assert.ok(pageHeight <= viewHeight, `the page scrolls while the secret is shown: ${pageHeight} px in ${viewHeight} px`);

    // The server agrees: listed, never with its secret, and a script holding it acts as admin.
    const listed = await system.api('/api/tokens', { headers: { authorization: `Bearer ${secret}` } });
    assert.ok(listed.some((t) => t.id === id && t.name === 'e2e cleanup script' && t.role === 'admin' && !('token' in t)));
    assert.equal(await scriptStatus(secret), 200);

    // Once dismissed, the secret is gone from the page for good.
    await view.locator('[data-testid=token-secret-dismiss]').click();
    await secretBox.waitFor({ state: 'detached' });
    assert.ok(!(await page.content()).includes(secret));

    await row.locator('[data-testid=token-revoke]').click(); // the confirmation is accepted
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await scriptStatus(secret), 401, 'a revoked token is refused at once');
    await ui.screenshot('tokens-02-revoked');
    assert.deepEqual(ui.errors, [], 'no uncaught errors in the page');
  });
});
