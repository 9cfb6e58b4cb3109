/**
 * handleInboundSms with in-memory fakes for the borrowers and the opt-out list, and the real
 * catalogue for the replies (so the wording tested is the wording sent): no database, no HTTP.
 */
import { describe, expect, it } from 'vitest';
import type { Borrower, Reminder } from '../../src/domain/index.js';
import type { SenderKind } from '../../src/domain/sender.js';
import { US_REGF } from '../../src/policy/profile.js';
import { loadCatalogue } from '../../src/templates/catalogue.js';
import type { SenderContact } from '../../src/templates/context.js';
import { makeRenderer } from '../../src/templates/render.js';
import {
  type HandleInboundSmsPorts,
  handleInboundSms,
} from '../../src/usecases/handle-inbound-sms/handle-inbound-sms.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const render = makeRenderer(loadCatalogue('templates', { lint: { profile: US_REGF, smsMaxSegments: 3 } }));

/** A borrower by its store key (`acme~b-9` is tenant acme's b-9, as the store keys it). */
function borrower(id: string, phone: string, locale = 'en-US'): Borrower {
  const [tenant, ref] = id.includes('~') ? (id.split('~') as [string, string]) : ['default', id];
  return {
    id,
    tenant,
    ref,
    name: 'Alex',
    locale,
    timezone: null,
    phone,
    email: null,
    consent: { sms: null, voice: null, email: null },
    optOuts: [],
    blackouts: [],
    status: 'active',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

function reminderOf(borrowerId: string, creditor: string): Reminder {
  return {
    id: `rem-${borrowerId}`,
    clientId: 'c',
    externalId: null,
    borrowerId,
    tenant: 'default',
    borrowerRef: borrowerId,
    channel: 'sms',
    template: 'gentle-overdue',
    debt: {
      accountRef: '4111',
      creditor,
      amountDue: { amount: '1.00', currency: 'USD' },
      dueDate: '2026-06-01',
      daysOverdue: 9,
    },
    sendAt: NOW.toISOString(),
    expiresAt: null,
    metadata: null,
    contact: null,
    createdAt: NOW.toISOString(),
  };
}

/** An opt-out list over one tenant, borrowers by phone, and the events recorded on them. */
function fakePorts(
  o: {
    borrowers?: Borrower[];
    reminders?: Reminder[];
    contact?: SenderContact | null;
    kind?: SenderKind;
  } = {},
) {
  const suppressed = new Set<string>();
  const calls: string[] = [];
  const events: Array<{ borrowerId: string; type: string; data: Record<string, unknown> }> = [];
  const ports: HandleInboundSmsPorts = {
    borrowers: {
      borrowersByPhone: async (phone) => (o.borrowers ?? []).filter((b) => b.phone === phone),
      latestReminder: async (id) => (o.reminders ?? []).find((r) => r.borrowerId === id),
      recordBorrowerEvent: async (borrowerId, e) => {
        events.push({ borrowerId, type: e.type, data: e.data ?? {} });
      },
      content: { put: async (owner, text) => ({ id: `c-${owner}`, sha256: `h(${text})` }) },
    },
    optOuts: {
      suppressAddress: async (input) => {
        calls.push(`suppress ${input.address} ${input.source} ${input.detail} ${input.tenant}`);
        const added = suppressed.has(input.address) ? [] : [{ address: input.address }];
        suppressed.add(input.address);
        return { added, borrowers: [], suppressed: [] } as never;
      },
      restoreAddress: async (input) => {
        calls.push(`restore ${input.address} ${input.source} ${input.tenant}`);
        suppressed.delete(input.address);
        return { removed: [], borrowers: [] };
      },
      detachFromBorrower: async (borrowerId, channels) => {
        calls.push(`detach ${borrowerId} ${channels.join('+')}`);
        return { suppressed: [] };
      },
    },
    optOutKeywords: US_REGF.optOutKeywords,
    render,
    contactOf: async () => o.contact ?? null,
    senderKindOf: async () => o.kind,
    clock: { now: () => NOW },
  };
  return { ports, suppressed, calls, events };
}

const text = (from: string, body: string, tenant = 'default') => ({
  provider: 'twilio' as const,
  tenant,
  from,
  body,
  providerId: `SM-${body}`,
});

describe('handleInboundSms', () => {
  it('suppresses the number once on STOP and sends the one confirmation only the first time', async () => {
    const t = fakePorts();
    const first = await handleInboundSms(t.ports, text('+14155550100', 'STOP'));
    expect(first.kind).toBe('stop');
    expect(first.reply).toEqual({
      template: 'opt-out-plain',
      locale: 'en-US',
      text: 'You have been unsubscribed: we will send no more texts to this number.',
    });
    const second = await handleInboundSms(t.ports, text('+14155550100', 'stop'));
    expect(second).toEqual({ kind: 'stop', reply: null });
    expect(t.calls).toEqual([
      'suppress +14155550100 inbound-keyword STOP default',
      'suppress +14155550100 inbound-keyword STOP default',
    ]);
  });

  it('confirms a borrower’s STOP from the template that names who is writing', async () => {
    const b = borrower('b-1', '+14155550100');
    const t = fakePorts({ borrowers: [b], reminders: [reminderOf('b-1', 'Northwind Bank')] });
    const r = await handleInboundSms(t.ports, text('+14155550100', 'Stop.'));
    expect(r.reply).toMatchObject({ template: 'opt-out-confirmation' });
    expect(r.reply!.text).toMatch(/^Northwind Bank: You have been unsubscribed/);
    expect(t.events).toEqual([
      {
        borrowerId: 'b-1',
        type: 'inbound.sms',
        data: { kind: 'stop', keyword: 'STOP', content: { id: 'c-b-1', sha256: 'h(Stop.)' }, messageSid: 'SM-Stop.' },
      },
    ]);
  });

  it('tells a borrower no reminder names anyone for how to resume, in the plain confirmation', async () => {
    const t = fakePorts({ borrowers: [borrower('b-1', '+14155550100')] });
    const r = await handleInboundSms(t.ports, text('+14155550100', 'STOP'));
    expect(r.reply).toEqual({
      template: 'opt-out-plain',
      locale: 'en-US',
      text: 'You have been unsubscribed and will receive no more texts. Reply START to resume.',
    });
    const zh = fakePorts({ borrowers: [borrower('b-2', '+8613800138000', 'zh-CN')] });
    expect((await handleInboundSms(zh.ports, text('+8613800138000', '退订'))).reply!.text).toBe(
      '您已成功退订。回复KT可恢复接收',
    );
  });

  it('names the tenant in the plain confirmation to a number it does not know', async () => {
    const t = fakePorts({ contact: { name: 'Acme Bank card services' } });
    const r = await handleInboundSms(t.ports, text('+14155550100', 'STOP'));
    expect(r.reply!.text).toBe(
      'Acme Bank card services: You have been unsubscribed: we will send no more texts to this number.',
    );
  });

  it('restores the number on START and says so, with how to opt out again', async () => {
    const t = fakePorts();
    await handleInboundSms(t.ports, text('+14155550100', 'STOP'));
    const r = await handleInboundSms(t.ports, text('+14155550100', 'start'));
    expect(r).toEqual({
      kind: 'start',
      reply: {
        template: 'subscribed-again',
        locale: 'en-US',
        text: 'You are subscribed again. Reply STOP to opt out.',
      },
    });
    expect(t.suppressed.size).toBe(0);
    expect(t.calls.at(-1)).toBe('restore +14155550100 inbound-keyword START default');
  });

  it('answers HELP without touching the opt-out list', async () => {
    const t = fakePorts();
    const r = await handleInboundSms(t.ports, text('+14155550100', 'help'));
    expect(r.reply).toMatchObject({ template: 'help-reply', text: expect.stringMatching(/^For help, call us/) });
    expect(t.calls).toEqual([]);
  });

  it('adds the debt collector disclosure to an agency’s replies', async () => {
    const t = fakePorts({ kind: 'agency', contact: { name: 'Acme Recoveries' } });
    const r = await handleInboundSms(t.ports, text('+14155550100', 'HELP'));
    expect(r.reply!.text).toBe(
      'Acme Recoveries: For help, call us on the number in our last message. This is from a debt collector. Reply STOP to opt out.',
    );
  });

  it('suppresses on a Chinese TD and confirms in Chinese for a zh-CN borrower', async () => {
    const b = borrower('b-2', '+8613800138000', 'zh-CN');
    const t = fakePorts({ borrowers: [b], reminders: [reminderOf('b-2', '北风银行')] });
    const r = await handleInboundSms(t.ports, text('+8613800138000', 'TD'));
    expect(r.kind).toBe('stop');
    expect(r.reply).toMatchObject({ template: 'opt-out-confirmation', locale: 'zh-CN' });
    expect(r.reply!.text).toBe('【北风银行】您已成功退订，我们将不再向本号码发送短信。回复KT可恢复接收');
    expect(t.calls).toEqual(['suppress +8613800138000 inbound-keyword TD default']);
  });

  it('answers 帮助 in Chinese from a number it does not know', async () => {
    const t = fakePorts();
    const r = await handleInboundSms(t.ports, text('+8613800138000', '帮助'));
    expect(r.reply).toEqual({
      template: 'help-reply',
      locale: 'zh-CN',
      text: '如需帮助，请致电我们的客服。回复TD退订',
    });
  });

  it.each(['ALTO', 'alto', 'Parar.', 'BAJA', 'cancelar'])(
    'suppresses on the Spanish %s and confirms in Spanish for an es-MX borrower (served es-US)',
    async (word) => {
      const b = borrower('b-3', '+13055550100', 'es-MX');
      const t = fakePorts({ borrowers: [b], reminders: [reminderOf('b-3', 'Northwind Bank')] });
      const r = await handleInboundSms(t.ports, text('+13055550100', word));
      expect(r.kind).toBe('stop');
      expect(r.reply).toEqual({
        template: 'opt-out-confirmation',
        locale: 'es-US',
        text: 'Northwind Bank: Le hemos dado de baja y ya no le enviaremos mensajes de texto. Responda START para volver a recibirlos.',
      });
      expect(t.calls).toHaveLength(1);
    },
  );

  it('answers AYUDA in Spanish, and a Spanish STOP word in Spanish, from a number it does not know', async () => {
    const help = await handleInboundSms(fakePorts().ports, text('+13055550100', 'Ayuda'));
    expect(help).toEqual({
      kind: 'help',
      reply: {
        template: 'help-reply',
        locale: 'es-US',
        text: 'Si necesita ayuda, llame al teléfono que aparece en nuestro mensaje anterior. Responda STOP o ALTO para dejar de recibir mensajes.',
      },
    });
    const stop = await handleInboundSms(fakePorts().ports, text('+13055550100', 'ALTO'));
    expect(stop.reply).toEqual({
      template: 'opt-out-plain',
      locale: 'es-US',
      text: 'Le hemos dado de baja: ya no enviaremos mensajes de texto a este teléfono.',
    });
  });

  it('records any other text on the borrower without a keyword, and sends no reply', async () => {
    const b = borrower('b-1', '+14155550100');
    const t = fakePorts({ borrowers: [b] });
    expect(await handleInboundSms(t.ports, text('+14155550100', 'I paid yesterday'))).toEqual({
      kind: 'other',
      reply: null,
    });
    expect(t.events[0]!.data).not.toHaveProperty('keyword');
    expect(t.calls).toEqual([]);
  });

  it('records the text only on borrowers of the tenant it was sent to', async () => {
    const t = fakePorts({ borrowers: [borrower('b-1', '+14155550100'), borrower('acme~b-9', '+14155550100')] });
    await handleInboundSms(t.ports, text('+14155550100', 'hello'));
    expect(t.events.map((e) => e.borrowerId)).toEqual(['b-1']);
  });
});
