// The Agents panel with a fleet in real Chromium against a real silo: a thousand agents registered through the agent
// protocol's REST endpoints (e2e/fleet.mjs). Only a window of rows is in the DOM; scrolling and the filter box both
// reach the last agent; the counts per status and a row follow one agent's status change live. Run by `npm run e2e`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CockpitPage, launchChromium, newCockpitContext } from './browser.mjs';
import { fleetSiloEnv, registerFleet, reportStatus } from './fleet.mjs';
import { eventually, startSystem } from './system.mjs';

const AGENTS = 1000;

let system;
let browser;
let fleet;

describe('the Agents panel with a thousand agents in Chromium against a real silo', { timeout: 300_000 }, () => {
  before(async () => {
    system = await startSystem({ agents: 0, siloEnv: fleetSiloEnv });
    fleet = await registerFleet(system, AGENTS);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    if (system) await system.stop();
  });

  it('renders a window of rows, reaches the last agent by scrolling and by filter, and shows a status change live', async () => {
    const ui = await CockpitPage.open(await newCockpitContext(browser, system.base));
    const page = ui.page;
    try {
      await page.goto('/');
      await page.locator('[data-testid=connection][data-state=online]').waitFor({ timeout: 30_000 });
      await ui.openTab('agent-list');
      const panel = page.locator('[data-panel="agent-list"]');
      const ready = panel.locator('[data-testid=agent-status-count][data-status=ready] .n');
      await eventually(async () => (await ready.innerText()).trim() === String(AGENTS), `${AGENTS} ready agents counted`, 60_000);
      const rows = panel.locator('[data-agent-id]');
      const rendered = await rows.count();
      assert.ok(rendered > 0 && rendered < 100, `a window of rows, not one per agent: ${rendered} rows for ${AGENTS} agents`);
      assert.equal(await rows.first().getAttribute('data-hostname'), fleet[0].hostname);

      // Scrolling to the bottom of the list reaches the last agent, and still only a window is rendered.
      const last = fleet[AGENTS - 1];
      const viewport = panel.locator('[data-testid=agent-viewport]');
      await eventually(async () => {
        await viewport.evaluate((e) => { e.scrollTop = e.scrollHeight; });
        return (await panel.locator(`[data-hostname="${last.hostname}"]`).count()) === 1;
      }, 'the last agent to be rendered after scrolling to the bottom', 30_000);
      assert.ok((await rows.count()) < 100, 'still a window after scrolling');
      await ui.screenshot('fleet-01-scrolled');

      // The filter box finds the last agent by hostname: exactly one row.
      await viewport.evaluate((e) => { e.scrollTop = 0; });
      await panel.locator('[data-testid=agent-filter]').fill(last.hostname);
      await eventually(async () => (await rows.count()) === 1 && (await rows.first().getAttribute('data-hostname')) === last.hostname,
        'the filter to show only the last agent', 30_000);
      const badge = panel.locator(`[data-hostname="${last.hostname}"] .badge`);
      assert.match(await badge.getAttribute('class'), /status-ready/);

      // Its status changes on the server; the row and the counts follow without a reload.
      await reportStatus(system, [last], 'working');
      await eventually(async () => /status-working/.test(await badge.getAttribute('class')), 'the row to show working', 30_000);
      await eventually(async () => (await panel.locator('[data-testid=agent-status-count][data-status=working] .n').innerText()).trim() === '1',
        'one working agent counted', 30_000);
      assert.equal((await ready.innerText()).trim(), String(AGENTS - 1));
      // The inline details and the assign popover still open in the (now taller) row.
      const row = panel.locator(`[data-hostname="${last.hostname}"]`);
      await reportStatus(system, [last], 'ready');
      await eventually(async () => /status-ready/.test(await badge.getAttribute('class')), 'the row to show ready again', 30_000);
      await row.locator('.name').click();
      await row.locator('.details').waitFor({ timeout: 15_000 });
      assert.match(await row.locator('.details').innerText(), new RegExp(last.id));
      await row.locator('[data-testid=assign-toggle]').click();
      await row.locator('.assign').waitFor({ timeout: 15_000 });
      assert.ok(await row.locator('.assign').isVisible(), 'the assign popover is visible');
      await ui.screenshot('fleet-02-filtered');
      assert.deepEqual(ui.errors, []);

      // A deep link to an agent far down the list scrolls its (selected, expanded) row into view.
      const far = fleet[Math.floor(AGENTS * 0.9)];
      const linked = await CockpitPage.open(page.context());
      await linked.page.goto(`/agents/${far.id}`);
      const selected = linked.page.locator(`.agent.selected[data-agent-id="${far.id}"]`);
      await selected.waitFor({ timeout: 30_000 });
      await eventually(async () => selected.locator('.details').isVisible(), 'the linked agent’s details to show', 30_000);
      const box = await selected.boundingBox();
      const view = await linked.page.locator('[data-testid=agent-viewport]').boundingBox();
      assert.ok(box && view && box.y >= view.y && box.y < view.y + view.height, 'the linked agent’s row is inside the viewport');
      assert.deepEqual(linked.errors, []);
    } catch (error) {
      await ui.screenshot('fleet-failure').catch(() => {});
      throw error;
    }
  });
});
