/**
 * handleInboundEmail with in-memory fakes: the token maps to its message only when signed for the
 * message's tenant; the text goes to the content store, the event holds its reference; the reply
 * is acted on with the address the reminder went to.
 */
import { describe, expect, it } from 'vitest';
import type { Interpretation } from '../../src/domain/replies.js';
import { makeReplyAddresses } from '../../src/http/webhooks/reply-address.js';
import { interpretReply } from '../../src/policy/replies/index.js';
import {
  handleInboundEmail,
  type HandleInboundEmailPorts,
} from '../../src/usecases/handle-inbound-email/handle-inbound-email.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const addresses = makeReplyAddresses({ secret: 's', domain: 'r.example.com' });
const tokenFor = (id: string, tenant: string) => addresses.tokenOf(addresses.addressOf(id, tenant))!;

function fakes(messages: Record<string, { tenant: string; channel: string; to: string }>) {
  const events: Array<{ borrowerId: string; type: string; data: Record<string, unknown> }> = [];
  const contents: string[] = [];
  const suppressed: Array<{ address: string; channels: string[] }> = [];
  const detached: Array<{ id: string; channels: string[] }> = [];
  const claims = new Set<string>();
  const ports: HandleInboundEmailPorts = {
    tokens: addresses,
    clock: { now: () => NOW },
    interpret: async (input) => interpretReply(input.text, { ...input, receivedAt: NOW }) as Interpretation,
    store: {
      webhooks: {
        claim: async (key: string) => !claims.has(key) && Boolean(claims.add(key)),
        release: async (key: string) => void claims.delete(key),
      },
      latestReminder: async () => undefined,
      getReminderOfMessage: async (id: string) => {
        const m = messages[id];
        if (!m) return undefined;
        return {
          message: { id, ...m },
          borrower: {
            id: `${m.tenant}~b1`,
            tenant: m.tenant,
            locale: 'en-US',
            timezone: null,
            email: m.to,
            phone: '+14155550100',
          },
          reminder: {},
        } as never;
      },
      recordBorrowerEvent: (async (borrowerId: string, e: { type: string; data: Record<string, unknown> }) => {
        events.push({ borrowerId, type: e.type, data: e.data });
      }) as never,
      content: {
        put: (async (_b: string, text: string) => {
          contents.push(text);
          return { id: `c_${contents.length}`, sha256: 'x' };
        }) as never,
      },
    },
    optOuts: {
      suppressAddress: (async (o: { address: string; channels: string[] }) => {
        suppressed.push(o);
        return { added: o.channels.map((channel) => ({ channel })) };
      }) as never,
      detachFromBorrower: (async (id: string, channels: string[]) => {
        detached.push({ id, channels });
      }) as never,
    },
  };
  return { ports, events, contents, suppressed, detached };
}

describe('handleInboundEmail', () => {
  const messages = {
    msg_a: { tenant: 'acme', channel: 'email', to: 'Alex@Example.com' },
    msg_s: { tenant: 'acme', channel: 'sms', to: '+14155550100' },
  };

  it('records the text apart from the event and stops email to the address the reminder went to', async () => {
    const f = fakes(messages);
    const r = await handleInboundEmail(f.ports, {
      token: tokenFor('msg_a', 'acme'),
      text: 'Please unsubscribe me',
      via: 'smtp',
    });
    expect(r).toMatchObject({ kind: 'acted', tenant: 'acme', borrowerId: 'acme~b1', acted: { revoked: ['email'] } });
    expect(f.contents).toEqual(['Please unsubscribe me']);
    const inbound = f.events.find((e) => e.type === 'inbound.email')!;
    expect(inbound.data).toMatchObject({ content: { id: 'c_1' }, messageId: 'msg_a', via: 'smtp' });
    expect(JSON.stringify(inbound.data)).not.toContain('unsubscribe');
    expect(f.suppressed).toEqual([expect.objectContaining({ address: 'alex@example.com', channels: ['email'] })]);
  });

  it('handles the same mail (Message-ID) to the same message once: a relay retrying is no second reply', async () => {
    const f = fakes(messages);
    const cmd = {
      token: tokenFor('msg_a', 'acme'),
      text: 'Please unsubscribe me',
      via: 'smtp',
      providerId: '<x@y>',
    } as const;
    expect((await handleInboundEmail(f.ports, cmd)).kind).toBe('acted');
    expect(await handleInboundEmail(f.ports, cmd)).toMatchObject({ kind: 'repeat', borrowerId: 'acme~b1' });
    expect(f.events.filter((e) => e.type === 'inbound.email')).toHaveLength(1);
    // Another mail is another reply.
    expect((await handleInboundEmail(f.ports, { ...cmd, providerId: '<z@y>' })).kind).toBe('acted');
  });

  it('detaches the email from this borrower on "wrong address"', async () => {
    const f = fakes(messages);
    await handleInboundEmail(f.ports, { token: tokenFor('msg_a', 'acme'), text: 'Wrong address', via: 'http' });
    expect(f.detached).toEqual([{ id: 'acme~b1', channels: ['email'] }]);
    expect(f.suppressed).toEqual([]);
  });

  it.each([
    ['a token signed for another tenant', tokenFor('msg_a', 'other'), 'bad-signature'],
    ['an unknown message', tokenFor('msg_zz', 'acme'), 'unknown-message'],
    ['a message that was no email', tokenFor('msg_s', 'acme'), 'not-email'],
    ['a malformed token', 'not-a-token', 'malformed-token'],
  ])('maps %s to nothing, and records nothing', async (_, token, reason) => {
    const f = fakes(messages);
    expect(await handleInboundEmail(f.ports, { token, text: 'Please unsubscribe me', via: 'smtp' })).toEqual({
      kind: 'unmatched',
      reason,
    });
    expect([f.events, f.contents, f.suppressed, f.detached]).toEqual([[], [], [], []]);
  });
});
