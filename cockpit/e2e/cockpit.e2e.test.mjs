// Browser tests of the cockpit in real Chromium (Debian's /usr/bin/chromium through playwright-core) against a real
// silo and reference agents. Run by `npm run e2e` (after scripts/build-cockpit.sh and a dotnet build).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CockpitPage, launchChromium, newCockpitContext } from './browser.mjs';
import { eventually, startSystem } from './system.mjs';

let system;
let browser;
let context;
let page;
let ui;

function requirementsDocument(count, name) {
  const lines = Array.from({ length: count }, (_, i) => `The system shall support capability number ${i + 1}. This sentence is context.`);
  return { name, mimeType: 'text/markdown', buffer: Buffer.from(`# Specification\n\n${lines.join('\n')}\n`) };
}

async function detailsStatus() {
  return page.locator('[data-testid=job-details]').getAttribute('data-status');
}

async function agentId(hostname) {
  const agents = await system.api('/api/agents');
  return agents.find((a) => a.hostname === hostname).id;
}

describe('cockpit in Chromium against a real silo', { timeout: 300_000 }, () => {
  before(async () => {
    system = await startSystem({ agents: 2, workDelayMs: 400 });
    browser = await launchChromium();
    context = await newCockpitContext(browser, system.base);
    ui = await CockpitPage.open(context);
    page = ui.page;
  });

  after(async () => {
    await browser?.close();
    if (system) await system.stop();
  });

  it('the silo serves the app at / and client routes, but never swallows server paths', async () => {
    for (const path of ['/', '/jobs/00000000-0000-0000-0000-000000000001', '/agents/x']) {
      const response = await fetch(system.base + path);
      assert.equal(response.status, 200, path);
      assert.match(await response.text(), /<app-root>/, path);
      assert.equal(response.headers.get('cache-control'), 'no-cache', path);
    }
    assert.equal((await fetch(system.base + '/api/no-such-thing')).status, 404);
    assert.equal((await fetch(system.base + '/mcp/no-such-thing')).status, 404);
    assert.equal((await fetch(system.base + '/health/ready')).status, 200);
    const graphql = await fetch(system.base + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ agents { id } }"}' });
    assert.equal(graphql.status, 200);
    const index = await (await fetch(system.base + '/')).text();
    const script = /src="(main-[A-Z0-9]+\.js)"/.exec(index)?.[1];
    assert.ok(script, 'index.html references a hashed main bundle');
    const asset = await fetch(`${system.base}/${script}`);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
  });

  let firstJobId;

  it('creates a job with an uploaded document from the UI, assigns it, and shows status and progress live', async () => {
    await page.goto('/');
    await page.locator('[data-testid=connection][data-state=online]').waitFor({ timeout: 20_000 });
    // No sign-in needed: the app opened a guest session, and guests operate here (AUTH_GUEST_ROLE=operator).
    await page.locator('[data-testid=role][data-role=operator]').waitFor();
    await page.evaluate(() => (window.__sameDocument = true));
    await ui.screenshot('01-start');

    await ui.openTab('job-create');
    await page.locator('[data-testid=create-prompt]').fill('Extract the requirements of the uploaded specification');
    await page.locator('[data-testid=create-files]').setInputFiles(requirementsDocument(14, 'spec.md'));
    await page.locator('.files li', { hasText: 'spec.md' }).waitFor();
    // This job is assigned by hand: "Dispatch automatically" (on by default) is turned off.
    await page.locator('[data-testid=create-auto]').uncheck();
    await page.locator('[data-testid=create-submit]').click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}/);
    firstJobId = /\/jobs\/([0-9a-f-]{36})/.exec(page.url())[1];
    await page.locator(`[data-testid=job-details][data-job-id="${firstJobId}"]`).waitFor();
    assert.equal(await detailsStatus(), 'created');
    const created = await system.api(`/api/jobs/${firstJobId}`);
    assert.ok(created.document_dir || created.document_path, 'the uploaded document set went into the job');

    // Watch what the page shows while the agent works: statuses and progress values, without any reload.
    const seen = { statuses: new Set(), progress: new Set() };
    const watching = (async () => {
      for (;;) {
        const status = await detailsStatus().catch(() => null);
        const value = await page.locator('[data-testid=details-progress] [role=progressbar]').getAttribute('aria-valuenow').catch(() => null);
        if (status) seen.statuses.add(status);
        if (value !== null) seen.progress.add(Number(value));
        if (status === 'completed' || status === 'failed') return status;
        await new Promise((r) => setTimeout(r, 60));
      }
    })();
    await page.locator('[data-testid=details-assign]').selectOption({ label: 'e2e-agent-1' });
    let timer;
    const outcome = await Promise.race([
      watching,
      new Promise((_, fail) => (timer = setTimeout(() => fail(new Error('job did not finish\n' + system.logs())), 90_000))),
    ]).finally(() => clearTimeout(timer));
    assert.equal(outcome, 'completed');
    assert.ok(seen.statuses.has('processing'), `saw ${[...seen.statuses]}`);
    assert.ok([...seen.progress].some((p) => p > 0 && p < 100), `progress values seen: ${[...seen.progress]}`);
    assert.equal(await page.locator('[data-testid=details-progress] [role=progressbar]').getAttribute('aria-valuenow'), '100');
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
    await ui.screenshot('02-job-details-completed');
  });

  it('shows the finished job’s requirements, todos, audit entries, chat and graph', async () => {
    // The list refreshes itself as requirements arrive (throttled), so wait for all of them rather than count once.
    await eventually(async () => (await page.locator('[data-testid=requirements] li').count()) >= 14, 'all 14 requirements in the list', 15_000);
    assert.ok((await page.locator('[data-testid=requirements-summary] li').count()) >= 1);
    // The reference agent archives finished todos: a completed job shows them in the (then open) archive.
    await page.locator('[data-testid=todos] li, [data-testid=todos-archived] li').first().waitFor();

    await ui.openTab('agent-activity');
    await page.locator('[data-testid=audit-entries] li').first().waitFor({ timeout: 15_000 });
    assert.ok((await page.locator('[data-testid=audit-entries] li').count()) > 0);
    await ui.screenshot('03-agent-activity');

    await ui.openTab('chat-history');
    const chat = page.locator('[data-panel="chat-history"]');
    await chat.locator('[data-testid=chat-messages] li, [data-testid=empty-state]').first().waitFor();
    const messages = await chat.locator('[data-testid=chat-messages] li').count();
    if (messages === 0) assert.match(await chat.locator('[data-testid=empty-state]').innerText(), /no LLM calls/i);

    const { data } = await (await fetch(system.base + '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ job(id: "${firstJobId}") { graph(at: "2000-01-01T00:00:00Z") { deltas { op } snapshot { nodes { id } } } } }` }),
    })).json();
    const graphChanges = data.job.graph.deltas.length + data.job.graph.snapshot.nodes.length;
    await ui.openTab('graph-timeline');
    const graph = page.locator('[data-panel="graph-timeline"]');
    if (graphChanges > 0) {
      await graph.locator('[data-testid=graph-canvas] canvas').first().waitFor({ timeout: 15_000 });
      assert.match(await graph.locator('[data-testid=graph-position]').innerText(), new RegExp(`${data.job.graph.deltas.length} of ${data.job.graph.deltas.length}`));
      await graph.locator('[data-testid=graph-play]').click();
      await eventually(async () => !/^Change (\d+) of \1/.test(await graph.locator('[data-testid=graph-position]').innerText()), 'playback to move');
    } else {
      await graph.locator('[data-testid=empty-state]').waitFor();
    }
    await ui.screenshot('04-graph-timeline');
    await page.keyboard.press('.');
  });

  it('cancels and resumes another job from its details', async () => {
    const dir = join(system.workspace, 'docs');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'long.md');
    writeFileSync(path, requirementsDocument(60, 'long.md').buffer);
    const job = await system.api('/api/jobs', { method: 'POST', body: JSON.stringify({ prompt: 'A long job to cancel and resume', document_path: path }) });
    await system.api(`/api/jobs/${job.id}/assign/${await agentId('e2e-agent-2')}`, { method: 'POST' });

    await page.goto(`/jobs/${job.id}`);
    await page.locator(`[data-testid=job-details][data-job-id="${job.id}"][data-status=processing]`).waitFor({ timeout: 20_000 });
    // Cancel once the agent has made progress, so that the resume continues from the agent's checkpoint.
    await eventually(async () => Number(await page.locator('[data-testid=details-progress] [role=progressbar]').getAttribute('aria-valuenow')) > 0, 'progress before cancelling', 30_000);
    await page.locator('[data-testid=details-cancel]').click();
    await page.locator('[data-testid=job-details][data-status=cancelled]').waitFor({ timeout: 20_000 });
    await ui.screenshot('05-cancelled');
    // The agent returns to ready after saving its checkpoint; resume goes back to it.
    await eventually(async () => (await system.api('/api/agents')).find((a) => a.hostname === 'e2e-agent-2').status === 'ready', 'agent 2 to be ready again');
    await page.locator('[data-testid=details-resume]').click();
    const resumed = page.locator('[data-testid=job-details][data-status=processing], [data-testid=job-details][data-status=completed]').first();
    const refused = page.locator('[data-panel="job-details"] [role=alert]').first();
    await Promise.race([resumed.waitFor({ timeout: 20_000 }), refused.waitFor({ timeout: 20_000 })]);
    if (await refused.isVisible()) {
      await ui.screenshot('05-resume-refused');
      assert.fail(`resume was refused: ${await refused.innerText()}`);
    }
    const row = page.locator(`[data-job-id="${job.id}"]`).first();
    await ui.openTab('job-list');
    await row.waitFor();
  });

  it('deep links open a job and an agent directly', async () => {
    const fresh = await context.newPage();
    await fresh.goto(`/jobs/${firstJobId}`);
    await fresh.locator(`[data-testid=job-details][data-job-id="${firstJobId}"][data-status=completed]`).waitFor({ timeout: 15_000 });
    const id = await agentId('e2e-agent-1');
    await fresh.goto(`/agents/${id}`);
    await fresh.locator(`.agent.selected[data-agent-id="${id}"]`).waitFor({ timeout: 15_000 });
    await fresh.close();
  });

  it('switches theme and language, and remembers both across a reload', async () => {
    await page.goto('/');
    await page.locator('[data-testid=theme]').selectOption('latte');
    await page.locator('[data-testid=language]').selectOption('de');
    await page.locator('[data-panel-tab="agent-list"]', { hasText: 'Agenten' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'latte');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.reload();
    await page.locator('[data-panel-tab="agent-list"]', { hasText: 'Agenten' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'latte');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), background);
    assert.notEqual(background, 'rgb(24, 24, 37)', 'Latte is not Mocha’s mantle');
    await ui.screenshot('06-latte-german');
    await page.locator('[data-testid=theme]').selectOption('mocha');
    await page.locator('[data-testid=language]').selectOption('en');
    await page.locator('[data-panel-tab="agent-list"]', { hasText: 'Agents' }).waitFor();
  });

  it('the job list scrolls virtually and the database browser pages through a table', async () => {
    const prompts = Array.from({ length: 56 }, (_, i) => `Bulk job ${i}`);
    for (let i = 0; i < prompts.length; i += 8) {
      await Promise.all(prompts.slice(i, i + 8).map((prompt) => system.api('/api/jobs', { method: 'POST', body: JSON.stringify({ prompt }) })));
    }
    await ui.openTab('job-list');
    await page.locator('[data-testid=job-total]', { hasText: /of 58/ }).waitFor({ timeout: 15_000 });
    const rendered = await page.locator('.job-row').count();
    assert.ok(rendered > 5 && rendered < 58, `virtual scrolling renders a window of rows, not all (${rendered})`);
    await ui.screenshot('07-job-list');

    // The prompt stays readable in the default layout's narrow left pane: cost, progress and the row's buttons give way.
    const promptWidth = () => page.locator('.job-row .prompt').first().evaluate((e) => e.getBoundingClientRect().width);
    const shown = (column) => page.locator(`.job-row .${column}`).first().isVisible();
    try {
      assert.ok((await promptWidth()) >= 150, `prompt column at 1440 px: ${await promptWidth()} px`);
      assert.ok(await shown('col-progress'), 'progress at 1440 px');
      await page.setViewportSize({ width: 800, height: 600 });
      await eventually(async () => !(await shown('col-progress')), 'progress hidden at 800 px', 5_000);
      const pane = await page.locator('[data-panel="job-list"]').first().evaluate((e) => e.getBoundingClientRect().width);
      assert.ok((await promptWidth()) >= 100, `prompt column at 800 px: ${await promptWidth()} px of ${pane} px`);
      await page.setViewportSize({ width: 1920, height: 900 });
      await eventually(async () => (await shown('col-cost')) && (await shown('col-actions')), 'every column at 1920 px', 5_000);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }

    // The database browser is for admins: a guest operator is told so; dev login makes this browser an admin.
    await ui.openTab('database-browser');
    await page.locator('[data-testid=db-admin-only]').waitFor();
    await ui.signInAs('admin');
    await ui.openTab('database-browser');
    await page.locator('[data-testid=db-table]').selectOption('jobs');
    await page.locator('[data-testid=db-range]', { hasText: /^1–50 of \d+/ }).waitFor();
    await page.locator('[data-testid=db-next]').click();
    await page.locator('[data-testid=db-range]', { hasText: /^51–/ }).waitFor();
    assert.match(page.url(), /table=jobs/);
    assert.match(page.url(), /offset=50/);
    assert.ok((await page.locator('[data-testid=db-rows] tbody tr').count()) >= 8);
    await ui.screenshot('08-database');
  });

  it('statistics show the queue, the workforce and the seven-day chart (echarts, loaded on demand)', async () => {
    await ui.openTab('statistics');
    const stats = page.locator('[data-panel="statistics"]');
    await stats.locator('[data-testid=queue] li').first().waitFor();
    const completed = Number(/completed\s*(\d+)/.exec(await stats.locator('[data-testid=queue]').innerText())?.[1]);
    assert.ok(completed >= 1, `completed jobs in the queue metrics: ${completed}`);
    assert.match(await stats.locator('[data-testid=workforce]').innerText(), /Online\s*2/);
    await stats.locator('[data-testid=daily-chart] canvas').waitFor({ timeout: 15_000 });
    await ui.screenshot('10-statistics');
  });

  it('a viewer sees everything but may change nothing, and the server refuses a mutation without the CSRF token', async () => {
    await ui.signInAs('viewer');
    await ui.openTab('job-create');
    await page.locator('[data-testid=create-readonly]').waitFor();
    assert.equal(await page.locator('[data-testid=create-submit]').isDisabled(), true);
    await ui.openTab('job-list');
    await page.locator('.job-row').first().waitFor();
    // The viewer's own queries succeed: the list leaves its cached copy for the server's answer.
    await page.locator('[data-panel="job-list"] [data-testid=cached-notice]').waitFor({ state: 'detached', timeout: 20_000 });
    assert.equal(await page.locator('.job-row [data-action=cancel], .job-row [data-action=delete]').count(), 0);
    await ui.screenshot('11-viewer');

    // The session's cookie alone is not enough to change anything: a page that cannot read the token cannot forge it.
    const forged = await page.evaluate(async () => {
      const response = await fetch('/api/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":"forged"}' });
      return response.status;
    });
    assert.equal(forged, 403);
    await ui.signInAs('operator');
  });

  it('says offline when the connection is lost and live again when it returns', async () => {
    await context.setOffline(true);
    await page.locator('[data-testid=connection][data-state=offline]').waitFor({ timeout: 10_000 });
    await ui.screenshot('09-offline');
    await context.setOffline(false);
    await page.locator('[data-testid=connection][data-state=online]').waitFor({ timeout: 30_000 });
  });

  it('opened again while its queries fail, the job list shows what this browser last saw (the IndexedDB cache, Dexie in its own chunk)', async () => {
    const again = await CockpitPage.open(context);
    try {
      // Every GraphQL query fails as on a lost network; the app and its chunks still come from the silo. Live changes
      // only touch a page already loaded, so any row shown can only come from the cache.
      let refused = 0;
      await again.page.route((url) => url.pathname === '/graphql', (route) => {
        refused++;
        return route.abort('internetdisconnected');
      });
      await again.page.goto('/');
      await again.openTab('job-list');
      const list = again.page.locator('[data-panel="job-list"]');
      await list.locator('[data-testid=cached-notice]').waitFor({ timeout: 20_000 });
      assert.match(await list.locator('[data-testid=cached-notice]').innerText(), /Offline/);
      assert.ok((await list.locator('.job-row').count()) > 0, 'the cached first page of jobs is shown');
      assert.ok(refused > 0, 'the page asked the server and was refused');
      await again.screenshot('09b-offline-from-cache');
      assert.deepEqual(again.errors, [], 'no uncaught errors in the page');
    } finally {
      await again.page.close();
    }
  });

  it('the shortcut help opens with ?', async () => {
    await page.locator('body').click({ position: { x: 5, y: 890 } });
    await page.keyboard.press('?');
    await page.locator('[data-testid=shortcut-help]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=shortcut-help]').waitFor({ state: 'detached' });
    assert.deepEqual(ui.errors, [], 'no uncaught errors in the page');
  });
});
