// The browser side every Chromium test shares: one way to launch headless Chromium, open a context on the silo, and
// drive a cockpit page (open a panel, take a screenshot into e2e/artifacts, sign in through the user menu). The
// system side (silo, agents, demo LLM as processes) is system.mjs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { cockpitRoot } from './system.mjs';

/** Screenshots and failure evidence, kept after the run (CI uploads nothing; a person reads them here). */
export const artifacts = join(cockpitRoot, 'e2e', 'artifacts');
mkdirSync(artifacts, { recursive: true });

// Debian's Chromium unless CHROME_BIN says otherwise; no sandbox because CI runs as root in a container.
const chromiumPath = process.env.CHROME_BIN ?? '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** A fresh context (no cookies) on the silo at `base`, 1440 pixels wide like the screenshots in the docs. */
export function newCockpitContext(browser, base, { height = 900 } = {}) {
  return browser.newContext({ viewport: { width: 1440, height }, baseURL: base });
}

/**
 * One cockpit page and what the tests do to it. Uncaught page errors are collected in `errors` (each test asserts it
 * ends empty); confirmation dialogs are accepted, as a person clicking "OK" would.
 */
export class CockpitPage {
  constructor(page) {
    this.page = page;
    this.errors = [];
    page.on('pageerror', (e) => this.errors.push(e.message));
    page.on('dialog', (d) => d.accept());
  }

  static async open(context) {
    return new CockpitPage(await context.newPage());
  }

  async openTab(panel) {
    await this.page.locator(`[data-panel-tab="${panel}"]`).first().click();
    await this.page.locator(`[data-panel="${panel}"]`).first().waitFor();
  }

  async screenshot(name) {
    await this.page.screenshot({ path: join(artifacts, `${name}.png`) });
  }

  /** Signs this browser in with a role through the user menu's development sign-in; the page reloads with the new session. */
  async signInAs(role) {
    await this.page.locator('[data-testid=user-menu]').click();
    await Promise.all([this.page.waitForEvent('load'), this.page.locator(`[data-testid=sign-in-as][data-role=${role}]`).click()]);
    await this.page.locator(`[data-testid=role][data-role=${role}]`).waitFor({ timeout: 20_000 });
    await this.page.locator('[data-testid=connection][data-state=online]').waitFor({ timeout: 20_000 });
  }
}
