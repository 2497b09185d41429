// LLM usage and budgets in real Chromium (issue 14's "done when"): a silo, a reference agent and the demo LLM
// (cockpit-demo, priced at $1 / $2 per million tokens in config/prices.yaml) run as processes. A job is created in the
// New job form on a long document with a $0.01 budget; its budget stops it and job details show why and what it
// cost, with the warning badge and the bar past the budget; the operator raises the budget there and the job resumes
// and completes. The job list's cost column, Chat and Requests (tokens and cost per call, the demo LLM labelled) and
// Statistics (cost per config and per model, top jobs) show the same job. Run by `npm run e2e`.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CockpitPage, launchChromium, newCockpitContext } from './browser.mjs';
import { eventually, startSystem } from './system.mjs';

/** Generous: the CI machine is loaded, and the job makes a few dozen LLM calls. */
const LONG = 180_000;

let system;
let browser;
let page;
let documents;
let ui;

/** About twenty chunks of "shall" sentences, so the job makes about twenty calls of half a cent each. */
function longDocument() {
  const lines = Array.from({ length: 1600 }, (_, i) => `The system shall support capability number ${i + 1}. This sentence is context.`);
  const path = join(documents, 'long-spec.md');
  writeFileSync(path, `# Specification\n\n${lines.join('\n')}\n`);
  return path;
}

