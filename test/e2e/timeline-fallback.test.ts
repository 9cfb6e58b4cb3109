/**
 * Channel fallback on the console timeline (issue 30), in a real browser (Debian's chromium
 * through playwright-core) against the whole service with the fake Twilio and a real SMTP server:
 * a borrower's text with `fallback: ["email"]` is reported undelivered by Twilio's signed callback
 * with 30006 (a landline) and the email goes. The timeline draws the two messages as one chain of
 * attempts — "Text to ••• 0100 — undelivered (landline, Twilio 30006) → Email to a•••@example.com —
 * sent" — each linked to its message page; the `fallback.taken` and `address.learned` events read
 * in words; the email's message page says which message it falls back from. In English and
 * Chinese, checked with axe-core's WCAG A/AA rules and saved as screenshots.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchChromium, newContext, screenshot, signInConsole } from '../support/browser.js';
import { postSignedCallback, providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { type Harness, reminderBody, sqliteOnly, startHarness } from '../support/harness.js';
import { openProfile } from '../support/profiles.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';

const BORROWER = 'b-tl-fallback';
const PHONE = '+14155550100';
const EMAIL = 'alex.fallback@example.com';

/** Saves the page as a screenshot and checks it against axe-core's WCAG A/AA rules. */
async function look(page: Page, name: string) {
  await screenshot(page, name);
  expect(await accessibilityViolations(page), `accessibility of ${name}`).toEqual([]);
}

describe('a channel fallback on the console timeline', () => {
  let tw: FakeTwilio;
  let smtp: SmtpSink;
  let h: Harness;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let smsId = '';
  let emailId = '';

  const messageIn = (id: string, status: string) =>
    waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        return m?.status === status ? m : undefined;
      },
      { what: `message ${id} ${status}` },
    );

  beforeAll(async () => {
    browser = await launchChromium();
    tw = await startFakeTwilio();
    smtp = await startSmtpSink();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-tl-fallback-'));
    const profileFile = path.join(dir, 'profile.json');
    fs.writeFileSync(profileFile, JSON.stringify(openProfile('timeline-fallback-test')));
    h = await startHarness({ db: sqliteOnly, env: { POLICY_FILE: profileFile, ...providerEnv(tw, smtp) } });

    const r = await h.api('POST', '/v1/reminders', {
      body: reminderBody(
        { channel: 'sms', fallback: ['email'] },
        { id: BORROWER, name: 'Alex Rivera', phone: PHONE, email: EMAIL, timezone: 'America/New_York' },
      ),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    const sent = await messageIn(r.body.messages[0].id, 'sent');
    smsId = sent.id;
    const res = await postSignedCallback(
      { url: h.url, publicBaseUrl: h.service.config.publicBaseUrl },
      tw.authToken,
      `/webhooks/twilio/message-status?m=${sent.id}`,
      { MessageSid: sent.providerId!, MessageStatus: 'undelivered', ErrorCode: '30006' },
    );
    expect(res.status).toBe(204);
    const taken = await waitFor(
      async () => {
        const tl = await h.api('GET', `/v1/borrowers/${BORROWER}/timeline`, { role: 'compliance' });
        const items = tl.body.items as Array<{ type: string; data: Record<string, unknown> }>;
        return items.find((e) => e.type === 'fallback.taken');
      },
      { what: 'the fallback taken' },
    );
    emailId = String(taken.data.to);
    await messageIn(emailId, 'sent');
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await h?.destroy();
    await tw?.close();
    await smtp?.close();
  });

  async function signIn(locale: string): Promise<Page> {
    const context = await newContext(browser, locale);
    contexts.push(context);
    // Compliance reads message pages: the attempts link to them.
    return signInConsole(context, h.url, h.keys.tokens.compliance);
  }

  async function open(page: Page) {
    await page.goto(`${h.url}/ui/borrowers/${BORROWER}`);
    await page.getByTestId('timeline').waitFor();
  }

  const eventRow = (page: Page, label: string) =>
    page.getByTestId('timeline').locator('tbody tr', { has: page.locator('td.label', { hasText: label }) });

  describe('in English', () => {
    let page: Page;
    beforeAll(async () => {
      page = await signIn('en-US');
      await open(page);
    });

    it('draws the fallback as one chain of two attempts, the reason in words', async () => {
      const section = page.getByTestId('fallbacks');
      expect(await section.getByRole('heading', { name: 'Fallbacks', level: 2 }).count()).toBe(1);
      const chains = section.locator('ol.chain');
      expect(await chains.count()).toBe(1);
      expect(await chains.getAttribute('data-first')).toBe(smsId);
      const attempts = chains.locator('li.attempt');
      expect(await attempts.evaluateAll((li) => li.map((x) => x.getAttribute('data-message')))).toEqual([
        smsId,
        emailId,
      ]);
      expect(await attempts.nth(0).innerText()).toBe('Text to ••• 0100 — undelivered (landline, Twilio 30006)');
      expect(await attempts.nth(1).innerText()).toBe('Email to a•••@example.com — sent');
      expect(await attempts.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
        `/ui/audit/messages/${smsId}`,
        `/ui/audit/messages/${emailId}`,
      ]);
    });

    it('reads the fallback and what was learned in words in the event list', async () => {
      const taken = await eventRow(page, 'Fell back to another channel').innerText();
      expect(taken).toContain('Went on by Email: Twilio 30006.');
      expect(taken).toContain(`falls back from: ${smsId}`);
      expect(taken).toContain(`new message: ${emailId}`);
      const learned = await eventRow(page, 'Learned about an address').innerText();
      expect(learned).toContain('+141****0100: landline. Rules out SMS for this address.');
      expect(learned).toContain('code: Twilio 30006');
      expect(learned).not.toContain(PHONE);
      await eventRow(page, 'Fell back to another channel').scrollIntoViewIfNeeded();
      await screenshot(page, 'timeline-fallback-events-en');
    });

    it('passes axe and reads well (screenshot)', async () => {
      await page.getByTestId('fallbacks').scrollIntoViewIfNeeded();
      await look(page, 'timeline-fallback-en');
    });

    it('says on the email’s message page which message it falls back from', async () => {
      await page.getByTestId('fallbacks').locator(`li[data-message="${emailId}"] a`).click();
      await page.getByTestId('events').waitFor();
      const facts = page.locator('dl.facts');
      expect(await facts.innerText()).toMatch(new RegExp(`Falls back from\\s+${smsId}`));
      expect(await facts.locator(`a[href="/ui/audit/messages/${smsId}"]`).count()).toBe(1);
      await look(page, 'message-fallback-en');
    });
  });

  describe('in Chinese', () => {
    let page: Page;
    beforeAll(async () => {
      page = await signIn('zh-CN');
      await open(page);
    });

    it('says the same in Chinese, axe clean', async () => {
      const section = page.getByTestId('fallbacks');
      expect(await section.getByRole('heading', { name: '渠道改用', level: 2 }).count()).toBe(1);
      const attempts = section.locator('ol.chain li.attempt');
      expect(await attempts.nth(0).innerText()).toBe('短信至 ••• 0100 — 未送达（固定电话，Twilio 30006）');
      expect(await attempts.nth(1).innerText()).toBe('邮件至 a•••@example.com — 已发送');
      expect(await eventRow(page, '已改用其他渠道').innerText()).toContain('改用邮件：Twilio 30006。');
      expect(await eventRow(page, '获知联系地址情况').innerText()).toContain(
        '+141****0100：固定电话。此地址不再通过短信联系。',
      );
      await section.scrollIntoViewIfNeeded();
      await look(page, 'timeline-fallback-zh');
    });
  });
});
