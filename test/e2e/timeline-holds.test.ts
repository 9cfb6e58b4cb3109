/**
 * What holds a borrower, on the console's timeline (issue 29, item 4), in a real browser (Debian's
 * chromium through playwright-core) against the whole service: a borrower in Shanghai with three
 * accounts in the strategy, a payment plan on one (its first instalment paid), a promise kept on
 * another, a plan left unpaid on the third (the service's clock moved a week on: its instalment
 * missed, the plan broken), a dispute, and a hardship hold opened and released. The page lists
 * each hold, open ones first, with its kind, reason, account, start and end (the borrower's zone
 * beside UTC) and who opened and ended it; each account's promise or plan with its state, what was
 * paid and each instalment; and the promise events in words. In English and Chinese, checked with
 * axe-core's WCAG A/AA rules and saved as screenshots. A ceased borrower shows the cease as a hold
 * that never ends.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchChromium, newContext, screenshot, signInConsole } from '../support/browser.js';
import { type Harness, reminderBody, sqliteOnly, startHarness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const HELD = 'b-tl-holds';
const CEASED = 'b-tl-ceased';
const PLAN_ACCOUNT = 'acct-tl-plan';
const KEPT_ACCOUNT = 'acct-tl-kept';
const MISSED_ACCOUNT = 'acct-tl-missed';
const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Saves the page as a screenshot and checks it against axe-core's WCAG A/AA rules. */
async function look(page: Page, name: string) {
  await screenshot(page, name);
  expect(await accessibilityViolations(page), `accessibility of ${name}`).toEqual([]);
}

interface HoldView {
  id: string;
  kind: string;
  openedAt: string;
  until: string | null;
  closedAt: string | null;
  closedBy: string | null;
  accountRef: string | null;
}

