/**
 * Debian's chromium, driven headless by playwright-core (which downloads no browser of its own).
 * `.ci/run` installs chromium with apt; elsewhere set CHROMIUM_PATH to any Chromium or Chrome.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve('test/e2e/screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // As root in a sandboxless container, and on a machine with no way out: no background calls home.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A fresh browser profile at 1280×800 in a language. */
export function newContext(browser: Browser, locale = 'en-US', timezoneId = 'Europe/London'): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, locale, timezoneId, acceptDownloads: true });
}

/** Saves what the page shows (the 1280×800 viewport) as test/e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const AXE_SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.x A and AA rules (labels, names, contrast, landmarks, ARIA) on what the page
 * shows now. The email inside its sandboxed frame is the template's, checked by the linter, not
 * the console's, so it is left out.
 */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: the console's content policy (no inline scripts) stays on.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(
    `axe.run({ exclude: [['iframe.email']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })`,
  )) as {
    violations: AxeViolation[];
  };
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
  }));
}

/** Signs in to the console at `url` with a key, in the context's language (English or Chinese): a page that shows the role. */
export async function signInConsole(context: BrowserContext, url: string, token: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/ui/`);
  const zh = (await page.evaluate('navigator.language')) === 'zh-CN';
  await page.getByRole('heading', { name: zh ? '登录' : 'Sign in' }).waitFor();
  await page.getByLabel(zh ? 'API 密钥' : 'API key').fill(token);
  await page.keyboard.press('Enter');
  await page.getByTestId('role').waitFor();
  return page;
}
