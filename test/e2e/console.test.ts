/**
 * The console in a real browser (Debian's chromium through playwright-core) against the whole
 * service with the fake Twilio and a real SMTP server: what an agent and a compliance officer
 * do, and what each may not see. Every page is saved as a 1280×800 screenshot.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchChromium, newContext, screenshot } from '../support/browser.js';
import { type FakeTwilio, providerEnv, startFakeTwilio } from '../support/fake-twilio.js';
import { type Harness, reminderBody, sqliteOnly, startHarness } from '../support/harness.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { WARM_WORDING } from '../support/experiments.js';
import { waitFor } from '../support/wait.js';
import { zoneWhereHourIn } from '../support/zones.js';
import { Redis } from 'ioredis';
import { makeContactLedger } from '../../src/jobs/caps/contact-ledger.js';

const BORROWER = 'b-console-1';
const OTHER = 'b-console-2';
const HELD = 'b-console-held';
const PLANNED = 'b-console-plan';
const LISTED = 'b-console-listed';
/** A borrower in Massachusetts who had two texts this week: the state's layer holds the third. */
const IN_MA = 'b-console-ma';
const LATE = 'b-console-late';
const MANY = 'b-console-many';
const PHONE = '+14155550123';
/** Two borrowers of one name: in different zones, last reached on different channels. */
const TWIN = 'b-console-twin-a';
const LONG_ID = 'b-console-twin-b-0123456789-abcdefghij-klmnopqrst';
/** A borrower who may be in either of two zones: times shown in UTC. */
const TWO_ZONES = 'b-console-two-zones';

/** Saves the page as a screenshot and checks it against axe-core's WCAG A/AA rules. */
async function look(page: Page, name: string) {
  await screenshot(page, name);
  expect(await accessibilityViolations(page), `accessibility of ${name}`).toEqual([]);
}