describe('LLM usage and a budget stop in Chromium against a real silo, agent and demo LLM', { timeout: 420_000 }, () => {
  before(async () => {
    documents = mkdtempSync(join(tmpdir(), 'cockpit-usage-e2e-'));
    system = await startSystem({ agents: 1, workDelayMs: 50, demoLlm: { delayMs: 200 } });
    browser = await launchChromium();
    const context = await newCockpitContext(browser, system.base, { height: 1000 });
    ui = await CockpitPage.open(context);
    page = ui.page;
  });

  after(async () => {
    await browser?.close();
    if (system) await system.stop();
    if (documents) rmSync(documents, { recursive: true, force: true });
  });

  it('follows a job from creation through its usage, a budget stop, a raise and a resume to completion', async () => {
    try {
      await page.goto('/');
      await page.locator('[data-testid=connection][data-state=online]').waitFor({ timeout: 30_000 });
      await page.locator('[data-testid=role][data-role=operator]').waitFor();

      // Create: a long document and a $0.01 budget, dispatched automatically to the one agent.
      await ui.openTab('job-create');
      const form = page.locator('[data-panel="job-create"]');
      await form.locator('[data-testid=create-prompt]').fill('Extract the requirements');
      await form.locator('[data-testid=create-files]').setInputFiles(longDocument());
      await form.locator('[data-testid=create-max-cost]').fill('0.01');
      await form.locator('[data-testid=create-submit]').click();
      await page.waitForURL((url) => /\/jobs\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 30_000 });
      const jobId = /\/jobs\/([0-9a-f-]{36})/.exec(page.url())[1];
      assert.deepEqual((await system.api(`/api/jobs/${jobId}`)).budget, { max_cost_usd: 0.01, max_tokens: null });

      // Stopped by its budget: job details say why and what it cost, as the server does.
      await ui.openTab('job-details');
      const details = page.locator('[data-panel="job-details"]');
      await details.locator(`[data-testid=job-details][data-job-id="${jobId}"][data-status=cancelled]`).waitFor({ timeout: LONG });
      const stopped = await system.api(`/api/jobs/${jobId}`);
      assert.equal(stopped.error_details.reason, 'budget_exceeded');
      assert.match(stopped.error_message, /^budget exceeded: \$0\.\d+ of \$0\.01$/);
      const usageSection = details.locator('[data-testid=details-usage]');
      await eventually(async () => (await usageSection.locator('[data-testid=usage-stop-reason]').innerText()).trim() === stopped.error_message,
        'the stop reason in the Usage section', 30_000);
      assert.match(await usageSection.locator('[data-testid=usage-stop-cost]').innerText(), /^\$0\.\d+ \/ \$0\.01$/);
      await details.locator('[data-testid=badge-budget-warning]').first().waitFor({ timeout: 30_000 });
      await usageSection.locator('[data-testid=usage-bar-cost][data-level=over]').waitFor({ timeout: 30_000 });
      // The totals equal the server's usage (read again until calls in flight at the stop have been counted).
      await eventually(async () => {
        const usage = await system.api(`/api/jobs/${jobId}/usage`);
        const calls = (await usageSection.locator('[data-testid=usage-calls]').innerText()).trim();
        return usage.share_used.cost > 1 && calls === String(usage.total.calls);
      }, 'the Usage section to show the server’s usage', 30_000);
      assert.match(await usageSection.locator('[data-testid=usage-cost]').innerText(), /^\$0\.\d+$/, 'priced, never "unpriced" or $0');
      const demoRow = usageSection.locator('[data-testid=usage-models] tr[data-model="cockpit-demo"]');
      assert.match(await demoRow.innerText(), /demo LLM, not a language model/);
      // The cost over time is drawn once it scrolls into view (echarts is loaded on demand).
      await usageSection.locator('.chart-placeholder, [data-testid=usage-chart]').first().waitFor({ timeout: 30_000 });
      await usageSection.locator('.chart-placeholder, [data-testid=usage-chart]').first().scrollIntoViewIfNeeded();
      await usageSection.locator('[data-testid=usage-chart] canvas').waitFor({ timeout: 30_000 });
      await ui.screenshot('usage-01-stopped');

      // The job list: the cost column and the warning badge.
      await ui.openTab('job-list');
      const row = page.locator(`[data-panel="job-list"] .job-row[data-job-id="${jobId}"]`);
      await row.waitFor({ timeout: 30_000 });
      await eventually(async () => /^\$0\.\d+/.test((await row.locator('[data-testid=job-cost]').innerText()).trim()), 'the cost in the job list', 30_000);
      await row.locator('[data-testid=badge-budget-warning]').waitFor({ timeout: 30_000 });

      // Chat: tokens and cost per call. Requests: the call in full, its cost and the demo LLM labelled.
      await ui.openTab('chat-history');
      const call = page.locator('[data-panel="chat-history"] [data-testid=chat-call]').first();
      await call.waitFor({ timeout: 30_000 });
      assert.match(await call.innerText(), /\d[\d,]* → \d[\d,]* tok\s*·\s*\$0\.\d+/);
      await call.locator('xpath=ancestor::li').locator('[data-testid=chat-view-request]').click();
      const request = page.locator('[data-panel="request-viewer"]');
      await request.locator('[data-testid=request-cost]').waitFor({ timeout: 30_000 });
      assert.match(await request.locator('[data-testid=request-cost]').innerText(), /^\$0\.\d+$/);
      assert.match(await request.locator('[data-testid=request-model]').innerText(), /cockpit-demo\s*demo LLM, not a language model/);

      // Raise the budget in job details and resume: the job completes.
      await ui.openTab('job-details');
      const budgetForm = usageSection.locator('[data-testid=usage-budget-form]');
      await budgetForm.locator('[data-testid=usage-max-cost]').fill('1');
      const raise = budgetForm.locator('[data-testid=usage-save-budget]');
      assert.match(await raise.innerText(), /Raise budget and resume/);
      await raise.click();
      await eventually(async () => (await system.api(`/api/jobs/${jobId}`)).budget?.max_cost_usd === 1, 'the raised budget to be stored', 30_000);
      await details.locator(`[data-testid=job-details][data-job-id="${jobId}"][data-status=completed]`).waitFor({ timeout: LONG });
      await usageSection.locator('[data-testid=usage-bar-cost][data-level=ok]').waitFor({ timeout: 30_000 });
      assert.equal(await usageSection.locator('[data-testid=usage-stopped]').count(), 0, 'a completed job shows no stop');
      const done = await system.api(`/api/jobs/${jobId}`);
      assert.equal(done.error_message, null);
      const requirements = await system.api(`/api/jobs/${jobId}/requirements`);
      assert.ok(requirements.total > 1590, `the resumed run went on from the checkpoint to the end (${requirements.total} requirements)`);
      await ui.screenshot('usage-02-completed');

      // Statistics: the day's cost per config, per model, and the job among the costliest.
      await ui.openTab('statistics');
      const stats = page.locator('[data-panel="statistics"] [data-testid=usage-stats]');
      const group = stats.locator('[data-testid=usage-groups] li[data-key="default"]');
      await eventually(async () => (await group.count()) > 0 && /\$0\.\d+/.test(await group.innerText()), 'the day’s cost of the default config', 60_000);
      await stats.locator(`[data-testid=usage-top-jobs] li[data-job-id="${jobId}"]`).waitFor({ timeout: 30_000 });
      await stats.locator('[data-group-by=MODEL]').click();
      await stats.locator('[data-testid=usage-groups] li[data-key="cockpit-demo"]').waitFor({ timeout: 30_000 });
      assert.match(await stats.locator('[data-testid=usage-unpriced]').innerText(), /none/);
      await stats.locator('.chart-placeholder, [data-testid=usage-chart]').first().scrollIntoViewIfNeeded();
      await stats.locator('[data-testid=usage-chart] canvas').waitFor({ timeout: 30_000 });
      await ui.screenshot('usage-03-statistics');

      assert.deepEqual(ui.errors, [], 'no uncaught errors in the page');
    } catch (error) {
      await ui.screenshot('usage-failure').catch(() => undefined);
      throw new Error(`${error.message}\n${system.logs()}`);
    }
  });
});
