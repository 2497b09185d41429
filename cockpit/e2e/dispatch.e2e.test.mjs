// Automatic dispatch in real Chromium against a real silo (issue 13's "done when"): twenty jobs are queued in the New
// job form with two priorities — nobody clicks Assign — while no agent is running; the Queues panel and the job list
// show them waiting in dispatch order; an operator moves one job to the front in the Queues panel; then three reference
// agents start and the panel drains live to zero while every job completes, the higher priorities first (read from the
// jobs' own attempts: their start stamps and run times). Run by `npm run e2e`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CockpitPage, launchChromium, newCockpitContext } from './browser.mjs';
import { eventually, startSystem } from './system.mjs';

const JOBS = 20;
const HIGH = 50;

let system;
let browser;
let page;
let ui;

describe('automatic dispatch in Chromium against a real silo and reference agents', { timeout: 300_000 }, () => {
  before(async () => {
    system = await startSystem({ agents: 0, workDelayMs: 150 });
    browser = await launchChromium();
    const context = await newCockpitContext(browser, system.base);
    ui = await CockpitPage.open(context);
    page = ui.page;
  });

  after(async () => {
    await browser?.close();
    if (system) await system.stop();
  });

  it('queues twenty jobs in the form, shows them in dispatch order, and drains them live by priority without an assign', async () => {
    await page.goto('/');
    await page.locator('[data-testid=connection][data-state=online]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=role][data-role=operator]').waitFor();
    await page.evaluate(() => (window.__sameDocument = true));

    // Twenty jobs through the form: "Dispatch automatically" is on by default; odd ones get priority 50.
    const jobs = [];
    for (let i = 0; i < JOBS; i++) {
      const priority = i % 2 === 1 ? HIGH : 0;
      await ui.openTab('job-create');
      const form = page.locator('[data-panel="job-create"]');
      assert.equal(await form.locator('[data-testid=create-auto]').isChecked(), true, 'queued automatically by default');
      await form.locator('[data-testid=create-prompt]').fill(`Dispatch job ${i}. The system shall record job ${i}. The system shall report job ${i}.`);
      await form.locator('[data-testid=create-priority]').fill(String(priority));
      const previous = page.url();
      await form.locator('[data-testid=create-submit]').click();
      await Promise.race([
        page.waitForURL((url) => /\/jobs\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== previous, { timeout: 15_000 }),
        form.locator('[data-testid=create-error], .field-error').first().waitFor({ timeout: 15_000 }).then(async () =>
          assert.fail(`the form refused job ${i}: ${await form.locator('[data-testid=create-error], .field-error').first().innerText()}`)),
      ]);
      jobs.push({ id: /\/jobs\/([0-9a-f-]{36})/.exec(page.url())[1], priority });
    }
    for (const job of jobs) {
      const stored = await system.api(`/api/jobs/${job.id}`);
      assert.equal(stored.status, 'pending', `job ${job.id} is queued, not waiting for an assign`);
      assert.equal(stored.dispatch, 'auto');
      assert.equal(stored.priority, job.priority);
    }

    // The Queues panel: twenty waiting in the any-agent queue, the priority-50 jobs first, each saying why it waits.
    // It shares its pane with the form, which the clicks scrolled down to its submit button; it opens at its top.
    const formOffset = await page.locator('section.body[data-panel="job-create"]').evaluate((body) => body.scrollTop);
    assert.ok(formOffset > 0, `the form was scrolled down (scrollTop ${formOffset})`);
    await ui.openTab('queues');
    const queues = page.locator('[data-panel="queues"]');
    const depth = queues.locator('[data-queue="any"] [data-testid=queue-depth]');
    await eventually(async () => (await depth.innerText()).trim() === String(JOBS), 'the any-agent queue to show 20 pending', 20_000);
    const pending = queues.locator('[data-testid=pending] li');
    await eventually(async () => (await pending.count()) === JOBS, 'twenty pending jobs listed', 20_000);
    assert.equal(await page.locator('section.body[data-panel="queues"]').evaluate((body) => body.scrollTop), 0, 'the Queues tab opened at its top');
    const order = await pending.evaluateAll((items) => items.map((li) => li.getAttribute('data-job-id')));
    const priorityOf = new Map(jobs.map((j) => [j.id, j.priority]));
    assert.deepEqual(order.map((id) => priorityOf.get(id)), [...Array(JOBS / 2).fill(HIGH), ...Array(JOBS / 2).fill(0)], 'dispatch order: priority, then age');
    assert.match(await pending.first().locator('[data-testid=pending-reason]').innerText(), /\S/);
    assert.match(await pending.first().innerText(), /#1\b/);

    // An operator moves the newest low-priority job to the front.
    const bumped = jobs.filter((j) => j.priority === 0).at(-1);
    const input = queues.locator(`[data-testid=pending] li[data-job-id="${bumped.id}"] [data-testid=pending-priority]`);
    await input.fill('100');
    await input.dispatchEvent('change');
    await eventually(async () => (await pending.first().getAttribute('data-job-id')) === bumped.id, 'the bumped job to be first in line', 15_000);
    assert.equal((await system.api(`/api/jobs/${bumped.id}`)).priority, 100);
    bumped.priority = 100;
    await ui.screenshot('dispatch-01-queued');

    // The job list shows pending jobs with their place in line.
    await ui.openTab('job-list');
    const bumpedRow = page.locator(`[data-panel="job-list"] [data-job-id="${bumped.id}"]`);
    await bumpedRow.locator('[data-testid=job-position]').waitFor({ timeout: 15_000 });
    assert.equal((await bumpedRow.locator('[data-testid=job-position]').innerText()).trim(), '#1');
    assert.equal(await bumpedRow.getAttribute('data-status'), 'pending');

    // Watch the panel while three agents drain the queue: the depth only goes down, through values between 20 and 0.
    await ui.openTab('queues');
    const seen = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const text = await depth.innerText().catch(() => null);
        if (text !== null && seen.at(-1) !== Number(text)) seen.push(Number(text));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await system.startAgents(3, { work: 150 });
    try {
      await eventually(async () => (await depth.innerText()).trim() === '0', 'the any-agent queue to drain to zero', 120_000, 200);
      await queues.locator('[data-testid=pending-empty]').waitFor({ timeout: 20_000 });
    } finally {
      watching = false;
      await watcher;
    }
    await ui.screenshot('dispatch-02-drained');
    assert.equal(seen[0], JOBS, `the panel showed 20 waiting first (saw ${seen.join(' → ')})`);
    assert.equal(seen.at(-1), 0);
    assert.ok(seen.some((n) => n > 0 && n < JOBS), `the panel showed the queue draining (saw ${seen.join(' → ')})`);
    assert.ok(seen.every((n, i) => i === 0 || n <= seen[i - 1]), `the depth never went up (saw ${seen.join(' → ')})`);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'live: the page was never reloaded');

    // Every job completed on its first attempt, all three agents took some, and the starts follow the priorities.
    const done = [];
    for (const job of jobs) {
      done.push(await eventually(async () => {
        const stored = await system.api(`/api/jobs/${job.id}`);
        return stored.status === 'completed' ? stored : stored.status === 'failed' ? assert.fail(`job ${job.id} failed: ${stored.error_message}`) : null;
      }, `job ${job.id} to complete`, 90_000, 250));
    }
    assert.ok(done.every((j) => j.attempts.length === 1), 'one attempt each');
    assert.equal(new Set(done.map((j) => j.attempts[0].agent_id)).size, 3, 'all three agents took jobs');
    const starts = done.map((j) => ({ priority: j.priority, started: Date.parse(j.attempts[0].started_at), ended: Date.parse(j.attempts[0].ended_at), agent: j.attempts[0].agent_id.slice(0, 4), at: j.attempts[0].started_at }))
      .sort((a, b) => a.started - b.started);
    const timeline = starts.map((s) => `${s.at} agent ${s.agent} priority ${s.priority}, ran ${s.ended - s.started} ms`).join('\n');
    // Starts of one dispatch round go out in parallel, so their stamps may come in any order; a priority-0 job may
    // only appear to start before a higher one when both ran at once, never a whole run ahead of it.
    assert.ok(starts.slice(0, 3).some((s) => s.priority === 100), `the bumped job is in the first round:\n${timeline}`);
    for (const low of starts.filter((s) => s.priority === 0)) {
      for (const high of starts.filter((s) => s.priority >= HIGH && s.started > low.started)) {
        assert.ok(high.started < low.ended, `a priority-0 job (${low.at}) ran ahead of a priority-${high.priority} job (${high.at}):\n${timeline}`);
      }
    }
    assert.ok(starts.slice(0, JOBS / 2 - 1).every((s) => s.priority >= HIGH), `the first rounds are the higher priorities:\n${timeline}`);

    // The details of a job show its attempt: agent, outcome.
    await page.goto(`/jobs/${bumped.id}`);
    const attempt = page.locator('[data-testid=details-dispatch] [data-testid=attempts] li').first();
    await attempt.waitFor({ timeout: 20_000 });
    assert.equal(await attempt.getAttribute('data-outcome'), 'completed');
    assert.match(await attempt.locator('[data-testid=attempt-agent]').innerText(), /e2e-agent-[123]/);
    await ui.screenshot('dispatch-03-attempt');
    assert.deepEqual(ui.errors, [], 'no uncaught errors in the page');
  });

  it('queues several jobs alike from one submission of the form (Copies) and shows them in the Queues panel', async () => {
    await page.goto('/');
    await page.locator('[data-testid=connection][data-state=online]').waitFor({ timeout: 20_000 });
    const prompt = `Copied job ${Date.now()}. The system shall record it.`;
    await ui.openTab('job-create');
    const form = page.locator('[data-panel="job-create"]');
    await form.locator('[data-testid=create-prompt]').fill(prompt);
    await form.locator('[data-testid=create-priority]').fill('7');
    await form.locator('[data-testid=create-copies]').fill('5');
    assert.match(await form.locator('[data-testid=create-submit]').innerText(), /5/);
    const previous = page.url();
    await form.locator('[data-testid=create-submit]').click();
    await page.waitForURL((url) => /\/jobs\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== previous, { timeout: 30_000 });
    await page.locator('[data-panel="queues"]').first().waitFor({ timeout: 15_000 });

    const copies = await eventually(async () => {
      const { jobs } = await system.api('/api/jobs?limit=100');
      const mine = jobs.filter((j) => j.prompt === prompt);
      return mine.length === 5 && mine.every((j) => j.status === 'completed') ? mine : null;
    }, 'five copies to be created and to complete', 90_000, 250);
    assert.equal(new Set(copies.map((j) => j.id)).size, 5);
    assert.ok(copies.every((j) => j.dispatch === 'auto' && j.priority === 7 && j.attempts.length === 1), 'every copy was queued with the form\'s settings');
    await ui.openTab('job-create');
    assert.equal(await form.locator('[data-testid=create-copies]').inputValue(), '1', 'the form is back to one copy');
    assert.deepEqual(ui.errors, [], 'no uncaught errors in the page');
  });
});
