/**
 * handleDeliveryStatus with in-memory fakes for the messages, the contact ledger, the opt-outs
 * and the renderer: no database, no Redis, no HTTP.
 */
import { describe, expect, it } from 'vitest';
import type { TransitionInput } from '../../src/store/audit-store.js';
import type { Borrower, Message, MessageStatus, Reminder } from '../../src/domain/index.js';
import type { RenderInput, RenderOutput } from '../../src/templates/render.js';
import {
  type HandleDeliveryStatusCommand,
  type HandleDeliveryStatusPorts,
  handleDeliveryStatus,
} from '../../src/usecases/handle-delivery-status/handle-delivery-status.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');

function fixture(channel: 'sms' | 'voice', status: MessageStatus) {
  const borrower: Borrower = {
    id: 'b-1',
    tenant: 'default',
    ref: 'b-1',
    name: 'Alex',
    locale: 'en-US',
    timezone: 'America/New_York',
    phone: '+14155550100',
    email: null,
    consent: { sms: null, voice: null, email: null },
    optOuts: [],
    blackouts: [],
    status: 'active',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
  const reminder: Reminder = {
    id: 'rem-1',
    clientId: 'c',
    externalId: null,
    borrowerId: 'b-1',
    tenant: 'default',
    borrowerRef: 'b-1',
    channel,
    template: 'gentle-overdue',
    debt: {
      accountRef: '4111',
      creditor: 'Northwind Bank',
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
  const message: Message = {
    id: 'msg-1',
    reminderId: 'rem-1',
    borrowerId: 'b-1',
    tenant: 'default',
    borrowerRef: 'b-1',
    channel,
    template: 'gentle-overdue',
    templateVersion: null,
    locale: 'en-US',
    to: '+14155550100',
    subject: null,
    body: null,
    status,
    provider: 'twilio',
    providerId: 'SM1',
    attempts: 1,
    error: null,
    sendAt: NOW.toISOString(),
    dueAt: NOW.toISOString(),
    jobSeq: 0,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
  return { borrower, reminder, message };
}

/** The ports over one message: transitions move it only from the states they name, and are kept. */
function fakePorts(channel: 'sms' | 'voice', status: MessageStatus) {
  const f = fixture(channel, status);
  const transitions: TransitionInput[] = [];
  const ledger: string[] = [];
  const refused: string[] = [];
  const redirects: string[] = [];
  const renders: RenderInput[] = [];
  const ports: HandleDeliveryStatusPorts = {
    messages: {
      getMessage: async (id) => (id === f.message.id ? { ...f.message } : undefined),
      getReminderOfMessage: async (id) =>
        id === f.message.id ? { message: { ...f.message }, reminder: f.reminder, borrower: f.borrower } : undefined,
      transition: async (_id, input) => {
        if (!input.from.includes(f.message.status)) return false;
        f.message.status = input.to;
        transitions.push(input);
        return true;
      },
    },
    ledger: {
      recordOutcome: async (borrowerId, messageId, outcome) => {
        ledger.push(`${borrowerId} ${messageId} ${outcome}`);
        return true;
      },
      release: async (borrowerId, messageId) => {
        ledger.push(`${borrowerId} ${messageId} released`);
        return true;
      },
    },
    optOuts: {
      providerRefused: async (m, detail) => {
        refused.push(`${m.to} ${detail}`);
      },
    },
    render: (input) => {
      renders.push(input);
      const text = 'Hello, this is Northwind Bank. Please call us back.';
      return { body: text, version: 'v-vm', text } as RenderOutput;
    },
    redirectCall: async (callId, twiml) => {
      redirects.push(`${callId} ${twiml}`);
    },
    senderKindOf: async () => 'agency',
    clock: { now: () => NOW },
  };
  return { f, ports, transitions, ledger, refused, redirects, renders };
}

const sms = (status: string, errorCode: string | null = null): HandleDeliveryStatusCommand => ({
  provider: 'twilio',
  kind: 'message',
  messageId: 'msg-1',
  providerId: 'SM1',
  status,
  errorCode,
});
const call = (status: string): HandleDeliveryStatusCommand => ({
  provider: 'twilio',
  kind: 'call',
  messageId: 'msg-1',
  providerId: 'CA1',
  status,
  duration: '42',
});

describe('handleDeliveryStatus', () => {
  it('moves a sent SMS to delivered and records a delivered text in the ledger', async () => {
    const t = fakePorts('sms', 'sent');
    expect(await handleDeliveryStatus(t.ports, sms('delivered'))).toEqual({ found: true, movedTo: 'delivered' });
    expect(t.f.message.status).toBe('delivered');
    expect(t.ledger).toEqual(['b-1 msg-1 delivered']);
  });

  it('records nothing more for a repeated delivered callback: a state only moves forward', async () => {
    const t = fakePorts('sms', 'sent');
    await handleDeliveryStatus(t.ports, sms('delivered'));
    expect(await handleDeliveryStatus(t.ports, sms('delivered'))).toEqual({ found: true, movedTo: null });
    expect(t.ledger).toHaveLength(1);
  });

  it('marks a sending SMS sent first when the provider’s delivered arrives before the worker recorded it', async () => {
    const t = fakePorts('sms', 'sending');
    await handleDeliveryStatus(t.ports, sms('delivered'));
    expect(t.transitions.map((x) => x.to)).toEqual(['sent', 'delivered']);
    expect(t.transitions[0]).toMatchObject({ patch: { provider: 'twilio', providerId: 'SM1' } });
  });

  it('records the validity period as the reason an SMS is undelivered with Twilio 30036', async () => {
    const t = fakePorts('sms', 'sent');
    expect(await handleDeliveryStatus(t.ports, sms('undelivered', '30036'))).toEqual({
      found: true,
      movedTo: 'undelivered',
    });
    const last = t.transitions.at(-1)!;
    expect(last.data).toMatchObject({ errorCode: '30036', reason: expect.stringContaining('validity period expired') });
    expect(last.patch).toEqual({
      errorCode: '30036',
      errorMessage: expect.stringContaining('contact window closed'),
    });
    expect(t.ledger).toEqual(['b-1 msg-1 undelivered']);
  });

  it('keeps just the code of a failed SMS that did not expire', async () => {
    const t = fakePorts('sms', 'sent');
    await handleDeliveryStatus(t.ports, sms('failed', '30003'));
    expect(t.transitions.at(-1)!.patch).toEqual({ errorCode: '30003' });
    expect(t.transitions.at(-1)!.data).not.toHaveProperty('reason');
  });

  it('suppresses the number when the carrier says the recipient unsubscribed (21610)', async () => {
    const t = fakePorts('sms', 'sent');
    await handleDeliveryStatus(t.ports, sms('undelivered', '21610'));
    expect(t.refused).toEqual([expect.stringMatching(/^\+14155550100 /)]);
  });

  it('records a completed call as an answered, placed call in the ledger', async () => {
    const t = fakePorts('voice', 'sent');
    expect(await handleDeliveryStatus(t.ports, call('completed'))).toEqual({ found: true, movedTo: 'answered' });
    expect(t.ledger).toEqual(['b-1 msg-1 answered']);
    expect(t.transitions.at(-1)!.data).toEqual({ providerId: 'CA1', callStatus: 'completed', duration: '42' });
  });

  it('records a busy line as busy and a failed call as a number not in service', async () => {
    const busy = fakePorts('voice', 'sent');
    await handleDeliveryStatus(busy.ports, call('busy'));
    expect(busy.ledger).toEqual(['b-1 msg-1 busy']);
    const failed = fakePorts('voice', 'sent');
    await handleDeliveryStatus(failed.ports, call('failed'));
    expect(failed.f.message.status).toBe('failed');
    expect(failed.ledger).toEqual(['b-1 msg-1 not-in-service']);
  });

  it('gives the slot back for a cancelled call', async () => {
    const t = fakePorts('voice', 'sent');
    expect(await handleDeliveryStatus(t.ports, call('canceled'))).toEqual({ found: true, movedTo: 'cancelled' });
    expect(t.ledger).toEqual(['b-1 msg-1 released']);
  });

  it('leaves the limited-content voicemail for a machine and records a voicemail', async () => {
    const t = fakePorts('voice', 'sent');
    const result = await handleDeliveryStatus(t.ports, {
      provider: 'twilio',
      kind: 'answered-by',
      messageId: 'msg-1',
      providerId: 'CA1',
      answeredBy: 'machine_end_beep',
    });
    expect(result).toEqual({ found: true, movedTo: 'machine' });
    expect(t.renders).toEqual([expect.objectContaining({ key: 'voicemail-limited', channel: 'voicemail' })]);
    expect((t.renders[0]!.data.sender as { agency: boolean }).agency).toBe(true);
    expect(t.redirects).toEqual(['CA1 Hello, this is Northwind Bank. Please call us back.']);
    expect(t.transitions.at(-1)!.data).toMatchObject({ voicemail: expect.any(String), voicemailVersion: 'v-vm' });
    expect(t.ledger).toEqual(['b-1 msg-1 voicemail']);
  });

  it('still records the machine, and says why, when the voicemail cannot be rendered', async () => {
    const t = fakePorts('voice', 'sent');
    t.ports.render = () => {
      throw new Error('template "voicemail-limited" has no voicemail version');
    };
    const result = await handleDeliveryStatus(t.ports, {
      provider: 'twilio',
      kind: 'answered-by',
      messageId: 'msg-1',
      providerId: 'CA1',
      answeredBy: 'machine_start',
    });
    expect(result).toMatchObject({ movedTo: 'machine', voicemailError: expect.stringContaining('no voicemail') });
    expect(t.redirects).toEqual([]);
  });

  it('records a person who answered the machine detection as an answered call', async () => {
    const t = fakePorts('voice', 'sent');
    await handleDeliveryStatus(t.ports, {
      provider: 'twilio',
      kind: 'answered-by',
      messageId: 'msg-1',
      providerId: 'CA1',
      answeredBy: 'human',
    });
    expect(t.ledger).toEqual(['b-1 msg-1 answered']);
  });

  it('changes nothing for a message that is not ours', async () => {
    const t = fakePorts('sms', 'sent');
    expect(
      await handleDeliveryStatus(t.ports, { ...sms('delivered'), messageId: 'other' } as HandleDeliveryStatusCommand),
    ).toEqual({
      found: false,
      movedTo: null,
    });
    expect(t.transitions).toEqual([]);
    expect(t.ledger).toEqual([]);
  });
});