describe('the web console', () => {
  let h: Harness;
  let tw: FakeTwilio;
  let smtp: SmtpSink;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const messageIds: Record<string, string> = {};
  let expDir = '';

  const send = async (body: Record<string, unknown>) => {
    const res = await h.api('POST', '/v1/reminders', { body });
    expect(res.status).toBe(202);
    const id = res.body.messages[0].id as string;
    await waitFor(
      async () =>
        ['sent', 'delivered'].includes((await h.api('GET', `/v1/reminders/${res.body.id}`)).body.messages[0].status),
      { what: `${body.channel} sent` },
    );
    return id;
  };

  beforeAll(async () => {
    [tw, smtp, browser] = await Promise.all([startFakeTwilio(), startSmtpSink(), launchChromium()]);
    // An experiment, for the outcomes pages.
    expDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-console-exp-'));
    fs.writeFileSync(path.join(expDir, 'experiments.json'), JSON.stringify({ experiments: [WARM_WORDING] }));
    h = await startHarness({
      db: sqliteOnly,
      env: { ...providerEnv(tw, smtp), EXPERIMENTS_FILE: path.join(expDir, 'experiments.json') },
    });
    const person = { id: BORROWER, name: 'Alex Chen', phone: PHONE, email: 'alex.console@example.com' };
    messageIds.sms = await send(reminderBody({ channel: 'sms', template: 'gentle-overdue' }, person));
    messageIds.email = await send(reminderBody({ channel: 'email', template: 'payment-plan-offer' }, person));
    await send(reminderBody({ channel: 'sms' }, { id: OTHER, name: 'Sam Lee', phone: '+14155550124' }));
    await send(
      reminderBody(
        { channel: 'sms' },
        { id: TWIN, name: 'Taylor Kim', phone: '+14155550130', timezone: 'Asia/Shanghai', email: 'tk1@example.com' },
      ),
    );
    await send(
      reminderBody(
        { channel: 'sms' },
        { id: TWO_ZONES, name: 'Lin Ma', phone: '+14155550132', timezone: ['Asia/Shanghai', 'America/New_York'] },
      ),
    );
    await send(
      reminderBody(
        { channel: 'email', template: 'payment-plan-offer' },
        { id: LONG_ID, name: 'Taylor Kim', phone: '+14155550129', email: 'taylor.kim@example.com' },
      ),
    );
    // Enough messages for more than one audit page (25 a page).
    const batch = await h.api('POST', '/v1/reminders/batch', {
      body: {
        reminders: Array.from({ length: 27 }, () =>
          reminderBody({ channel: 'sms' }, { id: MANY, name: 'Casey Wu', phone: '+14155550126' }),
        ),
      },
    });
    expect(batch.status).toBe(200);
    await waitFor(
      async () =>
        (await h.api('GET', `/v1/audit/messages?borrowerId=${MANY}&status=sent&limit=100`, { role: 'compliance' })).body
          .items.length === 27,
      { what: 'the batch sent' },
    );
    // A borrower whose account the collection strategy runs.
    const overdue = await h.api('POST', '/v1/accounts/acct-console/overdue', {
      body: {
        borrower: {
          id: PLANNED,
          name: 'Jordan Park',
          phone: '+14155550125',
          email: 'jordan.park@example.com',
          timezone: 'America/New_York',
          locale: 'en-US',
        },
        debt: { ...reminderBody().debt, accountRef: 'acct-console', daysOverdue: 20 },
      },
    });
    expect(overdue.status).toBe(202);
    // A borrower who asked not to be called now (a blackout over the present hour, their time).
    const zone = 'Asia/Shanghai';
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' })
        .formatToParts(new Date())
        .map((p) => [p.type, p.value]),
    );
    const hour = Number(parts.hour);
    const blackout = {
      days: [String(parts.weekday).toLowerCase().slice(0, 3)],
      from: `${String(hour).padStart(2, '0')}:00`,
      to: hour >= 22 ? '24:00' : `${String(hour + 2).padStart(2, '0')}:00`,
    };
    const put = await h.api('PUT', `/v1/borrowers/${HELD}`, {
      body: { name: '陈明', phone: '+8613800138000', locale: 'zh-CN', timezone: zone, blackouts: [blackout] },
    });
    expect([200, 201]).toContain(put.status);
    // A number that texted STOP before this borrower existed: only the suppression list knows.
    expect(
      (
        await h.api('POST', '/v1/opt-outs', {
          body: { address: '+14155550127', channel: 'sms', source: 'console test' },
        })
      ).status,
    ).toBe(201);
    await h.api('PUT', `/v1/borrowers/${LISTED}`, {
      body: { name: 'Robin Ng', phone: '+14155550127', timezone: 'UTC' },
    });
    await h.api('PUT', `/v1/borrowers/${IN_MA}`, {
      body: {
        name: 'Sam Doyle',
        phone: '+16175550140',
        timezone: zoneWhereHourIn(9, 17),
        address: { region: 'US-MA' },
      },
    });
    {
      const redis = new Redis(h.env.REDIS_URL!);
      const ledger = makeContactLedger(redis, h.prefix);
      for (const daysAgo of [4, 2])
        await ledger.record(
          IN_MA,
          `earlier-${daysAgo}`,
          {
            channel: 'sms',
            at: Date.now() - daysAgo * 86_400_000,
            outcome: 'delivered',
            direction: 'outbound',
            to: '+16175550140',
          },
          30 * 86_400_000,
        );
      redis.disconnect();
    }
    // A late account, handed off to people.
    const late = await h.api('POST', '/v1/accounts/acct-console-late/overdue', {
      body: {
        borrower: {
          id: LATE,
          name: 'Kim Ortiz',
          phone: '+14155550128',
          email: 'kim.ortiz@example.com',
          timezone: 'America/New_York',
          locale: 'en-US',
        },
        debt: { ...reminderBody().debt, accountRef: 'acct-console-late', daysOverdue: 45 },
      },
    });
    expect(late.status).toBe(202);
    // 40 borrowers in the experiment; the first 8 pay.
    const inExperiment = Array.from({ length: 40 }, (_, i) => ({
      ...reminderBody(
        { experiment: 'warm-wording', template: undefined, channel: 'email' },
        { id: `b-exp-${i}`, name: `Exp Borrower ${i}`, email: `exp${i}@example.com` },
      ),
      debt: { ...reminderBody().debt, accountRef: `5105${String(i).padStart(12, '0')}` },
    }));
    expect((await h.api('POST', '/v1/reminders/batch', { body: { reminders: inExperiment } })).body.accepted).toBe(40);
    await waitFor(
      async () =>
        (await h.api('GET', '/v1/outcomes/experiments/warm-wording', { role: 'compliance' })).body.arms.reduce(
          (n: number, a: { sent: number }) => n + a.sent,
          0,
        ) === 40 || undefined,
      { what: 'the experiment sent' },
    );
    for (let i = 0; i < 8; i++) {
      const res = await h.api('POST', `/v1/accounts/5105${String(i).padStart(12, '0')}/payments`, {
        body: { id: `p-${i}`, amount: '50.00', currency: 'USD', paidAt: new Date().toISOString(), kind: 'partial' },
      });
      expect(res.status).toBe(201);
    }
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await h?.destroy();
    await Promise.all([tw?.close(), smtp?.close()]);
    if (expDir) fs.rmSync(expDir, { recursive: true, force: true });
  });

  async function signIn(
    role: 'agent' | 'compliance' | 'admin',
    locale = 'en-US',
  ): Promise<{ page: Page; apiPaths: string[] }> {
    const context = await newContext(browser, locale);
    contexts.push(context);
    const page = await context.newPage();
    const apiPaths: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/v1/') || u.pathname.startsWith('/ui/pages/')) apiPaths.push(u.pathname);
    });
    await page.goto(`${h.url}/ui/`);
    await page.getByRole('heading', { name: locale.startsWith('zh') ? '登录' : 'Sign in' }).waitFor();
    await page.getByLabel(locale.startsWith('zh') ? 'API 密钥' : 'API key').fill(h.keys.tokens[role]);
    await page.keyboard.press('Enter');
    await page.getByTestId('role').waitFor();
    return { page, apiPaths };
  }

  describe('as an agent', () => {
    let page: Page;
    let apiPaths: string[];
    beforeAll(async () => {
      ({ page, apiPaths } = await signIn('agent'));
    });

    it('shows the catalogue and no audit menu', async () => {
      await page.getByRole('heading', { name: 'Templates' }).waitFor();
      await page.getByTestId('catalogue').getByRole('link', { name: 'Payment plan offer' }).waitFor();
      const menu = await page.locator('#menu').innerText();
      expect(menu).toContain('Templates');
      expect(menu).toContain('May I contact?');
      expect(menu).not.toContain('Audit');
      expect(menu).not.toContain('Dashboard');
      await look(page, 'templates');
    });

    it('previews payment-plan-offer in zh-CN with the segment count the API gives', async () => {
      await page.getByTestId('catalogue').getByRole('link', { name: 'Payment plan offer' }).click();
      await page.getByRole('heading', { name: 'Payment plan offer' }).waitFor();
      const zh = page.locator('section.pane[data-locale="zh-CN"]');
      const en = page.locator('section.pane[data-locale="en-US"]');
      await zh.getByTestId('sms-segments').waitFor();
      await en.getByTestId('sms-segments').waitFor();
      await look(page, 'template-preview');

      // zh-CN alone.
      await page.getByRole('checkbox', { name: 'en-US' }).uncheck();
      await expect.poll(() => en.count()).toBe(0);
      await zh.getByTestId('sms-segments').waitFor();
      const api = await h.api('POST', '/v1/templates/payment-plan-offer/preview', {
        role: 'agent',
        body: { channel: 'sms', locale: 'zh-CN' },
      });
      expect(api.status).toBe(200);
      expect(Number(await zh.getByTestId('sms-segments').innerText())).toBe(api.body.sms.segments);
      expect(Number(await zh.getByTestId('sms-characters').innerText())).toBe(api.body.sms.characters);
      expect(await zh.getByTestId('sms-encoding').innerText()).toBe(api.body.sms.encoding);
      expect(await zh.getByTestId('sms-text').innerText()).toBe(api.body.text);
      await look(page, 'template-preview-zh-CN');
    });

    it('says what is wrong with sample data that is not JSON, and recovers', async () => {
      const zh = page.locator('section.pane[data-locale="zh-CN"]');
      await zh.getByText('Sample data', { exact: true }).click();
      const data = zh.getByLabel('Sample data for zh-CN (JSON)');
      const before = await zh.getByTestId('sms-text').innerText();
      await data.fill('{"debt": {"daysOverdue": 40,}}');
      await zh.getByText('The sample data is not valid JSON').waitFor();
      expect(await data.getAttribute('aria-invalid')).toBe('true');
      await data.fill('{"borrower": {"name": "王芳"}}');
      await expect.poll(() => zh.getByTestId('sms-text').innerText()).toContain('王芳');
      expect(before).not.toContain('王芳');
      expect(await data.getAttribute('aria-invalid')).toBeNull();
    });

    it('shows the email in a sandboxed frame and the voice script', async () => {
      await page.getByRole('radio', { name: 'Email' }).check();
      const frame = page.locator('section.pane[data-locale="zh-CN"]').getByTestId('email-frame');
      await frame.waitFor();
      expect(await frame.getAttribute('sandbox')).toBe('');
      await page.getByRole('radio', { name: 'Voice' }).check();
      await page.locator('section.pane[data-locale="zh-CN"]').getByTestId('voice-script').waitFor();
      await page.getByRole('radio', { name: 'SMS' }).check();
    });

    it('lints a draft as it is typed: a threat is flagged on its line', async () => {
      const editor = page.getByLabel('Draft template');
      await editor.scrollIntoViewIfNeeded();
      await editor.fill('{{debt.creditor}}: your payment is overdue.\n');
      await editor.pressSequentially('Pay today or we will take you to c0urt.', { delay: 5 });
      const findings = page.getByTestId('draft-findings');
      await findings.getByText('threat-legal-action').waitFor();
      // The finding names line 2, and line 2 of the source view is marked with it.
      await findings.getByText('line 2, column').first().waitFor();
      const line2 = findings.locator('ol.source li[data-line="2"]');
      expect(await line2.getAttribute('class')).toContain('flagged error');
      expect(await line2.innerText()).toContain('threatens legal action');
      // The characters the author wrote are marked, and the finding says what they read as and
      // which regulation the rule serves.
      expect(await line2.locator('mark[data-rule="threat-legal-action"]').innerText()).toBe('take you to c0urt');
      expect(await findings.getByTestId('finding-reads').first().innerText()).toContain('take you to court');
      expect(await findings.getByTestId('finding-regulation').first().innerText()).toContain('FDCPA §807(5)');
      expect(await page.getByTestId('draft-summary').innerText()).toMatch(/\d+ errors/);
      await look(page, 'draft-editor');

      // The finding's link goes to its line without redrawing the page (the draft stays).
      await findings
        .getByRole('link', { name: /line 2, column/ })
        .first()
        .click();
      expect(page.url()).toContain('#draft-L2');
      expect(await editor.inputValue()).toContain('take you to c0urt');
      expect(await findings.locator('ol.source li[data-line="2"]').evaluate((el) => el.matches(':target'))).toBe(true);
    });

    it('switches language from the keyboard, keeping focus on the switch and what was typed', async () => {
      const typed = await page.getByLabel('Draft template').inputValue();
      await page.locator('#lang').focus();
      await page.keyboard.press('ArrowDown');
      await page.getByRole('heading', { name: '草稿编辑器' }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('lang');
      expect(await page.getByLabel('模板草稿').inputValue()).toBe(typed);
      await page.getByTestId('draft-findings').getByText('threat-legal-action').waitFor();
      await page.keyboard.press('ArrowUp');
      await page.getByRole('heading', { name: 'Draft editor' }).waitFor();
      expect(await page.getByLabel('Draft template').inputValue()).toBe(typed);
    });

    it('answers "may I contact?" in words with both local times', async () => {
      await page.getByRole('link', { name: 'May I contact?' }).click();
      await page.getByLabel('Borrower id').fill(HELD);
      await page.getByLabel('Channel').selectOption('sms');
      await page.getByRole('button', { name: 'Ask' }).click();
      await page.getByTestId('answer').waitFor();
      expect(await page.getByTestId('answer').innerText()).toContain('Not now');
      const earliest = await page.getByTestId('earliest').innerText();
      expect(earliest).toContain("Borrower's time (Asia/Shanghai)");
      expect(earliest).toContain('Your time (Europe/London)');
      expect(await page.getByTestId('reasons').innerText()).toContain('asked not to be contacted');
      await look(page, 'may-i-contact');

      await page.getByLabel('Borrower id').fill(BORROWER);
      await page.getByRole('button', { name: 'Ask' }).click();
      await expect.poll(() => page.getByTestId('answer').innerText()).toContain('Yes');

      await page.getByLabel('Borrower id').fill(LISTED);
      await page.getByRole('button', { name: 'Ask' }).click();
      await expect.poll(() => page.getByTestId('answer').innerText()).toContain('Not now');
      expect(await page.getByTestId('reasons').innerText()).toContain(
        '+141****0127 is on the suppression list for sms',
      );

      // Where the borrower lives adds its state's rules, and the answer names the layer that decided.
      await page.getByLabel('Borrower id').fill(IN_MA);
      await page.getByRole('button', { name: 'Ask' }).click();
      await expect.poll(() => page.getByTestId('layers').innerText()).toContain(' + US-MA');
      const why = await page.getByTestId('reasons').innerText();
      expect(why).toContain('US-MA: 940 CMR 7.04(1)(f)');
      expect(why).toContain('decided by US-MA');
    });

    it('shows a borrower timeline, newest first', async () => {
      await page.getByRole('link', { name: 'Borrower timeline' }).click();
      await page.getByLabel('Borrower id').fill(BORROWER);
      await page.getByRole('button', { name: 'Show' }).click();
      await page.getByTestId('timeline').waitFor();
      const rows = await page.getByTestId('timeline').locator('tbody tr').count();
      expect(rows).toBeGreaterThanOrEqual(6);
      await page.getByTestId('strategy').getByText('No collection strategy').waitFor();
      // The language preference as recorded (6 RCNY 2-193(b)(5)): named, with when it was said.
      expect(await page.getByTestId('language').innerText()).toMatch(/^American English \(en-US\) · recorded /);

      await page.getByLabel('Borrower id').fill(PLANNED);
      await page.getByRole('button', { name: 'Show' }).click();
      const plan = (await h.api('GET', `/v1/borrowers/${PLANNED}/plan`, { role: 'agent' })).body;
      const stage = plan.accounts[0].stage as string;
      await page.getByTestId('stage').waitFor();
      expect(await page.getByTestId('stage').innerText()).toBe(stage[0]!.toUpperCase() + stage.slice(1));
      expect(await page.getByTestId('strategy').innerText()).toContain('Account acct-console');
      await look(page, 'timeline');

      await page.getByLabel('Borrower id').fill(LATE);
      await page.getByRole('button', { name: 'Show' }).click();
      await page.getByTestId('handoff').waitFor();
      const handoff = await page.getByTestId('handoff').innerText();
      expect(handoff).toContain('Handed off to people');
      expect(handoff).toContain('No events webhook is configured');
    });

    it('finds a borrower by name and leads to the timeline and to "May I contact?"', async () => {
      await page.getByRole('link', { name: 'Borrower timeline' }).click();
      await page.getByLabel('Borrower id').fill('casey');
      await page.getByRole('button', { name: 'Show' }).click();
      const found = page.getByTestId('search-results');
      await found.getByText('Casey Wu').waitFor();
      expect(await found.innerText()).toContain('+141****0126');
      expect(await found.getByRole('link', { name: 'May I contact?' }).getAttribute('href')).toBe(
        `/ui/contact?borrower=${MANY}`,
      );
      await look(page, 'borrower-search');
      await found.getByRole('link', { name: 'Timeline' }).click();
      await page.getByRole('heading', { name: new RegExp(MANY) }).waitFor();
      await page.getByTestId('timeline').waitFor();
      const reads = (await h.api('GET', '/v1/audit/reads?limit=50', { role: 'admin' })).body.items;
      expect(
        reads.some((r: { action: string; filter: { q: string } }) => r.action === 'search' && r.filter.q === 'casey'),
      ).toBe(true);
    });

    it('shows timeline and plan times in the borrower’s zone beside UTC', async () => {
      await page.goto(`${h.url}/ui/borrowers/${TWIN}`);
      const when = page.getByTestId('timeline').locator('tbody tr').first().locator('time');
      await when.waitFor();
      const at = new Date((await when.getAttribute('datetime'))!);
      const hm = (timeZone: string) =>
        new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
      const text = await when.innerText();
      expect(text).toContain(`${hm('Asia/Shanghai')} Asia/Shanghai`);
      expect(text).toContain(`${hm('UTC')} UTC`);
      expect(await page.getByTestId('zone-note').innerText()).toBe(
        "Times are in the borrower's zone (Asia/Shanghai) and in UTC.",
      );
      await look(page, 'timeline-zones');

      // Two zones recorded: UTC, and the note says why.
      await page.goto(`${h.url}/ui/borrowers/${TWO_ZONES}`);
      const utc = page.getByTestId('timeline').locator('tbody tr').first().locator('time');
      await utc.waitFor();
      expect(await utc.innerText()).toMatch(/^\w{3} \d{1,2} \d\d:\d\d UTC$/);
      expect(await page.getByTestId('zone-note').innerText()).toBe(
        'Times are in UTC: the borrower may be in any of several zones (Asia/Shanghai, America/New_York).',
      );

      await page.goto(`${h.url}/ui/borrowers/${PLANNED}`);
      const step = page.getByTestId('strategy').locator('ol.steps li time').first();
      await step.waitFor();
      expect(await step.innerText()).toMatch(/America\/New_York · .*\d\d:\d\d UTC$/);
    });

    it('tells two borrowers of one name apart by id, masked number and last contact', async () => {
      await page.getByRole('link', { name: 'Borrower timeline' }).click();
      await page.getByLabel('Borrower id').fill('Taylor Kim');
      await page.getByRole('button', { name: 'Show' }).click();
      const rows = page.getByTestId('search-table').locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(2);
      const [first, second] = await rows.allInnerTexts();
      expect(first).toContain(TWIN);
      expect(first).toContain('+141****0130');
      expect(first).toMatch(/SMS\s+.* Asia\/Shanghai · .*UTC/);
      expect(second).toContain(LONG_ID);
      expect(second).toContain('+141****0129');
      expect(second).toMatch(/Email\s+.* America\/New_York · .*UTC/);
      const shown = await page.getByTestId('search-results').innerText();
      expect(shown).not.toContain('5550130');
      expect(shown).not.toContain('taylor.kim@');
      await look(page, 'borrower-search-twins');
    });

    it('keeps a long id on one line in a table, scrolling the table on a narrow screen', async () => {
      const id = page.locator(`tr[data-borrower="${LONG_ID}"] code.id`);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width > 400 ? 800 : 844 });
        const box = await id.evaluate((el) => {
          const style = getComputedStyle(el);
          return {
            height: el.getBoundingClientRect().height,
            line: parseFloat(style.lineHeight),
            whiteSpace: style.whiteSpace,
            text: (el as HTMLElement).innerText,
          };
        });
        expect(box.whiteSpace).toBe('nowrap');
        expect(box.text).toBe(LONG_ID);
        expect(box.height, `one line at ${width}px`).toBeLessThan(box.line * 1.5);
        await look(page, `borrower-search-${width}`);
      }
      const wrap = page.getByTestId('search-results').locator('.table-wrap');
      expect(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await page.goto(`${h.url}/ui/borrowers/${TWIN}`);
      const when = page.getByTestId('timeline').locator('tbody tr').first().locator('time');
      await when.waitFor();
      const height = await when.evaluate(
        (el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight),
      );
      expect(height).toBeLessThan(1.5);
      await when.scrollIntoViewIfNeeded();
      await look(page, 'timeline-390');
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    it('never asks the audit API, and gets 403 when it does', async () => {
      await page.goto(`${h.url}/ui/audit`);
      await page.getByRole('heading', { name: 'Not for your role' }).waitFor();
      // Neither the audit data nor the code of the compliance pages reached this browser.
      expect(apiPaths.filter((p) => p.startsWith('/v1/audit'))).toEqual([]);
      expect(apiPaths.filter((p) => /\/ui\/pages\/(audit|message|dashboard)\.js$/.test(p))).toEqual([]);
      expect(apiPaths).toContain('/ui/pages/template.js');
      const status = await page.evaluate(
        async () =>
          (
            await fetch('/v1/audit/messages', {
              headers: { Authorization: `Bearer ${sessionStorage.getItem('rd.apiKey')}` },
            })
          ).status,
      );
      expect(status).toBe(403);
    });

    it('forgets the key on sign-out', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('rd.apiKey'))).toBeNull();
      await page.goto(`${h.url}/ui/templates`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    });
  });

  describe('as compliance', () => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await signIn('compliance'));
    });

    it('filters the audit to one borrower, with masked recipients and a verified chain', async () => {
      await page.getByRole('heading', { name: 'Audit' }).waitFor();
      const menu = await page.locator('#menu').innerText();
      expect(menu).toContain('Audit');
      expect(menu).not.toContain('Templates');
      await page.getByTestId('chain-badge').getByText('Audit chain verified').waitFor();
      await page.getByLabel('Borrower id').fill(BORROWER);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expect.poll(() => page.getByTestId('messages').locator('tbody tr').count()).toBe(2);
      const text = await page.getByTestId('messages').innerText();
      expect(text).not.toContain(OTHER);
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain('alex.console@example.com');
      await look(page, 'audit');
    });

    it('opens a message: its content is exactly what the provider received', async () => {
      await page.getByRole('link', { name: `Open message ${messageIds.sms}` }).click();
      await page.getByTestId('sms-text').waitFor();
      const received = tw.messages().find((r) => r.form.To === PHONE)!;
      expect(await page.getByTestId('sms-text').innerText()).toBe(received.form.Body);
      expect(await page.getByTestId('events').innerText()).toContain('Sent');
      await page.getByTestId('chain-badge').getByText('Audit chain verified').waitFor();
      await look(page, 'audit-message-sms');
      await page.getByTestId('events').scrollIntoViewIfNeeded();
      await look(page, 'audit-message-sms-events');

      await page.goto(`${h.url}/ui/audit/messages/${messageIds.email}`);
      await page.getByTestId('email-frame').waitFor();
      const mail = smtp.mails.find((m) => m.to && JSON.stringify(m.to).includes('alex.console@example.com'))!;
      expect(await page.getByTestId('email-subject').innerText()).toBe(mail.subject);
      expect(await page.getByTestId('email-frame').getAttribute('sandbox')).toBe('');
      const shown = await page.frameLocator('[data-testid="email-frame"]').locator('body').innerText();
      const sent = String(mail.html).replace(/<[^>]+>/g, ' ');
      const firstWords = shown.trim().split(/\s+/).filter(Boolean).slice(0, 6);
      expect(firstWords).toHaveLength(6); // an empty frame shows no words and fails here
      for (const w of firstWords) expect(sent).toContain(w.replace(/[,.:;!]$/, ''));
      expect(shown).toContain('Northwind Bank');
      expect((await page.getByTestId('email-text').textContent())?.trimEnd()).toBe(String(mail.text).trimEnd());
      await look(page, 'audit-message-email');
    });

    it('exports the filtered messages as CSV', async () => {
      await page.goto(`${h.url}/ui/audit?borrower=${BORROWER}`);
      await expect.poll(() => page.getByTestId('messages').locator('tbody tr').count()).toBe(2);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      expect(download.suggestedFilename()).toMatch(/^messages-.*\.csv$/);
      const csv = fs.readFileSync((await download.path())!, 'utf8');
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toMatch(/^id,reminderId,borrowerId,channel/);
      expect(lines).toHaveLength(3);
      expect(csv).toContain(messageIds.sms);
      expect(csv).toContain(messageIds.email);
      expect(csv).not.toContain(OTHER);
    });

    it('pages through the audit, and Back and reload return to the same page', async () => {
      await page.goto(`${h.url}/ui/audit?borrower=${MANY}`);
      await expect.poll(() => page.getByTestId('messages').locator('tbody tr').count()).toBe(25);
      const firstPage = await page.getByTestId('messages').innerText();
      await page.getByRole('button', { name: 'Next page' }).click();
      await expect.poll(() => page.getByTestId('messages').locator('tbody tr').count()).toBe(2);
      expect(page.url()).toContain('page=2');
      expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
      const secondPage = await page.getByTestId('messages').innerText();
      await page
        .getByTestId('messages')
        .getByRole('link', { name: /^Open message/ })
        .first()
        .click();
      await page.getByTestId('sms-text').waitFor();
      await page.goBack();
      await expect.poll(() => page.getByTestId('messages').locator('tbody tr').count()).toBe(2);
      expect(await page.getByTestId('messages').innerText()).toBe(secondPage);
      await page.reload();
      await expect.poll(() => page.getByTestId('messages').locator('tbody tr').count()).toBe(2);
      await page.getByRole('button', { name: 'Previous page' }).click();
      await expect.poll(() => page.getByTestId('messages').locator('tbody tr').count()).toBe(25);
      expect(await page.getByTestId('messages').innerText()).toBe(firstPage);
    });

    it('refuses a period the dashboard cannot chart before asking the API', async () => {
      await page.goto(`${h.url}/ui/dashboard`);
      await page.getByLabel('First day').fill('2020-01-01');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.getByText(/Choose at most 366 days/).waitFor();
      expect(page.url()).not.toContain('from=2020');
    });

    it('charts messages per day by channel and outcome', async () => {
      await page.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByTestId('chart-sms').waitFor();
      const stats = (await h.api('GET', `/v1/audit/stats?timezone=Europe/London`, { role: 'compliance' })).body;
      const total = (channel: string) =>
        stats.days.reduce(
          (n: number, d: { channels: Record<string, Record<string, number>> }) =>
            n + Object.values(d.channels[channel]!).reduce((a, b) => a + b, 0),
          0,
        );
      expect(total('sms')).toBeGreaterThanOrEqual(29);
      expect(await page.getByTestId('chart-sms').locator('h2').innerText()).toContain(`${total('sms')} in the period`);
      expect(await page.getByTestId('chart-email').locator('h2').innerText()).toContain(
        `${total('email')} in the period`,
      );
      expect(await page.getByTestId('chart-sms').locator('svg rect').count()).toBeGreaterThan(0);
      await look(page, 'dashboard');
    });

    it('shows each experiment’s arms with their intervals, the figures, and a sentence; and the periodic review', async () => {
      await page.getByRole('link', { name: 'Outcomes', exact: true }).click();
      const section = page.getByTestId('experiment-warm-wording');
      await section.waitFor();
      expect(await section.locator('.sentence').first().innerText()).toMatch(
        /^warm: \d+\.\d % paid within 7 days \(.+\) vs control \d+\.\d % \(.+\), difference (not )?significant/,
      );
      expect(await section.locator('svg[role="img"] line').count()).toBeGreaterThanOrEqual(6);
      const result = (await h.api('GET', '/v1/outcomes/experiments/warm-wording', { role: 'compliance' })).body;
      const borrowers = result.arms.map((a: { borrowers: number }) => String(a.borrowers));
      const cells = await section.locator('tbody tr td:first-of-type').allInnerTexts();
      expect(cells).toEqual(borrowers);
      await page.getByTestId('outcomes-templates').getByText('gentle-overdue-warm').first().waitFor();
      await look(page, 'outcomes');
      await page.getByRole('link', { name: 'Periodic review' }).click();
      await page
        .getByTestId('review-recovered')
        .getByText(/8 payments \(400\.00 USD\)/)
        .waitFor();
      await page.getByTestId('review-experiments').getByText('warm-wording').waitFor();
      // Reach per channel: the texts and emails handed over, with the rate and its interval.
      const reach = page.getByTestId('review-reach');
      await reach.getByRole('rowheader', { name: 'SMS' }).first().waitFor();
      expect(await reach.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
      await look(page, 'review');
    });
  });

  describe('in Chinese, as an admin', () => {
    it('speaks the browser language, switches on request, and links the queues', async () => {
      const { page } = await signIn('admin', 'zh-CN');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh');
      await page.getByRole('link', { name: '统计看板' }).click();
      await page.getByRole('heading', { name: '统计看板' }).waitFor();
      await page.getByRole('link', { name: '打开队列（bull-board）' }).waitFor();
      await page.getByTestId('chart-sms').waitFor();
      await look(page, 'dashboard-zh');
      await page.getByLabel('语言').selectOption('en');
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
    });

    it('shows the outcomes in Chinese', async () => {
      const { page } = await signIn('admin', 'zh-CN');
      await page.getByRole('link', { name: '成效' }).click();
      await page.getByRole('heading', { name: '成效', exact: true }).waitFor();
      const sentence = await page.getByTestId('experiment-warm-wording').locator('.sentence').first().innerText();
      expect(sentence).toMatch(/^warm：7 天内还款 \d+\.\d %/);
      await look(page, 'outcomes-zh');
      await page.getByRole('link', { name: '定期回顾' }).click();
      await page
        .getByTestId('review-recovered')
        .getByText(/8 笔还款/)
        .waitFor();
      await page.getByRole('heading', { name: '触达：哪些送达了，其余为何没有' }).waitFor();
      await look(page, 'review-zh');
    });

    it('translates the policy’s reasons and the events by their codes', { timeout: 150_000 }, async () => {
      // Contact windows as in force (US-REGF), and a zone where it is 3 in the morning now.
      const rules = await startHarness({
        db: sqliteOnly,
        env: { ...providerEnv(tw, smtp), POLICY_PROFILE: 'US-REGF' },
      });
      try {
        // Never UTC itself (between 03:00 and 04:00 UTC it would be): the timeline shows a second
        // zone beside UTC only when the borrower's is another, so 2 in the morning then.
        const at3 = ((((3 - new Date().getUTCHours()) % 24) + 36) % 24) - 12;
        const offset = at3 === 0 ? -1 : at3;
        const zone = `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
        const night = 'b-console-night';
        const person = {
          id: night,
          name: '王芳',
          phone: '+14155550131',
          locale: 'zh-CN',
          timezone: zone,
          consent: { sms: true, voice: true, email: true },
        };
        expect([200, 201]).toContain((await rules.api('PUT', `/v1/borrowers/${night}`, { body: person })).status);
        const accepted = await rules.api('POST', '/v1/reminders', { body: reminderBody({ channel: 'sms' }, person) });
        expect(accepted.status).toBe(202);
        await waitFor(
          async () =>
            // Deferred, or parked back in the store when the window opens beyond the queue's horizon.
            (await rules.api('GET', `/v1/borrowers/${night}/timeline`, { role: 'agent' })).body.items.some(
              (e: { data: { reasons?: unknown } }) => Array.isArray(e.data.reasons),
            ) || undefined,
          { what: 'the night reminder deferred' },
        );

        const context = await newContext(browser, 'zh-CN');
        contexts.push(context);
        const page = await context.newPage();
        // This test has timed out at 60 s in some full runs: a wait that hangs says which, well before that.
        page.setDefaultTimeout(12_000);
        await page.goto(`${rules.url}/ui/`);
        await page.getByLabel('API 密钥').fill(rules.keys.tokens.agent);
        await page.keyboard.press('Enter');
        await page.getByTestId('role').waitFor();

        await page.goto(`${rules.url}/ui/contact?borrower=${night}&channel=sms`);
        const reasons = page.getByTestId('reasons');
        await reasons.waitFor();
        const window = reasons.locator('li[data-code="outside-contact-window"]');
        expect(await window.innerText()).toContain('不在可联系时段内：借款人当地时间不在短信的允许联系时段内。');
        // The policy's own words stay beside the translation, marked as English.
        expect(await window.locator('[lang="en"]').innerText()).toMatch(/^it is .*sms is allowed/);
        await look(page, 'may-i-contact-zh');

        expect((await rules.api('POST', `/v1/borrowers/${night}/holds`, { body: { kind: 'hardship' } })).status).toBe(
          201,
        );
        await page.goto(`${rules.url}/ui/borrowers/${night}`);
        const timeline = page.getByTestId('timeline');
        await timeline.getByText('已暂停联系').waitFor();
        const text = await timeline.innerText();
        expect(text).toMatch(/已推迟|已排期/);
        expect(text).toContain('借款人当地时间不在短信的允许联系时段内。最早可于');
        expect(text).toContain(`${zone} · `);
        expect(await page.getByTestId('zone-note').innerText()).toBe(`时间按借款人所在时区（${zone}）和 UTC 显示。`);
        await look(page, 'timeline-zh');
        await page.setViewportSize({ width: 390, height: 844 });
        await timeline.scrollIntoViewIfNeeded();
        await look(page, 'timeline-zh-390');
        await page.getByLabel('借款人编号').fill('王芳');
        await page.getByRole('button', { name: '显示' }).click();
        await page.getByTestId('search-table').locator('tbody tr').first().waitFor();
        await look(page, 'borrower-search-zh-390');
        await page.setViewportSize({ width: 1280, height: 800 });
        await look(page, 'borrower-search-zh');
      } finally {
        await rules.destroy();
      }
    });

    it('shows only the last page asked for when pages load slowly and the user clicks on', async () => {
      const { page } = await signIn('admin');
      let loading = 0;
      await page.route('**/ui/pages/*.js', async (route) => {
        loading++;
        await new Promise((r) => setTimeout(r, 300));
        await route.continue();
        loading--;
      });
      await page.goto(`${h.url}/ui/contact`);
      await page.getByRole('heading', { name: 'May I contact?' }).waitFor();
      await page.getByRole('link', { name: 'Audit' }).click();
      await page.getByRole('link', { name: 'Borrower timeline' }).click();
      await page.getByRole('heading', { name: 'Borrower timeline' }).waitFor();
      // Every slow page module has arrived (the one for Audit too): only then can a stale page show.
      await expect.poll(() => loading).toBe(0);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await page.locator('main .page').count()).toBe(1);
      expect(await page.locator('main .page').getAttribute('data-page')).toBe('timeline');
      expect(new URL(page.url()).pathname).toBe('/ui/borrowers');
    });
  });
});
