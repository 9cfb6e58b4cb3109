/**
 * What the console stands on, without a browser: GET /v1/me, the dashboard's GET /v1/audit/stats
 * (per day, channel and outcome, suppressions by reason), the exact content on the audit message
 * page (email HTML and voice script re-rendered from the stored version), and the pages' serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

describe.each(dbVariants())('console API on $name', (variant) => {
  let h: Harness;
  const ids: Record<string, string> = {};

  const settle = async (id: string, statuses: string[]) =>
    waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        return m && statuses.includes(m.status) ? m : undefined;
      },
      { what: `message ${id} settled` },
    );

  beforeAll(async () => {
    h = await startHarness({ db: variant });
    for (const channel of ['sms', 'email', 'voice'] as const) {
      const res = await h.api('POST', '/v1/reminders', {
        body: reminderBody(
          { channel, template: 'payment-plan-offer' },
          { id: `b-con-${channel}`, phone: '+14155550177', email: 'console@example.com' },
        ),
      });
      expect(res.status).toBe(202);
      ids[channel] = res.body.messages[0].id;
    }
    // One the policy holds back: the borrower opted out of SMS before the reminder went.
    await h.api('PUT', '/v1/borrowers/b-con-out', { body: { name: 'Opted Out', phone: '+14155550178' } });
    await h.api('POST', '/v1/borrowers/b-con-out/opt-out', { body: { channel: 'sms', source: 'test' } });
    const held = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { id: 'b-con-out', phone: '+14155550178' }),
    });
    ids.suppressed = held.body.messages[0].id;
    await Promise.all([
      settle(ids.sms!, ['sent']),
      settle(ids.email!, ['sent']),
      settle(ids.voice!, ['sent']),
      settle(ids.suppressed!, ['suppressed']),
    ]);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('tells each key its role and the console pages it may open', async () => {
    const features = async (role: 'collector' | 'agent' | 'compliance' | 'admin') =>
      (await h.api('GET', '/v1/me', { role })).body;
    expect((await features('agent')).features).toEqual(['templates', 'contact', 'timeline', 'inbox']);
    expect((await features('compliance')).features).toEqual(['audit', 'timeline', 'inbox', 'dashboard', 'outcomes']);
    expect((await features('collector')).features).toEqual(['contact']);
    const admin = await features('admin');
    expect(admin.role).toBe('admin');
    expect(admin.features).toEqual([
      'templates',
      'contact',
      'audit',
      'timeline',
      'inbox',
      'dashboard',
      'outcomes',
      'queues',
    ]);
    expect(admin.keyId).toMatch(/^key_/);
    // Deployment-wide keys (API_KEYS without a tenant): the admin's tenant is null.
    expect(admin.tenant).toBeNull();
    expect((await features('agent')).tenant).toBe('default');
    expect((await h.api('GET', '/v1/me', { role: null })).status).toBe(401);
  });

  it('counts messages per day by channel and outcome, with suppressions by reason', async () => {
    const res = await h.api('GET', '/v1/audit/stats?timezone=UTC', { role: 'compliance' });
    expect(res.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(res.body.days).toHaveLength(14);
    expect(res.body.to).toBe(today);
    const last = res.body.days.at(-1);
    expect(last.date).toBe(today);
    expect(last.channels.sms).toMatchObject({ sent: 1, suppressed: 1, failed: 0 });
    expect(last.channels.email).toMatchObject({ sent: 1 });
    expect(last.channels.voice).toMatchObject({ sent: 1 });
    expect(res.body.suppressedByReason).toEqual([{ reason: 'opted-out', n: 1 }]);
    const earlier = res.body.days
      .slice(0, -1)
      .flatMap((d: { channels: Record<string, Record<string, number>> }) =>
        Object.values(d.channels).flatMap((c) => Object.values(c)),
      );
    expect(earlier.every((n: number) => n === 0)).toBe(true);
  });

  it('folds hours into the days of the zone asked for, and refuses a bad period naming the field', async () => {
    const zone = await h.api('GET', '/v1/audit/stats?timezone=Pacific/Kiritimati&from=2026-01-01&to=2026-01-03', {
      role: 'compliance',
    });
    expect(zone.body.days.map((d: { date: string }) => d.date)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    const backwards = await h.api('GET', '/v1/audit/stats?from=2026-02-01&to=2026-01-01', { role: 'compliance' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].path).toBe('from');
    const tooLong = await h.api('GET', '/v1/audit/stats?from=2024-01-01&to=2026-01-01', { role: 'compliance' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].message).toMatch(/at most 366/);
    const badZone = await h.api('GET', '/v1/audit/stats?timezone=Mars/Olympus', { role: 'compliance' });
    expect(badZone.status).toBe(400);
    expect(badZone.body.errors[0].path).toBe('timezone');
    expect((await h.api('GET', '/v1/audit/stats', { role: 'agent' })).status).toBe(403);
  });

  it('gives the message page the email HTML and the voice script, re-rendered byte for byte', async () => {
    const email = (await h.api('GET', `/v1/audit/messages/${ids.email}`, { role: 'compliance' })).body;
    const outbox = (await h.api('GET', '/v1/outbox', { role: 'compliance' })).body.items as {
      messageId: string;
      payload: Record<string, unknown>;
    }[];
    const sentEmail = outbox.find((o) => o.messageId === ids.email)!;
    expect(email.content.matchesStored).toBe(true);
    expect(email.content.html).toBe(sentEmail.payload.html);
    expect(email.content.text).toBe(email.body);

    const voice = (await h.api('GET', `/v1/audit/messages/${ids.voice}`, { role: 'compliance' })).body;
    expect(voice.content.matchesStored).toBe(true);
    expect(voice.content.twiml).toBe(voice.body);
    expect(voice.content.script).toContain('Northwind Bank');
    expect(voice.content.voiceLanguage).toBe('en-US');

    const sms = (await h.api('GET', `/v1/audit/messages/${ids.sms}`, { role: 'compliance' })).body;
    expect(sms.content).toMatchObject({ text: sms.body, html: null, matchesStored: true });

    const suppressed = (await h.api('GET', `/v1/audit/messages/${ids.suppressed}`, { role: 'compliance' })).body;
    expect(suppressed.content).toMatchObject({ text: null, html: null, matchesStored: null });
  });

  it('tells found borrowers apart by id, masked number, zone and last contact', async () => {
    const found = await h.api('GET', `/v1/borrowers?q=${encodeURIComponent('+14155550177')}`, { role: 'agent' });
    expect(found.status).toBe(200);
    const byId = new Map(found.body.items.map((i: { id: string }) => [i.id, i] as const)) as Map<
      string,
      { phone: string; timezone: unknown; lastContact: { at: string; channel: string } | null }
    >;
    expect([...byId.keys()].sort()).toEqual(['b-con-email', 'b-con-sms', 'b-con-voice']);
    for (const channel of ['sms', 'email', 'voice'] as const) {
      const hit = byId.get(`b-con-${channel}`)!;
      expect(hit.phone).toBe('+141****0177');
      const sent = (await h.api('GET', `/v1/audit/messages/${ids[channel]}`, { role: 'compliance' })).body;
      expect(hit.lastContact).toEqual({ channel, at: sent.events.find((e: { type: string }) => e.type === 'sent').at });
      const timeline = (await h.api('GET', `/v1/borrowers/b-con-${channel}/timeline`, { role: 'agent' })).body;
      expect(hit.timezone).toEqual(timeline.borrower.timezone);
      expect(sent.borrower.timezone).toEqual(timeline.borrower.timezone);
    }
    expect(JSON.stringify(found.body)).not.toContain('5550177');
    // Held back by the policy, never handed to a provider: no last contact.
    const out = await h.api('GET', `/v1/borrowers?q=${encodeURIComponent('+14155550178')}`, { role: 'agent' });
    expect(out.body.items).toMatchObject([{ id: 'b-con-out', lastContact: null }]);
  });

  it('masks phone numbers and email addresses inside event data for agents, not for compliance', async () => {
    await h.service.store.recordBorrowerEvent(
      'b-con-sms',
      {
        type: 'inbound.sms',
        actor: 'test',
        data: {
          kind: 'other',
          body: 'call me on +1 415 555 0177 or write to alex.chen@example.com',
          nested: [{ to: '+14155550177' }],
        },
      },
      new Date(),
    );
    const agent = (await h.api('GET', '/v1/borrowers/b-con-sms/timeline', { role: 'agent' })).body;
    const inbound = agent.items.find((i: { type: string }) => i.type === 'inbound.sms');
    expect(inbound.data.body).toBe('call me on +141****0177 or write to a***@example.com');
    expect(inbound.data.nested[0].to).toBe('+141****0177');
    expect(JSON.stringify(agent)).not.toMatch(/\+14155550177|alex\.chen@|console@example/);
    const compliance = (await h.api('GET', '/v1/borrowers/b-con-sms/timeline', { role: 'compliance' })).body;
    expect(compliance.items.find((i: { type: string }) => i.type === 'inbound.sms').data.body).toContain(
      '+1 415 555 0177',
    );
  });

  it('serves the console shell for every page address, with a strict content policy', async () => {
    for (const p of ['/ui/', '/ui/templates/payment-plan-offer', '/ui/audit/messages/x']) {
      const res = await fetch(`${h.url}${p}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<script type="module" src="/ui/app.js">');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
    expect((await fetch(`${h.url}/ui/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${h.url}/ui/missing.js`)).status).toBe(404);
    const root = await fetch(`${h.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/ui/');
  });
});
