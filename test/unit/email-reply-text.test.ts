/** The borrower's own words of an email reply: quoted history and signatures of English and Chinese clients dropped. */
import { describe, expect, it } from 'vitest';
import { htmlToText, stripQuotedReply } from '../../src/policy/replies/email-text.js';

const QUOTED = 'Hi Alex, your payment of $120.50 is overdue.\nTo stop texts, reply STOP.';

describe('stripQuotedReply', () => {
  it.each([
    ['Gmail', `Please unsubscribe me\n\nOn Mon, Dec 1, 2026 at 10:00 AM Northwind <n@x.com> wrote:\n> ${QUOTED}`],
    [
      'Gmail, attribution wrapped',
      `Please unsubscribe me\n\nOn Mon, Dec 1, 2026 at 10:00 AM Northwind <\nn@x.com> wrote:\n\n${QUOTED}`,
    ],
    ['Apple Mail', `Please unsubscribe me\n\n> On 1 Dec 2026, at 10:00, Northwind <n@x.com> wrote:\n> \n> reply STOP`],
    ['Outlook', `Please unsubscribe me\n\n-----Original Message-----\nFrom: Northwind\nSent: Monday\n${QUOTED}`],
    [
      'Outlook header block',
      `Please unsubscribe me\n\n________________________________\nFrom: Northwind <n@x.com>\nSent: Monday, December 1, 2026 10:00 AM\nTo: Alex\nSubject: Reminder\n\n${QUOTED}`,
    ],
    [
      'Outlook header block without rule',
      `Please unsubscribe me\r\n\r\nFrom: Northwind <n@x.com>\r\nSent: Monday\r\nSubject: Reminder\r\n${QUOTED}`,
    ],
    [
      'iPhone',
      `Please unsubscribe me\n\nSent from my iPhone\n\n> On Dec 1, 2026, at 10:00, Northwind wrote:\n> reply STOP`,
    ],
    ['signature', `Please unsubscribe me\n-- \nAlex Chen\nreply STOP is what you said`],
    ['Outlook mobile', `Please unsubscribe me\n\nGet Outlook for iOS\n${QUOTED}`],
  ])('%s', (_, text) => {
    expect(stripQuotedReply(text)).toBe('Please unsubscribe me');
  });

  it.each([
    [
      'QQ Mail',
      `请不要再发邮件了\n\n------------------ 原始邮件 ------------------\n发件人: "Northwind"<n@x.com>;\n发送时间: 2026年12月1日(星期一) 上午10:00\n收件人: "Alex";\n主题: 还款提醒\n\n回复 STOP 退订`,
    ],
    [
      'QQ Mail, English',
      `请不要再发邮件了\n\n------------------ Original ------------------\nFrom: "Northwind"<n@x.com>;\nDate: Mon, Dec 1, 2026 10:00 AM\n回复 STOP 退订`,
    ],
    [
      'iPhone zh',
      `请不要再发邮件了\n\n发自我的iPhone\n\n> 在 2026年12月1日，10:00，Northwind <n@x.com> 写道：\n> 回复 STOP 退订`,
    ],
    ['Gmail zh', `请不要再发邮件了\n\nNorthwind <n@x.com> 于2026年12月1日周一 10:00写道：\n\n> 回复 STOP 退订`],
    ['Apple Mail zh', `请不要再发邮件了\n\n在 2026年12月1日，10:00，Northwind <n@x.com> 写道：\n\n回复 STOP 退订`],
    ['NetEase', `请不要再发邮件了\n\n发自网易邮箱大师\n---- 回复的原邮件 ----\n回复 STOP 退订`],
    ['Foxmail', `请不要再发邮件了\n\n发件人：Northwind\n发送时间：2026-12-01 10:00\n收件人：Alex\n回复 STOP 退订`],
  ])('%s', (_, text) => {
    expect(stripQuotedReply(text)).toBe('请不要再发邮件了');
  });

  it('keeps an answer written between quoted lines, and the words of a reply with nothing quoted', () => {
    expect(stripQuotedReply('> Your payment is overdue.\nI paid on Friday.\n> reply STOP\nThanks')).toBe(
      'I paid on Friday.\nThanks',
    );
    expect(stripQuotedReply('  Wrong address, I am not this person  \n\n\n\nBye ')).toBe(
      'Wrong address, I am not this person\n\nBye',
    );
  });

  it('does not cut at words that only look like the markers', () => {
    expect(stripQuotedReply('On Friday I will pay. Who wrote this?')).toBe('On Friday I will pay. Who wrote this?');
    expect(stripQuotedReply('From: me, Alex. Please call.')).toBe('From: me, Alex. Please call.');
    expect(stripQuotedReply('a -- b')).toBe('a -- b');
  });
});

describe('htmlToText', () => {
  it('reads an HTML-only reply, its blockquote as quoted lines the stripper drops', () => {
    const html =
      '<html><head><style>p{}</style></head><body><div dir="ltr">Please unsubscribe me &amp; my wife</div><br>' +
      '<div class="gmail_quote"><div>On Mon, Dec 1, 2026 Northwind wrote:</div>' +
      '<blockquote class="gmail_quote"><p>To stop texts, reply STOP.</p></blockquote></div></body></html>';
    const text = htmlToText(html);
    expect(text).toContain('> To stop texts, reply STOP.');
    expect(stripQuotedReply(text)).toBe('Please unsubscribe me & my wife');
  });
});
