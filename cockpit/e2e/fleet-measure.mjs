// Measures the Agents panel at fleet scale in real Chromium against a real silo (not a test; docs/cockpit.md has the
// figures): registers FLEET_AGENTS agents (default 2000) through REST, opens the panel, and reports
//   - first render: from clicking the Agents tab to the first agent row, and the long tasks meanwhile;
//   - a burst: BURST_AGENTS agents (default 500) report a new status through heartbeats; the main thread's busy time
//     (CDP TaskDuration) and long tasks from the first heartbeat until the page has shown the last change + 1 s;
//   - the DOM: agent rows and elements in the page.
// Run: COCKPIT_TEST_POSTGRES=… node e2e/fleet-measure.mjs (after scripts/build-cockpit.sh and a dotnet build).
import { CockpitPage, launchChromium, newCockpitContext } from './browser.mjs';
import { fleetSiloEnv, registerFleet, reportStatus } from './fleet.mjs';
import { eventually, startSystem } from './system.mjs';

const count = Number(process.env.FLEET_AGENTS ?? 2000);
const burst = Number(process.env.BURST_AGENTS ?? 500);
const system = await startSystem({ agents: 0, siloEnv: fleetSiloEnv });
const browser = await launchChromium();
try {
  let started = Date.now();
  const fleet = await registerFleet(system, count);
  console.log(`registered ${count} agents in ${Date.now() - started} ms`);

  const context = await newCockpitContext(browser, system.base);
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const ui = await CockpitPage.open(context);
  const page = ui.page;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const longTasksSince = (t0) => page.evaluate((t) => {
    const tasks = window.__longTasks.filter((x) => x.start >= t);
    return { count: tasks.length, total: Math.round(tasks.reduce((s, x) => s + x.duration, 0)), max: Math.round(Math.max(0, ...tasks.map((x) => x.duration))) };
  }, t0);

  await page.goto('/');
  await page.locator('[data-testid=connection][data-state=online]').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000); // let the start-up settle so that the first-render figures are the panel's own
  const t0 = await page.evaluate(() => performance.now());
  const busy0 = await taskSeconds();
  await ui.openTab('agent-list');
  await page.locator('[data-agent-id]').first().waitFor({ timeout: 60_000 });
  const firstRow = (await page.evaluate(() => performance.now())) - t0;
  // One more frame so the figure includes the paint of the whole list.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const firstBusy = (await taskSeconds()) - busy0;
  const firstLong = await longTasksSince(t0);
  const rows = await page.locator('[data-agent-id]').count();
  const elements = await page.evaluate(() => document.querySelectorAll('*').length);
  console.log(`first render: first row after ${Math.round(firstRow)} ms; main thread busy ${Math.round(firstBusy * 1000)} ms; long tasks ${JSON.stringify(firstLong)}`);
  console.log(`DOM: ${rows} agent rows for ${count} agents, ${elements} elements in the page`);

  // The burst: the last `burst` agents (by hostname) start working. Wait until the store has all of them (read via the
  // status counts when the panel has them, else via the rows), then 1 s more for trailing work.
  const targets = fleet.slice(-burst);
  const t1 = await page.evaluate(() => performance.now());
  const busy1 = await taskSeconds();
  started = Date.now();
  await reportStatus(system, targets, 'working');
  const sent = Date.now() - started;
  const last = targets[targets.length - 1];
  const working = page.locator('[data-testid=agent-status-count][data-status=working] .n');
  if (await working.count()) {
    await eventually(async () => Number(await working.innerText()) >= burst, `${burst} working agents shown`, 60_000, 100);
  } else {
    await page.locator(`[data-hostname="${last.hostname}"]`).scrollIntoViewIfNeeded();
    await eventually(async () => (await page.locator(`[data-hostname="${last.hostname}"] .badge`).getAttribute('class')).includes('status-working'), 'the last change shown', 60_000, 100);
  }
  const shown = Date.now() - started;
  await page.waitForTimeout(1000);
  const burstBusy = (await taskSeconds()) - busy1;
  const burstLong = await longTasksSince(t1);
  console.log(`burst of ${burst} status changes: sent in ${sent} ms, all shown after ${shown} ms; main thread busy ${Math.round(burstBusy * 1000)} ms (until shown + 1 s); long tasks ${JSON.stringify(burstLong)}`);
  console.log(`page errors: ${ui.errors.length ? ui.errors.join('; ') : 'none'}`);
} finally {
  await browser.close();
  await system.stop();
}
