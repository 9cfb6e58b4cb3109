/**
 * Two tenants in one deployment: Acme Bank (a creditor collecting its own debts) and Bravo
 * Collections (an agency). Each key reaches its own tenant only: every route of the role matrix,
 * run with Acme's keys against Bravo's data, answers as if the data did not exist (404, or the
 * answer for an id never used) and leaks nothing in lists, counts, exports, timelines, stats,
 * outbox, reads or errors. The same borrower id in both is two borrowers. Senders and rules follow
 * the tenant: Acme texts from its number, Bravo through its Messaging Service (no From) and only to
 * non-US numbers; Bravo's `auto` reminder to a US borrower goes by email, From and Reply-To its own.
 * Real Redis, the real store (SQLite and PostgreSQL), the twilio SDK against the fake Twilio.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRole } from '../../src/domain/keys.js';
import { makeLogger } from '../../src/observability/logger.js';
import { makeFeeder } from '../../src/jobs/feeder.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const SID = `MG${'fedcba9876543210'.repeat(2)}`;
const ACME = {
  name: 'Acme Bank',
  kind: 'creditor',
  contact: {
    name: 'Acme Bank card services',
    phone: '+1 800 555 0100',
    hours: 'Mon–Fri 9–17',
    paymentUrlBase: 'https://pay.acme.example/acct',
  },
  senders: {
    sms: { from: '+14155550001', ratePerSecond: 5 },
    voice: { from: '+14155550001' },
    email: { from: 'Acme Bank <billing@acme.example>' },
  },
};
const BRAVO = {
  name: 'Bravo Collections',
  kind: 'agency',
  channels: ['sms', 'email'],
  senders: {
    sms: { messagingServiceSid: SID, ratePerSecond: 20 },
    email: { from: 'Bravo Collections <help@bravo.example>', replyTo: 'team@bravo.example' },
  },
};
const silent = makeLogger({ level: 'silent' });
const ROLES: ApiRole[] = ['collector', 'agent', 'compliance', 'admin'];

describe.each(dbVariants())('tenants on $name', (variant) => {
  let tw: FakeTwilio;
  let h: Harness;
  const keys: Record<'acme' | 'bravo', Record<ApiRole, string>> = {
    acme: {} as Record<ApiRole, string>,
    bravo: {} as Record<ApiRole, string>,
  };
  const fx = { bravoReminder: '', bravoMessage: '', bravoEmailMessage: '', acmeMessage: '', acmeReminder: '' };
  const as = (tenant: 'acme' | 'bravo', role: ApiRole) => ({
    role: null,
    headers: { authorization: `Bearer ${keys[tenant][role]}` },
  });
  const sentOrDone = async (id: string) =>
    waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        return m && ['sent', 'suppressed', 'failed'].includes(m.status) ? m : undefined;
      },
      { what: `message ${id} to settle` },
    );

  beforeAll(async () => {
    tw = await startFakeTwilio();
    h = await startHarness({ db: variant, env: { ...providerEnv(tw), TENANT_REFRESH_MS: '200' } });
    // The harness's keys are deployment-wide (API_KEYS without a tenant): its admin creates the tenants.
    expect((await h.api('PUT', '/v1/tenants/acme', { role: 'admin', body: ACME })).status).toBe(201);
    expect((await h.api('PUT', '/v1/tenants/bravo', { role: 'admin', body: BRAVO })).status).toBe(201);
    for (const tenant of ['acme', 'bravo'] as const) {
      for (const role of ROLES)
        keys[tenant][role] = (
          await h.service.store.apiKeys.create(role, `${tenant} ${role}`, new Date(), tenant)
        ).token;
    }
    // Both tenants have a borrower "shared-1"; Bravo also has "bravo-only".
    const bravoSms = await h.api('POST', '/v1/reminders', {
      ...as('bravo', 'collector'),
      body: reminderBody(
        { channel: 'sms' },
        { id: 'shared-1', phone: '+447911123456', email: 'pat@bravo-borrower.example' },
      ),
    });
    expect(bravoSms.status, JSON.stringify(bravoSms.body)).toBe(202);
    fx.bravoReminder = bravoSms.body.id;
    fx.bravoMessage = bravoSms.body.messages[0].id;
    const bravoAuto = await h.api('POST', '/v1/reminders', {
      ...as('bravo', 'collector'),
      body: {
        ...reminderBody(
          { channel: 'auto' },
          { id: 'bravo-only', phone: '+14155550777', email: 'sam@bravo-borrower.example' },
        ),
        debt: { ...reminderBody().debt, accountRef: '4000000000009999' },
      },
    });
    expect(bravoAuto.status).toBe(202);
    fx.bravoEmailMessage = bravoAuto.body.messages[0].id;
    const acme = await h.api('POST', '/v1/reminders', {
      ...as('acme', 'collector'),
      body: reminderBody({ channel: 'sms' }, { id: 'shared-1', phone: '+14155550555' }),
    });
    expect(acme.status).toBe(202);
    fx.acmeReminder = acme.body.id;
    fx.acmeMessage = acme.body.messages[0].id;
    for (const id of [fx.bravoMessage, fx.bravoEmailMessage, fx.acmeMessage])
      expect((await sentOrDone(id)).status).toBe('sent');
    // Bravo's borrower opts out of SMS at its number: Acme's list does not have it.
    expect(
      (
        await h.api('POST', '/v1/opt-outs', {
          ...as('bravo', 'agent'),
          body: { address: '+447911123456', channel: 'sms', source: 'asked on the phone' },
        })
      ).status,
    ).toBe(201);
    // Reads by Bravo's compliance key, which Acme's admin must not see.
    expect((await h.api('GET', `/v1/audit/messages/${fx.bravoMessage}`, as('bravo', 'compliance'))).status).toBe(200);
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
  });

  it('sends with each tenant’s senders: Acme from its number, Bravo through its Messaging Service with no From, its email with its From and Reply-To', async () => {
    const acmeText = tw.messages().find((r) => r.form.To === '+14155550555')!;
    expect(acmeText.form.From).toBe('+14155550001');
    expect(acmeText.form.MessagingServiceSid).toBeUndefined();
    const bravoText = tw.messages().find((r) => r.form.To === '+447911123456')!;
    expect(bravoText.form.MessagingServiceSid).toBe(SID);
    expect(bravoText.form.From).toBeUndefined();
    // The agency's text carries the debt collector disclosure; the creditor's does not.
    expect(bravoText.form.Body).toMatch(/debt collector/i);
    expect(acmeText.form.Body).not.toMatch(/debt collector/i);
    // Email goes to the sandbox outbox here (no SMTP_URL): what the provider was given.
    const outbox = await h.api('GET', '/v1/outbox', { role: 'compliance' });
    const mail = outbox.body.items.find((i: { messageId: string }) => i.messageId === fx.bravoEmailMessage);
    expect(mail.payload).toMatchObject({
      from: 'Bravo Collections <help@bravo.example>',
      replyTo: 'team@bravo.example',
    });
  });

  it('does not hand an agency’s text to a US number to Twilio: `auto` picked email for Bravo’s US borrower', async () => {
    const m = (await h.service.store.getMessage(fx.bravoEmailMessage))!;
    expect(m.channel).toBe('email');
    expect(tw.messages().some((r) => r.form.To === '+14155550777')).toBe(false);
    // An explicit SMS to a +1 number of Bravo's is suppressed with the rule named.
    const res = await h.api('POST', '/v1/reminders', {
      ...as('bravo', 'collector'),
      body: reminderBody({ channel: 'sms' }, { id: 'bravo-us', phone: '+14155550778' }),
    });
    const done = await sentOrDone(res.body.messages[0].id);
    expect(done.status).toBe('suppressed');
    const ev = (await h.service.store.listEvents(done.id)).find((e) => e.type === 'suppressed')!;
    expect(ev.data).toMatchObject({ reason: 'third-party-sms' });
    expect(tw.messages().some((r) => r.form.To === '+14155550778')).toBe(false);
  });

  it('keeps the same borrower id in two tenants as two borrowers', async () => {
    const acme = await h.api('GET', '/v1/borrowers/shared-1/timeline', as('acme', 'agent'));
    const bravo = await h.api('GET', '/v1/borrowers/shared-1/timeline', as('bravo', 'agent'));
    expect(acme.status).toBe(200);
    expect(bravo.status).toBe(200);
    const ids = (r: typeof acme) =>
      new Set(r.body.items.map((i: { messageId: string | null }) => i.messageId).filter(Boolean));
    expect([...ids(acme)]).toEqual([fx.acmeMessage]);
    expect([...ids(bravo)]).toContain(fx.bravoMessage);
    expect([...ids(bravo)]).not.toContain(fx.acmeMessage);
    expect(acme.body.borrower.id).toBe('shared-1');
    expect(JSON.stringify(acme.body)).not.toContain('~');
  });

  // Every route of the role matrix that names Bravo's data, with each of Acme's keys allowed on it.
  const crossTenant: Array<{
    name: string;
    method: string;
    path: () => string;
    roles: ApiRole[];
    body?: () => unknown;
  }> = [
    {
      name: 'read a reminder',
      method: 'GET',
      path: () => `/v1/reminders/${fx.bravoReminder}`,
      roles: ['collector', 'agent', 'compliance', 'admin'],
    },
    {
      name: 'cancel a reminder',
      method: 'DELETE',
      path: () => `/v1/reminders/${fx.bravoReminder}`,
      roles: ['collector', 'admin'],
    },
    {
      name: 'read a message',
      method: 'GET',
      path: () => `/v1/audit/messages/${fx.bravoMessage}`,
      roles: ['compliance', 'admin'],
    },
    {
      name: 'a timeline',
      method: 'GET',
      path: () => '/v1/borrowers/bravo-only/timeline',
      roles: ['agent', 'compliance', 'admin'],
    },
    {
      name: 'a plan',
      method: 'GET',
      path: () => '/v1/borrowers/bravo-only/plan',
      roles: ['agent', 'compliance', 'admin'],
    },
    {
      name: 'resolve a borrower',
      method: 'POST',
      path: () => '/v1/borrowers/bravo-only/resolve',
      body: () => ({}),
      roles: ['collector', 'admin'],
    },
    {
      name: 'opt a borrower out',
      method: 'POST',
      path: () => '/v1/borrowers/bravo-only/opt-out',
      body: () => ({ channel: 'email', source: 'cross-tenant test' }),
      roles: ['collector', 'agent', 'admin'],
    },
    {
      name: 'check the policy',
      method: 'POST',
      path: () => '/v1/policy/check',
      body: () => ({ borrowerId: 'bravo-only', channel: 'email' }),
      roles: ['collector', 'agent', 'admin'],
    },
    {
      name: 'name the tenant in a search',
      method: 'GET',
      path: () => '/v1/audit/messages?tenant=bravo',
      roles: ['compliance', 'admin'],
    },
    {
      name: 'name the tenant in an export',
      method: 'GET',
      path: () => '/v1/audit/export?tenant=bravo',
      roles: ['compliance', 'admin'],
    },
    {
      name: 'name the tenant in stats',
      method: 'GET',
      path: () => '/v1/audit/stats?tenant=bravo',
      roles: ['compliance', 'admin'],
    },
    {
      name: 'verify the tenant’s chains',
      method: 'GET',
      path: () => '/v1/audit/verify?tenant=bravo',
      roles: ['compliance', 'admin'],
    },
    {
      name: 'take a number off the opt-out list',
      method: 'DELETE',
      path: () => '/v1/opt-outs/%2B447911123456?source=cross-tenant%20test',
      roles: ['collector', 'agent', 'admin'],
    },
    {
      name: 'report a payment for an account',
      method: 'POST',
      path: () => '/v1/accounts/4000000000009999/payments',
      body: () => ({ id: 'x-1', amount: '1.00', currency: 'USD', paidAt: new Date().toISOString(), kind: 'full' }),
      roles: ['collector', 'admin'],
    },
    {
      name: 'name the tenant in the review',
      method: 'GET',
      path: () => '/v1/outcomes/review?tenant=bravo',
      roles: ['compliance', 'admin'],
    },
    { name: 'read the tenant', method: 'GET', path: () => '/v1/tenants/bravo', roles: ['admin'] },
    { name: 'change the tenant', method: 'PUT', path: () => '/v1/tenants/bravo', body: () => BRAVO, roles: ['admin'] },
  ];
  const cases = crossTenant.flatMap((c) => c.roles.map((role) => [c.name, role, c] as const));

  it.each(cases)('answers 404 to Acme’s key that tries to %s of Bravo’s (%s)', async (_name, role, c) => {
    const res = await h.api(c.method, c.path(), { ...as('acme', role), ...(c.body ? { body: c.body() } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(404);
    // Nothing of Bravo's in the answer but what the caller itself sent (a path may quote its own input back).
    const answer = JSON.stringify(res.body);
    expect(answer).not.toMatch(/Bravo Collections|bravo-borrower|forbidden/i);
    if (!c.path().includes('447911123456')) expect(answer).not.toContain('447911123456');
  });

  it('answers an account naming Bravo’s borrower exactly as one naming a borrower never seen', async () => {
    // The path names the account (debt.accountRef left out), so only the borrower differs.
    const debt = { ...reminderBody().debt, accountRef: undefined };
    const theirs = await h.api('POST', '/v1/accounts/acct-x/overdue', {
      ...as('acme', 'collector'),
      body: { borrowerId: 'bravo-only', debt },
    });
    const nobody = await h.api('POST', '/v1/accounts/acct-y/overdue', {
      ...as('acme', 'collector'),
      body: { borrowerId: 'never-seen', debt },
    });
    expect(theirs.status).toBe(nobody.status);
    expect(theirs.body.errors[0].path).toBe(nobody.body.errors[0].path);
    // PUT of the same id by Acme makes Acme's own borrower; Bravo's is untouched.
    const put = await h.api('PUT', '/v1/borrowers/bravo-only', {
      ...as('acme', 'collector'),
      body: { name: 'Acme’s own', locale: 'en-US' },
    });
    expect(put.status).toBe(201);
    const bravo = await h.api('GET', '/v1/borrowers/bravo-only/timeline', as('bravo', 'agent'));
    expect(bravo.body.borrower.name).not.toBe('Acme’s own');
  });

  it('leaks nothing of Bravo’s in Acme’s lists, counts, exports, stats, outbox, opt-outs and reads', async () => {
    const list = await h.api('GET', '/v1/audit/messages?limit=200', as('acme', 'compliance'));
    expect(list.status).toBe(200);
    const listed = list.body.items.map((i: { id: string }) => i.id);
    expect(listed).toContain(fx.acmeMessage);
    expect(listed).not.toContain(fx.bravoMessage);
    expect(listed).not.toContain(fx.bravoEmailMessage);
    for (const format of ['csv', 'ndjson']) {
      const exp = await h.api('GET', `/v1/audit/export?format=${format}`, as('acme', 'compliance'));
      expect(exp.status).toBe(200);
      const text = typeof exp.body === 'string' ? exp.body : JSON.stringify(exp.body);
      expect(text).toContain(fx.acmeMessage);
      for (const secret of [fx.bravoMessage, fx.bravoEmailMessage, '447911123456', 'bravo-borrower.example', 'bravo'])
        expect(text).not.toContain(secret);
    }
    const stats = await h.api('GET', '/v1/audit/stats', as('acme', 'compliance'));
    const total = stats.body.days.reduce(
      (n: number, d: { channels: Record<string, Record<string, number>> }) =>
        n + Object.values(d.channels).reduce((m, c) => m + Object.values(c).reduce((a, b) => a + b, 0), 0),
      0,
    );
    const acmeCount = (await h.api('GET', '/v1/audit/messages?limit=200', as('acme', 'compliance'))).body.items.length;
    expect(total).toBe(acmeCount);
    expect(stats.body.suppressedByReason.map((r: { reason: string }) => r.reason)).not.toContain('third-party-sms');
    const outbox = await h.api('GET', '/v1/outbox', as('acme', 'compliance'));
    expect(outbox.body.items.map((i: { messageId: string }) => i.messageId)).not.toContain(fx.bravoEmailMessage);
    const optOut = await h.api('GET', '/v1/opt-outs?address=%2B447911123456', as('acme', 'agent'));
    expect(optOut.body.suppressed).toBe(false);
    expect((await h.api('GET', '/v1/opt-outs?address=%2B447911123456', as('bravo', 'agent'))).body.suppressed).toBe(
      true,
    );
    const reads = await h.api('GET', '/v1/audit/reads', as('acme', 'admin'));
    expect(reads.status).toBe(200);
    expect(JSON.stringify(reads.body)).not.toContain(fx.bravoMessage);
    const tenants = await h.api('GET', '/v1/tenants', as('acme', 'admin'));
    expect(tenants.body.items.map((t: { id: string }) => t.id)).toEqual(['acme']);
    // The queue board shows every tenant's queues: not for a tenant's admin key.
    expect((await h.api('GET', '/admin/queues', as('acme', 'admin'))).status).toBe(403);
    expect((await h.api('GET', '/admin/queues', { role: 'admin' })).status).toBe(200);
    const me = await h.api('GET', '/v1/me', as('acme', 'agent'));
    expect(me.body).toMatchObject({ role: 'agent', tenant: 'acme' });
  });

  it('lets a deployment-wide compliance key see every tenant, name one, and verify each tenant’s chains', async () => {
    const all = await h.api('GET', '/v1/audit/messages?limit=200', { role: 'compliance' });
    const byId = new Map(all.body.items.map((i: { id: string; tenant: string; borrowerId: string }) => [i.id, i]));
    expect(byId.get(fx.bravoMessage)).toMatchObject({ tenant: 'bravo', borrowerId: 'shared-1' });
    expect(byId.get(fx.acmeMessage)).toMatchObject({ tenant: 'acme', borrowerId: 'shared-1' });
    const bravoOnly = await h.api('GET', '/v1/audit/messages?tenant=bravo&limit=200', { role: 'compliance' });
    expect(bravoOnly.body.items.every((i: { tenant: string }) => i.tenant === 'bravo')).toBe(true);
    const whole = await h.api('GET', '/v1/audit/verify', { role: 'compliance' });
    const acme = await h.api('GET', '/v1/audit/verify?tenant=acme', { role: 'compliance' });
    const bravo = await h.api('GET', '/v1/audit/verify?tenant=bravo', { role: 'compliance' });
    expect(
      [whole.body, acme.body, bravo.body].map((b) => b.ok),
      JSON.stringify([acme.body, bravo.body]),
    ).toEqual([true, true, true]);
    expect(acme.body.chains).toBeGreaterThan(0);
    expect(acme.body.chains + bravo.body.chains).toBeLessThan(whole.body.chains);
    const unknown = await h.api('GET', '/v1/audit/messages?tenant=nobody', { role: 'compliance' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({
      path: 'tenant',
      message: expect.stringContaining('unknown tenant'),
    });
  });

  it('feeds scheduled messages a batch per tenant in turn: Bravo’s few are not behind Acme’s many', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const batch = (n: number, prefix: string, phone: number) =>
      Array.from({ length: n }, (_, i) =>
        reminderBody(
          { sendAt: tomorrow, channel: 'sms' },
          { id: `${prefix}-${i}`, phone: `+1415${String(phone + i).padStart(7, '0')}` },
        ),
      );
    expect(
      (
        await h.api('POST', '/v1/reminders/batch', {
          ...as('acme', 'collector'),
          body: { reminders: batch(30, 'acme-later', 5_100_000) },
        })
      ).body.accepted,
    ).toBe(30);
    expect(
      (
        await h.api('POST', '/v1/reminders/batch', {
          ...as('bravo', 'collector'),
          body: { reminders: batch(3, 'bravo-later', 5_200_000).map((r) => ({ ...r, channel: 'email' })) },
        })
      ).body.accepted,
    ).toBe(3);
    const turns: Array<{ tenant: string; n: number }> = [];
    const feeder = makeFeeder({
      store: h.service.store,
      queues: h.service.queues,
      clock: { now: () => new Date() },
      log: silent,
      horizonMs: 2 * 86_400_000,
      batchSize: 5,
      tenants: async () => ['default', 'acme', 'bravo'],
      onFed: (ms) => turns.push({ tenant: ms[0]!.tenant, n: ms.length }),
    });
    expect((await feeder.run()).fed).toBe(33);
    // Acme's first batch, then Bravo's three, then the rest of Acme's.
    expect(turns.slice(0, 2)).toEqual([
      { tenant: 'acme', n: 5 },
      { tenant: 'bravo', n: 3 },
    ]);
    expect(turns.slice(2).every((t) => t.tenant === 'acme')).toBe(true);
    // Each went to the channel's queue naming its tenant (its rate and its place in the queue follow it).
    const delayed = await h.service.queues.byChannel.email.getJobs(['delayed']);
    expect(delayed.filter((j) => j.data.tenant === 'bravo')).toHaveLength(3);
  });

  it('finds a borrower by name, phone, email or an account’s last 4 digits, masked, within the tenant, and records the search', async () => {
    await h.api('PUT', '/v1/borrowers/find-me', {
      ...as('acme', 'collector'),
      body: { name: 'Morgan Álvarez', phone: '+14155550999', email: 'Morgan.A@example.com', locale: 'en-US' },
    });
    await h.api('POST', '/v1/reminders', {
      ...as('acme', 'collector'),
      body: {
        ...reminderBody({ channel: 'email' }, { id: 'find-me' }),
        borrower: undefined,
        borrowerId: 'find-me',
        debt: { ...reminderBody().debt, accountRef: '5500000000004321' },
      },
    });
    const find = (q: string, tenant: 'acme' | 'bravo' = 'acme') =>
      h.api('GET', `/v1/borrowers?q=${encodeURIComponent(q)}`, as(tenant, 'agent'));
    for (const [q, kind] of [
      ['MORGAN', 'name'],
      ['Álvarez', 'name'],
      ['+1 (415) 555-0999', 'phone'],
      ['morgan.a@EXAMPLE.com', 'email'],
      ['4321', 'account'],
    ] as const) {
      const res = await find(q);
      expect(res.status, q).toBe(200);
      expect(res.body.kind).toBe(kind);
      expect(
        res.body.items.map((i: { id: string }) => i.id),
        q,
      ).toEqual(['find-me']);
      expect(res.body.items[0]).toMatchObject({
        name: 'Morgan Álvarez',
        phone: expect.stringContaining('****'),
        email: expect.stringContaining('***'),
        accounts: ['****4321'],
      });
      expect(JSON.stringify(res.body)).not.toContain('5550999');
      // Another tenant finds nothing.
      expect((await find(q, 'bravo')).body.items).toEqual([]);
    }
    expect((await find('a')).body.errors[0].path).toBe('q');
    const reads = await h.api('GET', '/v1/audit/reads?limit=20', as('acme', 'admin'));
    expect(
      reads.body.items
        .filter((r: { action: string }) => r.action === 'search')
        .map((r: { filter: { kind: string } }) => r.filter.kind),
    ).toEqual(expect.arrayContaining(['name', 'phone', 'email', 'account']));
    expect(JSON.stringify(reads.body)).not.toContain('555-0999');
  });

  it('keeps a tenant’s sender on the secondary Twilio route, and refuses one that is not a sender or is the primary', async () => {
    const bad = async (secondary: unknown) =>
      (
        await h.api('PUT', '/v1/tenants/charlie', {
          role: 'admin',
          body: { ...ACME, id: 'charlie', senders: { ...ACME.senders, sms: { ...ACME.senders.sms, secondary } } },
        })
      ).body.errors?.[0]?.path;
    expect(await bad({ from: '555' })).toBe('senders.sms.secondary.from');
    expect(await bad({ from: '+14155550009', messagingServiceSid: SID })).toBe('senders.sms.secondary');
    expect(await bad({ from: ACME.senders.sms.from })).toBe('senders.sms.secondary');
    expect(await bad({ from: '+14155550009', accountSid: 'AC1' })).toBe('senders.sms.secondary');
    expect((await h.api('GET', '/v1/tenants/charlie', { role: 'admin' })).status).toBe(404);

    const withSecondary = {
      ...ACME,
      senders: { ...ACME.senders, sms: { ...ACME.senders.sms, secondary: { from: '+14155550009' } } },
    };
    expect((await h.api('PUT', '/v1/tenants/acme', { role: 'admin', body: withSecondary })).status).toBe(200);
    expect((await h.api('GET', '/v1/tenants/acme', { role: 'admin' })).body.senders.sms.secondary).toEqual({
      from: '+14155550009',
    });
    expect((await h.api('PUT', '/v1/tenants/acme', { role: 'admin', body: ACME })).status).toBe(200);
  });

  it('refuses a tenant with a field wrong, naming it', async () => {
    const bad = async (body: unknown) =>
      (await h.api('PUT', '/v1/tenants/charlie', { role: 'admin', body })).body.errors?.[0]?.path;
    expect(await bad({ ...BRAVO, senders: { ...BRAVO.senders, sms: { messagingServiceSid: 'MG123' } } })).toBe(
      'senders.sms.messagingServiceSid',
    );
    expect(await bad({ ...ACME, senders: { sms: ACME.senders.sms, email: ACME.senders.email } })).toBe('senders.voice');
    expect(await bad({ ...ACME, profile: 'NOWHERE' })).toBe('profile');
    expect(await bad({ ...ACME, kind: 'bank' })).toBe('kind');
    expect(
      await bad({ ...ACME, senders: { ...ACME.senders, sms: { from: '+14155550001', messagingServiceSid: SID } } }),
    ).toBe('senders.sms');
    expect((await h.api('PUT', '/v1/tenants/Not_An_Id', { role: 'admin', body: ACME })).body.errors[0].path).toBe('id');
    expect((await h.api('GET', '/v1/tenants/charlie', { role: 'admin' })).status).toBe(404);
    // Bravo sends on SMS and email only: a call is refused, naming the channel.
    const call = await h.api('POST', '/v1/reminders', {
      ...as('bravo', 'collector'),
      body: reminderBody({ channel: 'voice' }, { id: 'bravo-call' }),
    });
    expect(call.status).toBe(400);
    expect(call.body.errors[0]).toMatchObject({
      path: 'channel',
      message: expect.stringContaining('does not send on voice'),
    });
  });
});