describe('holds and promises on the console timeline', () => {
  let h: Harness;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const dueDates = [day(Date.now() + 5 * DAY), day(Date.now() + 35 * DAY), day(Date.now() + 65 * DAY)];
  let holds: HoldView[] = [];
  const holdOf = (kind: string, open: boolean, accountRef?: string) =>
    holds.find(
      (x) => x.kind === kind && (x.closedAt === null) === open && (!accountRef || x.accountRef === accountRef),
    )!;
  // The service's clock: moved forward to miss a plan's instalment.
  let offset = 0;
  const now = () => Date.now() + offset;

  const ok = (res: { status: number; body: unknown }, status: number) =>
    expect(res.status, JSON.stringify(res.body)).toBe(status);

  async function overdue(accountRef: string, daysOverdue: number) {
    ok(
      await h.api('POST', `/v1/accounts/${accountRef}/overdue`, {
        body: {
          borrower: {
            id: HELD,
            name: '林晓',
            phone: '+8613800138321',
            email: 'lin.xiao@example.com',
            timezone: ZONE,
            locale: 'zh-CN',
          },
          debt: { ...reminderBody().debt, accountRef, daysOverdue },
        },
      }),
      202,
    );
  }

  beforeAll(async () => {
    browser = await launchChromium();
    // The promises job runs every feed period.
    h = await startHarness({
      db: sqliteOnly,
      env: { FEED_EVERY_MS: '200' },
      service: { clock: { now: () => new Date(now()) } },
    });
    await overdue(PLAN_ACCOUNT, 20);
    await overdue(KEPT_ACCOUNT, 5);
    await overdue(MISSED_ACCOUNT, 10);
    // A promise kept: its amount paid at once.
    ok(
      await h.api('POST', `/v1/accounts/${KEPT_ACCOUNT}/promises`, {
        body: { id: 'prom-tl-kept', kind: 'promise', promisedFor: dueDates[0], amount: '30.00', currency: 'USD' },
      }),
      201,
    );
    ok(
      await h.api('POST', `/v1/accounts/${KEPT_ACCOUNT}/payments`, {
        body: {
          id: 'pay-tl-kept',
          amount: '30.00',
          currency: 'USD',
          paidAt: new Date().toISOString(),
          kind: 'partial',
        },
      }),
      201,
    );
    // A plan of three instalments, the first paid.
    ok(
      await h.api('POST', `/v1/accounts/${PLAN_ACCOUNT}/promises`, {
        body: {
          id: 'plan-tl-1',
          kind: 'plan',
          currency: 'USD',
          instalments: [
            { dueDate: dueDates[0], amount: '40.00' },
            { dueDate: dueDates[1], amount: '40.00' },
            { dueDate: dueDates[2], amount: '40.50' },
          ],
        },
      }),
      201,
    );
    ok(
      await h.api('POST', `/v1/accounts/${PLAN_ACCOUNT}/payments`, {
        body: {
          id: 'pay-tl-plan-1',
          amount: '40.00',
          currency: 'USD',
          paidAt: new Date().toISOString(),
          kind: 'partial',
        },
      }),
      201,
    );
    // Hardship, opened and released; then a dispute, open.
    const hardship = await h.api('POST', `/v1/borrowers/${HELD}/holds`, {
      role: 'agent',
      body: { kind: 'hardship', detail: 'Lost my job in October' },
    });
    ok(hardship, 201);
    ok(
      await h.api('POST', `/v1/borrowers/${HELD}/holds/${hardship.body.id}/release`, {
        body: { detail: 'Back at work' },
      }),
      200,
    );
    // A plan whose first instalment goes unpaid: a week on, it is missed and the plan broken (limit 1).
    ok(
      await h.api('POST', `/v1/accounts/${MISSED_ACCOUNT}/promises`, {
        body: {
          id: 'plan-tl-missed',
          kind: 'plan',
          currency: 'USD',
          instalments: [
            { dueDate: day(now() + 2 * DAY), amount: '60.00' },
            { dueDate: day(now() + 30 * DAY), amount: '60.50' },
          ],
        },
      }),
      201,
    );
    offset = 7 * DAY;
    await waitFor(
      async () => {
        const plan = await h.api('GET', `/v1/borrowers/${HELD}/plan`, { role: 'agent' });
        const missed = (plan.body.accounts as { accountRef: string; promise: { state: string } | null }[]).find(
          (a) => a.accountRef === MISSED_ACCOUNT,
        );
        return missed?.promise?.state === 'broken' || undefined;
      },
      { what: 'the plan broken', timeoutMs: 20_000 },
    );
    holds = await waitFor(
      async () => {
        const res = await h.api('GET', `/v1/borrowers/${HELD}/holds`, { role: 'agent' });
        const items = res.body.items as HoldView[];
        // The kept promise's and the broken plan's holds ended, the plan's open.
        const promises = items.filter((x) => x.kind === 'promise');
        return promises.length === 3 && promises.filter((x) => x.closedAt).length === 2 ? items : undefined;
      },
      { what: 'the promise holds' },
    );
    // Then a dispute (opened after the promises were decided: a dispute holds their own notes too, and
    // a promise's hold stays until its note is out).
    ok(
      await h.api('POST', `/v1/borrowers/${HELD}/disputes`, {
        role: 'agent',
        body: { detail: 'I never opened this account' },
      }),
      201,
    );
    holds = (await h.api('GET', `/v1/borrowers/${HELD}/holds`, { role: 'agent' })).body.items as HoldView[];

    // A borrower who asked us to stop.
    ok(await h.api('POST', '/v1/reminders', { body: reminderBody({}, { id: CEASED, timezone: ZONE }) }), 202);
    ok(await h.api('POST', `/v1/borrowers/${CEASED}/cease`, { body: { detail: 'Do not contact me again' } }), 200);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await h?.destroy();
  });

  async function signIn(locale: string): Promise<Page> {
    const context = await newContext(browser, locale);
    contexts.push(context);
    return signInConsole(context, h.url, h.keys.tokens.agent);
  }

  async function open(page: Page, borrowerId: string) {
    await page.goto(`${h.url}/ui/borrowers/${borrowerId}`);
    await page.getByTestId('timeline').waitFor();
  }

  const row = (page: Page, id: string) => page.getByTestId('holds').locator(`tr[data-hold="${id}"]`);
  const account = (page: Page, ref: string) =>
    page.getByTestId('strategy').locator('h3', { hasText: ref }).locator('xpath=following-sibling::section[1]');

  describe('in English', () => {
    let page: Page;
    beforeAll(async () => {
      page = await signIn('en-US');
      await open(page, HELD);
    });

    it('lists every hold, open ones first, with its kind, reason, account, start and end', async () => {
      const list = page.getByTestId('holds');
      expect(await list.getByRole('heading', { name: 'Holds', level: 2 }).count()).toBe(1);
      expect(await page.getByTestId('holds-summary').innerText()).toBe(
        'Open now: 2. While a hold is open, nothing is sent on what it holds.',
      );
      const states = await list
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-kind')}:${r.getAttribute('data-state')}`));
      expect(states).toEqual(['dispute:open', 'promise:open', 'promise:closed', 'hardship:closed', 'promise:closed']);

      const dispute = holdOf('dispute', true);
      const d = row(page, dispute.id);
      expect(await d.locator('th').innerText()).toMatch(/^Dispute\s+Open$/);
      expect(await d.getByTestId('hold-detail').innerText()).toContain('I never opened this account');
      expect(await d.innerText()).toContain('The borrower disputes the debt');
      expect(await d.innerText()).toContain('All accounts');
      expect(await d.innerText()).toContain('Opened by an agent');
      expect(await d.innerText()).toContain('When it is closed');
      expect(await d.locator('time').first().getAttribute('datetime')).toBe(dispute.openedAt);

      const plan = holdOf('promise', true);
      const p = row(page, plan.id);
      expect(await p.locator('td').nth(1).innerText()).toBe(PLAN_ACCOUNT);
      expect(await p.innerText()).toContain('this account is held until the promise is kept or broken');
      expect(await p.innerText()).toContain('When the promise is decided, at the latest');
      expect(await p.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')))).toEqual([
        plan.openedAt,
        plan.until,
      ]);

      const hardship = holdOf('hardship', false);
      const x = row(page, hardship.id);
      expect(await x.locator('th').innerText()).toMatch(/^Hardship\s+Ended$/);
      expect(await x.getByTestId('hold-detail').innerText()).toContain('Lost my job in October');
      expect(await x.innerText()).toContain(`Ended (released) by ${hardship.closedBy}`);
      expect(await x.innerText()).toContain('Back at work');
      expect(await x.locator('time').nth(1).getAttribute('datetime')).toBe(hardship.closedAt);

      const kept = holdOf('promise', false, KEPT_ACCOUNT);
      expect(await row(page, kept.id).innerText()).toContain(
        'Ended (promise kept) by the service, when the promise was decided',
      );
      expect(await row(page, kept.id).locator('td').nth(1).innerText()).toBe(KEPT_ACCOUNT);
      const broken = row(page, holdOf('promise', false, MISSED_ACCOUNT).id);
      expect(await broken.innerText()).toContain('Ended (promise broken) by the service, when the promise was decided');
    });

    it('shows the times in the borrower’s zone beside UTC', async () => {
      const dispute = holdOf('dispute', true);
      const at = new Date(dispute.openedAt);
      const hm = (timeZone: string) =>
        new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
      const text = await row(page, dispute.id).locator('time').first().innerText();
      expect(text).toContain(`${hm(ZONE)} ${ZONE}`);
      expect(text).toContain(`${hm('UTC')} UTC`);
      expect(await page.locator('#holds-zone').innerText()).toBe(
        "Times are in the borrower's zone (Asia/Shanghai) and in UTC.",
      );
    });

    it('shows per account what holds it and its promise or plan: state, paid so far, each instalment', async () => {
      const strategy = page.getByTestId('strategy');
      const heldBy = await strategy.getByTestId('held-by').allInnerTexts();
      expect(heldBy).toContain('Held now by: Dispute, Promise or payment plan. Its steps wait until the holds end.');
      expect(heldBy).toContain('Held now by: Dispute. Its steps wait until the holds end.');

      const plan = account(page, PLAN_ACCOUNT);
      expect(await plan.getAttribute('data-state')).toBe('open');
      expect(await plan.locator('h4').innerText()).toBe('Payment plan open');
      expect(await plan.getByTestId('promise-paid').innerText()).toBe('$40.00');
      const rows = await plan
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      const shown = (d: string) =>
        new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }).format(
          new Date(`${d}T00:00:00Z`),
        );
      expect(rows).toEqual([
        [shown(dueDates[0]!), '$40.00', 'paid'],
        [shown(dueDates[1]!), '$40.00', 'due'],
        [shown(dueDates[2]!), '$40.50', 'due'],
      ]);

      const kept = account(page, KEPT_ACCOUNT);
      expect(await kept.locator('h4').innerText()).toBe('Promise to pay kept');
      expect(await kept.getByTestId('promise-paid').innerText()).toBe('$30.00');
      expect(await kept.locator('tbody tr').innerText()).toMatch(/\$30\.00\s+paid/);

      const missed = account(page, MISSED_ACCOUNT);
      expect(await missed.locator('h4').innerText()).toBe('Payment plan broken');
      expect(await missed.getByTestId('promise-paid').innerText()).toBe('$0.00');
      expect(await missed.locator('dl').innerText()).toMatch(/Instalments missed\s+1/);
      expect(await missed.locator('tbody tr td:last-child').allInnerTexts()).toEqual(['missed', 'due']);
    });

    it('words the promise events in the event list', async () => {
      const events = page.getByTestId('timeline');
      const kinds = await events.locator('tbody tr td.label').allInnerTexts();
      expect(kinds).toEqual(
        expect.arrayContaining([
          'Promise reported',
          'Promise kept',
          'Promise broken',
          'Instalment missed',
          'Dispute opened',
        ]),
      );
      const missed = await events
        .locator('tbody tr', { has: page.locator('td.label', { hasText: 'Instalment missed' }) })
        .innerText();
      expect(missed).toContain('promise: plan-tl-missed');
      expect(missed).toContain('instalment: 1');
      const brokenRow = events.locator('tbody tr', { has: page.locator('td.label', { hasText: 'Promise broken' }) });
      const broken = await brokenRow.innerText();
      expect(broken).toContain('kind: payment plan');
      expect(broken).toContain('instalments missed: 1');
      // The promise's hold released, how it ended in words.
      const released = await events
        .locator('tbody tr', { has: page.locator('td.label', { hasText: 'Hold released' }) })
        .allInnerTexts();
      expect(released.join('\n')).toContain('how it ended: promise broken');
      await brokenRow.scrollIntoViewIfNeeded();
      await screenshot(page, 'timeline-promise-events-en');
      const kept = events.locator('tbody tr', { has: page.locator('td.label', { hasText: 'Promise kept' }) });
      const text = await kept.innerText();
      expect(text).toContain('promise: prom-tl-kept');
      expect(text).toContain('kind: promise to pay');
      expect(text).toContain('paid so far: 30.00');
    });

    it('passes axe and reads well (screenshot)', async () => {
      await page.getByTestId('holds').scrollIntoViewIfNeeded();
      await look(page, 'timeline-holds-en');
      await account(page, PLAN_ACCOUNT).scrollIntoViewIfNeeded();
      await look(page, 'timeline-plan-en');
    });

    it('shows a cease as a hold that does not end', async () => {
      await open(page, CEASED);
      const cease = row(page, 'cease');
      expect(await cease.getAttribute('data-state')).toBe('open');
      expect(await cease.innerText()).toContain('Asked us to stop');
      expect(await cease.innerText()).toContain('Does not end: no more contact');
      expect(await cease.innerText()).toContain('All accounts');
      expect(await cease.locator('time').count()).toBe(1);
      await look(page, 'timeline-cease-en');
    });
  });

  describe('in Chinese', () => {
    let page: Page;
    beforeAll(async () => {
      page = await signIn('zh-CN');
      await open(page, HELD);
    });

    it('says the same in Chinese, axe clean', async () => {
      const list = page.getByTestId('holds');
      expect(await list.getByRole('heading', { name: '暂停联系', level: 2 }).count()).toBe(1);
      expect(await page.getByTestId('holds-summary').innerText()).toBe(
        '目前有 2 项暂停：结束前不会就其涉及的账户发送任何提醒。',
      );
      const d = row(page, holdOf('dispute', true).id);
      expect(await d.locator('th').innerText()).toMatch(/^异议\s+进行中$/);
      expect(await d.innerText()).toContain('全部账户');
      expect(await d.innerText()).toContain('发起方：坐席');
      expect(await d.innerText()).toContain('关闭时结束');
      expect(await row(page, holdOf('hardship', false).id).innerText()).toContain('已结束（已解除），操作方：');
      expect(await row(page, holdOf('promise', false, KEPT_ACCOUNT).id).innerText()).toContain('承诺已兑现');
      expect(await row(page, holdOf('promise', false, MISSED_ACCOUNT).id).innerText()).toContain('承诺未兑现');
      expect(await account(page, MISSED_ACCOUNT).locator('h4').innerText()).toBe('分期还款计划 未兑现');

      const plan = account(page, PLAN_ACCOUNT);
      expect(await plan.locator('h4').innerText()).toBe('分期还款计划 进行中');
      expect(await plan.locator('tbody tr td:last-child').allInnerTexts()).toEqual(['已还', '待还', '待还']);
      expect(await account(page, KEPT_ACCOUNT).locator('h4').innerText()).toBe('还款承诺 已兑现');
      expect(await page.getByTestId('strategy').getByTestId('held-by').allInnerTexts()).toContain(
        '目前暂停原因：异议、还款承诺或分期计划。各步骤将等到暂停结束。',
      );
      const kinds = await page.getByTestId('timeline').locator('tbody tr td.label').allInnerTexts();
      expect(kinds).toEqual(
        expect.arrayContaining(['已报告还款承诺', '承诺已兑现', '承诺未兑现', '一期未按时还款', '已提出异议']),
      );

      await list.scrollIntoViewIfNeeded();
      await look(page, 'timeline-holds-zh');
      await plan.scrollIntoViewIfNeeded();
      await look(page, 'timeline-plan-zh');
    });

    it('keeps the holds readable on a narrow screen: the table scrolls sideways', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        await page.getByTestId('holds').scrollIntoViewIfNeeded();
        const wrap = page.getByTestId('holds').locator('.table-wrap');
        expect(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
        await look(page, 'timeline-holds-zh-390');
      } finally {
        await page.setViewportSize({ width: 1280, height: 800 });
      }
    });
  });
});
