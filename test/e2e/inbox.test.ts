/**
 * The agents' inbox in the console, in a real browser (Debian's chromium through playwright-core)
 * against the whole service with the fake Twilio: borrowers' replies arrive over Twilio's signed
 * inbound webhook, an agent reads the list and a conversation in English and in Chinese, filters,
 * marks read by opening, lifts a hold, and answers through the real answering API: the fake Twilio
 * receives what was sent, a threat is refused with the linter's findings and sends nothing, a double
 * click sends once. Every page is checked with axe-core's WCAG A/AA rules and saved as a 1280×800
 * screenshot.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
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

  const textsTo = (phone: string) => tw.messages().filter((m) => m.form.To === phone);
  /** A conversation with its composer's suggestions loaded. */
  const openConversation = async (page: Page, borrowerId: string) => {
    await page.goto('about:blank');
    await page.goto(`${h.url}/ui/inbox/${borrowerId}`);
    await page.getByTestId('suggestions').locator('li').first().waitFor();
  };
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
      // The promise's courtesy reminder (issue 29) is listed as sent-to-be between the two replies.
      expect(await items.evaluateAll((li) => li.map((x) => x.getAttribute('data-testid')))).toEqual([
        'sent',
        'reply',
        'sent',
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
    it('answers with a suggested answer: the fake Twilio receives its text, and the answer does not count', async () => {
      await openConversation(page, ASKS.id);
      const first = page.getByTestId('suggestions').locator('li').first();
      const suggested = await first.locator('.suggestion-text').innerText();
      await first.getByRole('button', { name: 'Use' }).click();
      const text = page.getByLabel('Your answer');
      expect(await text.inputValue()).toBe(suggested);
      expect(await text.getAttribute('readonly')).not.toBeNull();
      const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/inbox/${ASKS.id}/replies`));
      await page.getByRole('button', { name: 'Send' }).click();
      const request = await posted;
      expect(request.postDataJSON()).toEqual({
        channel: 'sms',
        template: await first.getAttribute('data-template'),
        inReplyTo: expect.any(Number),
      });
      expect(request.headers()['idempotency-key']).toMatch(/^ui-[0-9a-f]{32}$/);
      await page.getByTestId('compose-sent').waitFor();
      expect(await page.getByTestId('compose-counts').innerText()).toBe(
        'A reply: does not count against the contact limits.',
      );
      await waitFor(() => textsTo(ASKS.phone).find((m) => m.form.Body === suggested), {
        what: 'the suggested answer at the fake Twilio',
      });
      // Sent, the composer is empty again and takes free text.
      expect(await text.inputValue()).toBe('');
      expect(await text.getAttribute('readonly')).toBeNull();
      await page.getByTestId('composer').evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await look(page, 'inbox-composer-sent-en');
    });

    it('refuses free text with a threat: the findings, the words marked, nothing sent', async () => {
      await openConversation(page, MARKUP.id);
      const before = textsTo(MARKUP.phone).length;
      const text = page.getByLabel('Your answer');
      await text.fill('we will sue you and call your employer');
      await page.getByRole('button', { name: 'Send' }).click();
      const found = page.getByTestId('compose-finding');
      await found.waitFor();
      expect(await text.getAttribute('aria-invalid')).toBe('true');
      expect(await text.getAttribute('aria-describedby')).toContain('compose-findings');
      const rules = await found.locator('code.rule').allInnerTexts();
      expect(rules.length).toBeGreaterThanOrEqual(2);
      expect(await found.locator('[data-testid="finding-regulation"]').count()).toBeGreaterThan(0);
      const words = (await found.locator('mark').allInnerTexts()).join(' ');
      expect(words).toMatch(/sue/i);
      expect(words).toMatch(/employer/i);
      // The agent's words quoted as text with the matched words marked.
      const quoted = page.getByTestId('compose-marked');
      expect(await quoted.innerText()).toBe('we will sue you and call your employer');
      expect(await quoted.evaluate((el) => el.querySelectorAll('*:not(mark)').length)).toBe(0);
      expect(await quoted.locator('mark').count()).toBeGreaterThanOrEqual(2);
      expect(await page.getByTestId('compose-findings').innerText()).toContain('Nothing was sent.');
      const c = await h.api('GET', `/v1/inbox/${MARKUP.id}`, { role: 'agent' });
      expect((c.body.items as { kind: string }[]).filter((i) => i.kind === 'message')).toHaveLength(1);
      expect(textsTo(MARKUP.phone)).toHaveLength(before);
      await page.getByTestId('composer').evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await look(page, 'inbox-composer-findings-en');
    });

    it('sends a double-clicked answer once, and an answer submitted twice at once once', async () => {
      await openConversation(page, HARDSHIP.id);
      const posts: { key: string | undefined }[] = [];
      const count = (r: Request) => {
        if (r.method() === 'POST' && r.url().endsWith(`/inbox/${HARDSHIP.id}/replies`))
          posts.push({ key: r.headers()['idempotency-key'] });
      };
      page.on('request', count);
      try {
        const words = 'Thank you for telling us. Take the time you need; we are here to help.';
        await page.getByLabel('Your answer').fill(words);
        await page.getByRole('button', { name: 'Send' }).dblclick();
        await page.getByTestId('compose-sent').waitFor();
        await waitFor(() => textsTo(HARDSHIP.phone).find((m) => m.form.Body?.includes(words)), {
          what: 'the answer at the fake Twilio',
        });
        expect(posts).toHaveLength(1);

        // Submitted twice at once (Enter pressed twice, say): the second is ignored while the first is on its way.
        const again = 'We have noted it. Nothing more is needed from you today.';
        await page.getByLabel('Your answer').fill(again);
        await page.locator('form.composer').evaluate((f: HTMLFormElement) => {
          f.requestSubmit();
          f.requestSubmit();
        });
        await page.getByTestId('compose-sent').waitFor();
        await waitFor(() => textsTo(HARDSHIP.phone).find((m) => m.form.Body?.includes(again)), {
          what: 'the second answer at the fake Twilio',
        });
        expect(posts).toHaveLength(2);
        expect(posts[1]!.key).not.toBe(posts[0]!.key);
        expect(await page.getByTestId('compose-outcome').innerText()).toBe(
          'Sent.\n\nA reply: does not count against the contact limits.',
        );
        const c = await h.api('GET', `/v1/inbox/${HARDSHIP.id}`, { role: 'agent' });
        const answers = (c.body.items as { kind: string; template?: string; body?: string }[]).filter(
          (i) => i.kind === 'message' && i.template === 'agent-reply',
        );
        expect(answers).toHaveLength(2);
        expect(textsTo(HARDSHIP.phone).filter((m) => m.form.Body?.includes(words))).toHaveLength(1);
        expect(textsTo(HARDSHIP.phone).filter((m) => m.form.Body?.includes(again))).toHaveLength(1);
      } finally {
        page.off('request', count);
      }
    });

    it('retries an answer that did not reach the service under the same key, and a new answer under a new one', async () => {
      await openConversation(page, ASKS.id);
      const keys: string[] = [];
      const count = (r: Request) => {
        if (r.method() === 'POST' && r.url().endsWith(`/inbox/${ASKS.id}/replies`))
          keys.push(r.headers()['idempotency-key']!);
      };
      page.on('request', count);
      try {
        const words = 'Someone from our team will call you after 5 pm today.';
        await page.getByLabel('Your answer').fill(words);
        await page.context().setOffline(true);
        await page.getByRole('button', { name: 'Send' }).click();
        await page.getByTestId('compose-outcome').locator('.error').waitFor();
        await page.context().setOffline(false);
        await page.getByRole('button', { name: 'Send' }).click();
        await page.getByTestId('compose-sent').waitFor();
        await waitFor(() => textsTo(ASKS.phone).find((m) => m.form.Body?.includes(words)), {
          what: 'the retried answer at the fake Twilio',
        });
        await page.getByLabel('Your answer').fill(`${words} Thank you.`);
        await page.getByRole('button', { name: 'Send' }).click();
        await expect.poll(() => keys.length).toBe(3);
        expect(keys[1]).toBe(keys[0]);
        expect(keys[2]).not.toBe(keys[1]);
        await page.getByTestId('compose-sent').waitFor();
      } finally {
        await page.context().setOffline(false);
        page.off('request', count);
      }
    });

    it('shows a refusal no wait cures with its reasons, and a field error beside the field', async () => {
      await openConversation(page, STOPS.id);
      const text = page.getByLabel('Your answer');
      await text.fill('We are sorry to see you go.');
      await page.getByRole('button', { name: 'Send' }).click();
      const refused = page.getByTestId('compose-refused');
      await refused.waitFor();
      expect(await refused.innerText()).toMatch(
        /^Not sent: the borrower may not be contacted this way\.\s+Opted out: /,
      );
      expect(await refused.locator('li').first().innerText()).not.toMatch(/\b(null|undefined)\b/);
      await page.getByTestId('composer').evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await look(page, 'inbox-composer-refused-en');

      // Longer than an SMS answer may be: the API's error beside the text.
      await page.getByLabel('Channel').selectOption('sms');
      await text.fill('x'.repeat(700));
      await page.getByRole('button', { name: 'Send' }).click();
      await page.locator('#compose-text-error').waitFor();
      expect(await page.locator('#compose-text-error').innerText()).toContain('at most 640 characters');
      expect(await text.getAttribute('aria-invalid')).toBe('true');
      expect(await text.getAttribute('aria-describedby')).toContain('compose-text-error');
      expect(await page.getByTestId('compose-refused').count()).toBe(0);
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
      await page.getByTestId('suggestions').locator('li').first().waitFor();
      await look(page, 'inbox-conversation-zh');
      await r.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'inbox-conversation-replies-zh');
      await page.goBack();
      await row(page, CHINESE.id).waitFor();
      await expect.poll(() => row(page, CHINESE.id).getByTestId('unread').innerText()).toBe('0');
    });
    it('answers from a composer in Chinese: its labels, a suggested answer sent, a refusal in Chinese', async () => {
      await openConversation(page, CHINESE.id);
      const composer = page.getByTestId('composer');
      expect(await composer.getByRole('heading', { level: 2 }).innerText()).toBe('回复借款人');
      expect(await composer.getByRole('heading', { level: 3 }).innerText()).toBe('建议回复');
      expect(await composer.getByLabel('渠道').locator('option').allInnerTexts()).toEqual(['短信', '邮件']);
      expect(await composer.getByLabel('您的回复').isEditable()).toBe(true);
      expect(await composer.locator('#compose-text-hint').innerText()).toBe('发送前会经过措辞检查和联系规则检查。');
      const first = page.getByTestId('suggestions').locator('li').first();
      const suggested = await first.locator('.suggestion-text').innerText();
      expect(suggested).toMatch(/[\u4e00-\u9fff]/);
      await first.getByRole('button', { name: '使用' }).click();
      expect(await page.getByTestId('picked').innerText()).toMatch(/^建议回复“.+”，将按原文发送。 编辑文字$/);
      await composer.getByRole('button', { name: '发送' }).click();
      await page.getByTestId('compose-sent').waitFor();
      expect(await page.getByTestId('compose-sent').innerText()).toBe('已发送。');
      expect(await page.getByTestId('compose-counts').innerText()).toBe('属于回复：不计入联系次数上限。');
      await waitFor(() => textsTo(CHINESE.phone).find((m) => m.form.Body === suggested), {
        what: 'the Chinese suggested answer at the fake Twilio',
      });
      await composer.evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await look(page, 'inbox-composer-sent-zh');

      await openConversation(page, STOPS.id);
      await page.getByLabel('您的回复').fill('We are sorry to see you go.');
      await page.getByRole('button', { name: '发送' }).click();
      const refused = page.getByTestId('compose-refused');
      await refused.waitFor();
      expect(await refused.locator('p').first().innerText()).toBe('未发送：不能通过此方式联系该借款人。');
      const reason = refused.locator('li[data-code="opted-out"]');
      expect(await reason.innerText()).toMatch(/^已退订：借款人已退订短信，或该地址在屏蔽名单上。/);
      expect(await reason.locator('[lang="en"]').count()).toBe(1);
      await page.getByTestId('composer').evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await look(page, 'inbox-composer-refused-zh');
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
