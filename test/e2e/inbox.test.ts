/**
 * The agents' inbox in the console, in a real browser (Debian's chromium through playwright-core)
 * against the whole service with the fake Twilio: borrowers' replies arrive over Twilio's signed
 * inbound webhook, an agent reads the list and a conversation in English and in Chinese, filters,
 * marks read by opening, lifts a hold, and answers. Every page is checked with axe-core's WCAG A/AA
 * rules and saved as a 1280×800 screenshot.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchChromium, newContext, screenshot } from '../support/browser.js';
import { type FakeTwilio, postSignedCallback, providerEnv, startFakeTwilio } from '../support/fake-twilio.js';
import { type Harness, OPEN_PROFILE, reminderBody, sqliteOnly, startHarness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const STOPS = { id: 'b-inbox-stops', name: 'Dana Stops', phone: '+14155557001' };
const ASKS = { id: 'b-inbox-asks', name: 'Avery Asks', phone: '+14155557002' };
const HARDSHIP = { id: 'b-inbox-hardship', name: 'Harper Lost', phone: '+14155557003' };
const MARKUP = { id: 'b-inbox-markup', name: 'Morgan Markup', phone: '+14155557004' };
const CHINESE = {
  id: 'b-inbox-zh',
  name: '王芳',
  phone: '+8613800138123',
  locale: 'zh-CN',
  timezone: 'Asia/Shanghai',
};
const XSS = '<img src=x onerror=alert(1)>';

/** Saves the page as a screenshot and checks it against axe-core's WCAG A/AA rules. */
async function look(page: Page, name: string) {
  await screenshot(page, name);
  expect(await accessibilityViolations(page), `accessibility of ${name}`).toEqual([]);
}

