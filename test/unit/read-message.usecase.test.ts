/** Reading one message as sent, with plain in-memory fakes for the store's message, events, template and read log. */
import { describe, expect, it } from 'vitest';
import type { AuditEvent, Borrower, Message, Reminder } from '../../src/domain/index.js';
import type { AuditRead } from '../../src/store/audit-queries.js';
import { readMessage, type ReadMessagePorts } from '../../src/usecases/read-message/read-message.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const clock = { now: () => NOW };

function fakes(message: Partial<Message> = {}) {
  const reads: AuditRead[] = [];
  const m = {
    id: 'm-1',
    borrowerId: 'acme~b-1',
    tenant: 'acme',
    channel: 'sms',
    body: 'Hello',
    subject: null,
    ...message,
  } as Message;
  const ports: ReadMessagePorts = {
    getReminderOfMessage: async (id) =>
      id === 'm-1'
        ? { message: m, reminder: { id: 'r-1' } as Reminder, borrower: { id: 'acme~b-1' } as Borrower }
        : undefined,
    mayReach: (tenant) => tenant === 'acme',
    listEvents: async () => [{ seq: 1, type: 'accepted' } as unknown as AuditEvent],
    getTemplateVersion: async () => undefined,
    getRenderData: async () => undefined,
    recordRead: async (read) => {
      reads.push(read);
    },
  };
  return { ports, reads };
}
const cmd = { id: 'm-1', reader: { keyId: 'k1', role: 'compliance', tenant: 'acme' }, filter: {} };

describe('readMessage', () => {
  it('answers the message with its events and content, and records the read', async () => {
    const f = fakes();
    const r = await readMessage(f.ports, clock, cmd);
    expect(r).toMatchObject({ kind: 'found', message: { id: 'm-1' }, content: { text: 'Hello', matchesStored: null } });
    expect(f.reads).toMatchObject([{ action: 'read', target: 'm-1' }]);
  });

  it('shows a voice message’s body as its TwiML, not as text', async () => {
    const f = fakes({ channel: 'voice', body: '<Response/>' });
    const r = await readMessage(f.ports, clock, cmd);
    expect(r).toMatchObject({ kind: 'found', content: { text: null, twiml: '<Response/>' } });
  });

  it('does not find another tenant’s message and records nothing', async () => {
    const f = fakes();
    f.ports.mayReach = () => false;
    expect(await readMessage(f.ports, clock, cmd)).toEqual({ kind: 'not-found' });
    expect(f.reads).toEqual([]);
  });
});