describe('the inbox in the console', () => {
  let h: Harness;
  let tw: FakeTwilio;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function reply(from: string, body: string) {
    const sid = `SM${Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('')}`;
    const res = await postSignedCallback(
      { url: h.url, publicBaseUrl: h.service.config.publicBaseUrl },
      tw.authToken,
      '/webhooks/twilio/inbound-sms',
      { From: from, To: '+15005550006', Body: body, MessageSid: sid },
    );
    expect(res.status).toBe(200);
  }

  async function remind(b: Record<string, string>) {
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { ...b, email: `${b.id}@example.com` }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const id = res.body.messages[0].id as string;
    await waitFor(async () => (await h.service.store.getMessage(id))?.status === 'sent' || undefined, {
      what: `message ${id} sent`,
    });
  }

  beforeAll(async () => {
    [tw, browser] = await Promise.all([startFakeTwilio(), launchChromium()]);
    h = await startHarness({
      db: sqliteOnly,
      // Every hour open and no caps: only what a reply changed holds a message back.
      // Chromium starting beside the service can hold the interpreter's worker thread past its 1 s budget, and a
      // reply read past its budget is `other`: these replies are to be read by their rules.
      env: { POLICY_FILE: OPEN_PROFILE, REPLY_INTERPRET_BUDGET_MS: '15000', ...providerEnv(tw) },
    });
    for (const b of [ASKS, HARDSHIP, MARKUP, CHINESE, STOPS]) await remind(b);
    await reply(ASKS.phone, 'How much do I owe? Can someone call me after 5?');
    await reply(HARDSHIP.phone, 'I lost my job and cannot pay right now');
    await reply(MARKUP.phone, `Who is this? ${XSS}`);
    await reply(CHINESE.phone, '我失业了，暂时还不上');
    await reply(STOPS.phone, "I'll pay $50 on Friday");
    await reply(STOPS.phone, 'Please stop texting me.');
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await h?.destroy();
    await tw?.close();
  });

  async function signIn(role: 'agent' | 'compliance', locale = 'en-US'): Promise<Page> {
    const context = await newContext(browser, locale);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${h.url}/ui/`);
    const zh = locale.startsWith('zh');
    await page.getByRole('heading', { name: zh ? '登录' : 'Sign in' }).waitFor();
    await page.getByLabel(zh ? 'API 密钥' : 'API key').fill(h.keys.tokens[role]);
    await page.keyboard.press('Enter');
    await page.getByTestId('role').waitFor();
    return page;
  }

  const row = (page: Page, borrowerId: string) => page.locator(`tr[data-borrower="${borrowerId}"]`);
  const openInbox = async (page: Page, hash = '') => {
    // From elsewhere: a change of the #fragment alone would not load the page again.
    await page.goto('about:blank');
    await page.goto(`${h.url}/ui/inbox${hash}`);
    await page.locator('[data-testid="inbox-list"][aria-busy="false"]').waitFor();
  };

  describe('in English, as an agent', () => {
    let page: Page;
    beforeAll(async () => {
      page = await signIn('agent');
    });

    it('lists who replied with unread counts, intent chips and who needs a person', async () => {
      // Six replies from five borrowers, none read yet.
      await expect.poll(() => page.locator('#inbox-count').innerText()).toMatch(/^6\s*unread$/);
      await page.locator('#menu').getByRole('link', { name: /Inbox/ }).click();
      await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
      await row(page, STOPS.id).waitFor();
      const ids = await page
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-borrower')));
      expect(ids[0]).toBe(STOPS.id);
      expect(ids).toEqual(expect.arrayContaining([ASKS.id, HARDSHIP.id, MARKUP.id, CHINESE.id]));
      await expect.poll(() => row(page, STOPS.id).getByTestId('unread').innerText()).toBe('2');
      expect(await row(page, STOPS.id).locator('.chip').allInnerTexts()).toContain('Stop contact');
      expect(await row(page, HARDSHIP.id).locator('.chip').allInnerTexts()).toContain('Hardship');
      expect(await row(page, HARDSHIP.id).innerText()).toContain('Hardship hold');
      expect(await row(page, ASKS.id).getByTestId('needs-person').innerText()).toBe('Needs a person');
      await look(page, 'inbox-list-en');
    });

    it('keeps the list readable on a narrow screen: the table scrolls, words are not broken', async () => {
      await page.setViewportSize({ width: 420, height: 800 });
      try {
        await openInbox(page);
        await row(page, STOPS.id).waitFor();
        const wrap = page.locator('.table-wrap');
        expect(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
        const wraps = await page
          .locator('table.inbox td, table.inbox th')
          .evaluateAll((cells) => [...new Set(cells.map((c) => getComputedStyle(c).overflowWrap))]);
        expect(wraps).toEqual(['normal']);
        await screenshot(page, 'inbox-list-narrow-en');
      } finally {
        await page.setViewportSize({ width: 1280, height: 800 });
      }
    });

    it('filters by intent, needs-a-person and unread, and keeps the filters in the address', async () => {
      await openInbox(page);
      await page.getByLabel('Last reply’s intent').selectOption('revoke');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#intent=revoke');
      await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
      expect(await row(page, STOPS.id).count()).toBe(1);

      // A link (or a reload) with the filters shows the same list.
      await openInbox(page, '#needsPerson=true&unread=true');
      expect(await page.getByLabel('Needs a person').isChecked()).toBe(true);
      expect(await page.getByLabel('Unread only').isChecked()).toBe(true);
      await row(page, ASKS.id).waitFor();
      const api = await h.api('GET', '/v1/inbox?needsPerson=true&unread=true', { role: 'agent' });
      const wanted = (api.body.items as { borrowerId: string }[]).map((i) => i.borrowerId);
      expect(wanted.length).toBeLessThan(5);
      expect(
        await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-borrower'))),
      ).toEqual(wanted);
      expect(await page.locator('tbody tr').getByTestId('needs-person').count()).toBe(wanted.length);

      await page.getByLabel('Needs a person').uncheck();
      await page.getByLabel('Unread only').uncheck();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await row(page, STOPS.id).waitFor();
      await expect.poll(() => page.locator('tbody tr').count()).toBe(5);
      // Back returns to the filtered list.
      await page.goBack();
      await expect.poll(() => page.locator('tbody tr').count()).toBe(wanted.length);
      expect(await page.getByLabel('Unread only').isChecked()).toBe(true);
    });

    it('opens a conversation: the words, what was understood and done, the times, and marks it read', async () => {
      await openInbox(page);
      await row(page, STOPS.id).getByRole('link', { name: STOPS.name }).click();
      await page.getByRole('heading', { name: `Conversation with ${STOPS.name}` }).waitFor();
      const items = page.getByTestId('conversation').locator(':scope > li');
      expect(await items.evaluateAll((li) => li.map((x) => x.getAttribute('data-testid')))).toEqual([
        'sent',
        'reply',
        'reply',
      ]);
      const [promised, revoked] = [page.getByTestId('reply').nth(0), page.getByTestId('reply').nth(1)];
      expect(await promised.getByTestId('words').innerText()).toBe("I'll pay $50 on Friday");
      expect(await promised.locator('.chip').allInnerTexts()).toContain('Promise to pay');
      expect(await promised.getByTestId('actions').innerText()).toMatch(
        /Promise to pay recorded for \d{4}-\d\d-\d\d · recorded by the service/,
      );
      expect(await revoked.locator('.chip').allInnerTexts()).toContain('Stop contact');
      expect(await revoked.locator('code.rule').count()).toBeGreaterThan(0);
      expect(await revoked.getByTestId('actions').innerText()).toContain('Stopped contact on SMS');
      // Each time in the borrower's zone beside UTC.
      expect(await revoked.locator('time').first().innerText()).toMatch(
        /^\w{3} \d{1,2}, \d\d:\d\d borrower’s time \(America\/New_York\) · (\w{3} \d{1,2}, )?\d\d:\d\d UTC$/,
      );
      // "May I contact now?" per channel: not by SMS, which the borrower stopped.
      expect(await page.locator('[data-channel="sms"]').innerText()).toMatch(/SMS: not now \(.*Opted out/);
      expect(await page.locator('main').innerText()).not.toMatch(/\b(null|undefined)\b/);
      await look(page, 'inbox-conversation-en');
      await revoked.evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await screenshot(page, 'inbox-conversation-replies-en');

      // Opening it marked the replies read: the list and the menu say so.
      await expect.poll(() => page.locator('#inbox-count').innerText()).toMatch(/^4\s*unread$/);
      await openInbox(page);
      await expect.poll(() => row(page, STOPS.id).getByTestId('unread').innerText()).toBe('0');
    });

    it('shows a reply carrying markup as text: no element is made, nothing runs', async () => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${h.url}/ui/inbox/${MARKUP.id}`);
      const words = page.getByTestId('words');
      await words.waitFor();
      expect(await words.innerText()).toBe(`Who is this? ${XSS}`);
      expect(await page.locator('main img').count()).toBe(0);
      expect(await words.evaluate((el) => el.querySelectorAll('*:not(mark)').length)).toBe(0);
      // The correction form's choice of reply quotes the words as text too.
      expect(await page.locator('#corr-reply option').first().innerText()).toContain('<img');
      expect(dialogs).toEqual([]);
    });

    it('lifts a hold a reply opened: the reason is required, and the correction is shown', async () => {
      await page.goto(`${h.url}/ui/inbox/${HARDSHIP.id}`);
      await page.getByTestId('holds').waitFor();
      expect(await page.getByTestId('holds').innerText()).toContain('Hardship hold');
      expect(await page.getByTestId('actions').innerText()).toContain('Hardship hold opened: reminders wait');
      await page.getByRole('button', { name: 'Correct this reply' }).click();
      await page.getByLabel('Correction', { exact: true }).selectOption('lift-hold');
      expect(await page.getByLabel('The hold to lift').locator('option').first().innerText()).toContain(
        'Hardship hold',
      );

      // Without a reason the API refuses; its field error is shown beside the field.
      await page.getByRole('button', { name: 'Record the correction' }).click();
      const why = page.getByLabel('Why', { exact: true });
      await expect.poll(() => why.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#corr-detail-error').innerText()).toBe('Say why: this reason is required.');
      expect(await why.getAttribute('aria-describedby')).toContain('corr-detail-error');
      await look(page, 'inbox-correction-error-en');

      await why.fill('Asked on the phone: they found work again');
      await page.getByRole('button', { name: 'Record the correction' }).click();
      await page.getByRole('status').filter({ hasText: 'Correction recorded' }).waitFor();
      expect(await page.locator('.notice').innerText()).toContain('the Hardship hold was lifted');
      expect(await page.getByTestId('holds').count()).toBe(0);
      const done = await page.getByTestId('actions').innerText();
      expect(done).toContain('Corrected: Lift a hold opened by mistake');
      expect(done).toContain('Asked on the phone: they found work again');
      await openInbox(page);
      expect(await row(page, HARDSHIP.id).locator('td').nth(2).innerText()).toBe('—');
    });
    it('shows the composer without suggestions while the suggestions route answers 404', async () => {
      await page.goto(`${h.url}/ui/inbox/${ASKS.id}`);
      await page.getByTestId('no-suggestions').waitFor();
      expect(await page.getByTestId('no-suggestions').innerText()).toBe(
        'Suggested answers are unavailable; write your answer below.',
      );
      expect(await page.getByLabel('Your answer').isEditable()).toBe(true);
    });

    it('answers with a suggested answer as its template, and with free text the linter refuses', async () => {
      // Stand-ins for GET …/suggestions and POST …/replies until their API lands (built in parallel):
      // everything else on the page is the real service.
      const sent: Record<string, unknown>[] = [];
      const later = new Date(Date.now() + 3 * 3600_000).toISOString();
      await page.route(
        (url) => /^\/v1\/inbox\/[^/]+\/suggestions$/.test(url.pathname),
        (route: Route) =>
          route.fulfill({
            json: {
              suggestions: [
                {
                  template: 'answer-how-much',
                  channel: 'sms',
                  locale: 'en-US',
                  title: 'What is owed',
                  intents: ['question'],
                  text: 'Hello, you owe $120.50. Reply or call us to talk it over.',
                },
              ],
            },
          }),
      );
      await page.route(
        (url) => /^\/v1\/inbox\/[^/]+\/replies$/.test(url.pathname),
        (route: Route) => {
          const body = route.request().postDataJSON() as Record<string, unknown>;
          sent.push(body);
          if ('template' in body)
            return route.fulfill({
              status: 202,
              json: {
                reminderId: 'r-1',
                messageId: 'm-1',
                channel: 'sms',
                template: body.template,
                countsAgainstCaps: false,
                policy: {
                  allowed: false,
                  reasons: [{ code: 'outside-contact-window', detail: 'outside 08:00–21:00' }],
                  earliestAllowedAt: later,
                },
              },
            });
          return route.fulfill({
            status: 422,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'about:blank',
              title: 'The wording is not allowed',
              status: 422,
              detail: 'the text breaks 1 wording rule',
              findings: [{ rule: 'threat-legal', words: 'sue you', why: 'A threat of legal action not intended.' }],
            }),
          });
        },
      );
      await page.goto(`${h.url}/ui/inbox/${ASKS.id}`);
      const text = page.getByLabel('Your answer');
      await page.getByTestId('suggestions').getByRole('button', { name: 'Use' }).click();
      expect(await text.inputValue()).toBe('Hello, you owe $120.50. Reply or call us to talk it over.');
      expect(await text.getAttribute('readonly')).not.toBeNull();
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByTestId('compose-waiting').waitFor();
      expect(await page.getByTestId('compose-waiting').innerText()).toMatch(
        /^Accepted: waiting for the contact window until .+ UTC\. \(Outside the contact hours\)$/,
      );
      expect(sent[0]).toMatchObject({ channel: 'sms', template: 'answer-how-much', inReplyTo: expect.any(Number) });
      expect(sent[0]).not.toHaveProperty('text');

      // Editing a suggestion makes it free text.
      await page.getByTestId('suggestions').getByRole('button', { name: 'Use' }).click();
      await page.getByRole('button', { name: 'Edit the text' }).click();
      await text.fill('Pay now or we will sue you.');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByTestId('compose-finding').waitFor();
      expect(sent[1]).toEqual({ channel: 'sms', text: 'Pay now or we will sue you.' });
      expect(await page.getByTestId('compose-finding').innerText()).toContain('sue you');
      expect(await text.getAttribute('aria-invalid')).toBe('true');
      await page.getByTestId('composer').evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await look(page, 'inbox-composer-en');
      await page.unrouteAll();
    });
  });

  describe('in Chinese, as an agent', () => {
    let page: Page;
    beforeAll(async () => {
      page = await signIn('agent', 'zh-CN');
    });

    it('lists the conversations in Chinese', async () => {
      await page
        .locator('#menu')
        .getByRole('link', { name: /收件箱/ })
        .click();
      await page.getByRole('heading', { name: '收件箱', level: 1 }).waitFor();
      await row(page, CHINESE.id).waitFor();
      expect(await row(page, CHINESE.id).getByTestId('unread').innerText()).toBe('1');
      expect(await row(page, CHINESE.id).locator('.chip').allInnerTexts()).toContain('经济困难');
      expect(await row(page, STOPS.id).locator('.chip').allInnerTexts()).toContain('要求停止联系');
      expect(await page.getByRole('columnheader').allInnerTexts()).toEqual([
        '借款人',
        '最后回复（Europe/London）',
        '系统理解',
        '进行中的暂停',
        '未读',
      ]);
      await look(page, 'inbox-list-zh');
    });

    it('shows a conversation in Chinese, with the borrower’s time beside UTC, and marks it read', async () => {
      await row(page, CHINESE.id).getByRole('link', { name: CHINESE.name }).click();
      await page.getByRole('heading', { name: `与 ${CHINESE.name} 的会话` }).waitFor();
      const r = page.getByTestId('reply');
      expect(await r.getByTestId('words').innerText()).toBe('我失业了，暂时还不上');
      expect(await r.locator('.chip').allInnerTexts()).toContain('经济困难');
      expect(await r.getByTestId('actions').innerText()).toContain('已开启经济困难暂停');
      expect(await r.locator('time').first().innerText()).toMatch(/^借款人时间 .+（Asia\/Shanghai）· UTC .+$/);
      expect(await page.getByLabel('更正类型').locator('option').allInnerTexts()).toEqual([
        '解除误开的暂停',
        '标记为错误号码',
        '并非要求停止联系',
      ]);
      await page.getByTestId('no-suggestions').waitFor();
      await look(page, 'inbox-conversation-zh');
      await r.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'inbox-conversation-replies-zh');
      await page.goBack();
      await row(page, CHINESE.id).waitFor();
      await expect.poll(() => row(page, CHINESE.id).getByTestId('unread').innerText()).toBe('0');
    });
  });

  describe('as compliance', () => {
    it('reads the inbox, with its own unread counts, but neither corrects nor answers', async () => {
      const page = await signIn('compliance');
      // The agent read this conversation; compliance has not.
      await openInbox(page);
      await expect.poll(() => row(page, STOPS.id).getByTestId('unread').innerText()).toBe('2');
      await page.goto(`${h.url}/ui/inbox/${STOPS.id}`);
      await page.getByTestId('conversation').waitFor();
      expect(await page.getByTestId('correction').count()).toBe(0);
      expect(await page.getByTestId('composer').count()).toBe(0);
      expect(await page.locator('main').innerText()).not.toMatch(/\b(null|undefined)\b/);
      await openInbox(page);
      await expect.poll(() => row(page, STOPS.id).getByTestId('unread').innerText()).toBe('0');
    });
  });
});
