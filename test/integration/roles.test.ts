/**
 * Every key-authenticated route of DESIGN.md's API table × every role, no key, and a revoked
 * key: the allowed roles (and admin) get 2xx, others 403, no or a revoked key 401. (Twilio
 * callbacks and /u/:token are authenticated by signature and token instead: providers.test.ts;
 * the /ui console is not built yet.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRole } from '../../src/http/api/auth.js';
import { createApiKey, revokeApiKey } from '../../src/store/api-keys.js';
import { reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

interface Route {
  method: string;
  path: () => string;
  body?: () => unknown;
  roles: ApiRole[];
}

const ROLES: ApiRole[] = ['collector', 'agent', 'compliance', 'admin'];

describe('routes × roles', () => {
  let h: Harness;
  let revoked: string;
  const fx = { reminderId: '', messageId: '', borrowerId: 'b-roles', suppressed: [] as string[] };

  beforeAll(async () => {
    h = await startHarness({ db: sqliteOnly });
    const res = await h.api('POST', '/v1/reminders', { body: reminderBody({ channel: 'sms' }, { id: fx.borrowerId }) });
    fx.reminderId = res.body.id;
    fx.messageId = res.body.messages[0].id;
    await waitFor(async () => (await h.service.store.getMessage(fx.messageId))?.status === 'sent', { what: 'sent' });
    const { token, key } = await createApiKey(h.service.store.db, 'admin', 'to be revoked', new Date());
    await revokeApiKey(h.service.store.db, key.id, new Date());
    revoked = token;
    // An account of its own for promises: the shared one's borrower is resolved by another route of this test.
    const own = reminderBody({ channel: 'sms' }, { id: 'b-roles-promise' });
    await h.api('POST', '/v1/reminders', { body: { ...own, debt: { ...own.debt, accountRef: '4111000000009999' } } });
    fx.suppressed = Array.from({ length: 6 }, (_, i) => `+1415555090${i}`);
    for (const address of fx.suppressed)
      await h.api('POST', '/v1/opt-outs', { body: { address, channel: 'sms', source: 'roles fixture' } });
  });
  afterAll(async () => {
    await h?.destroy();
  });

  const reminder = () =>
    reminderBody(
      { externalId: 'roles-fixed', sendAt: new Date(Date.now() + 86_400_000).toISOString() },
      { id: 'b-roles-2' },
    );
  const ROUTES: Route[] = [
    { method: 'POST', path: () => '/v1/reminders', body: reminder, roles: ['collector'] },
    {
      method: 'POST',
      path: () => '/v1/reminders/batch',
      body: () => ({ reminders: [reminder()] }),
      roles: ['collector'],
    },
    { method: 'GET', path: () => `/v1/reminders/${fx.reminderId}`, roles: ['collector', 'agent', 'compliance'] },
    { method: 'DELETE', path: () => `/v1/reminders/${fx.reminderId}`, roles: ['collector'] },
    {
      method: 'PUT',
      path: () => `/v1/borrowers/${fx.borrowerId}`,
      body: () => ({ name: 'Role Test' }),
      roles: ['collector'],
    },
    { method: 'POST', path: () => '/v1/borrowers/b-roles-2/resolve', body: () => ({}), roles: ['collector'] },
    {
      method: 'POST',
      path: () => `/v1/borrowers/${fx.borrowerId}/opt-out`,
      body: () => ({ channel: 'voice', source: 'roles test' }),
      roles: ['collector', 'agent'],
    },
    { method: 'GET', path: () => `/v1/borrowers/${fx.borrowerId}/timeline`, roles: ['agent', 'compliance'] },
    {
      method: 'POST',
      path: () => '/v1/policy/check',
      body: () => ({ borrowerId: fx.borrowerId, channel: 'sms' }),
      roles: ['collector', 'agent'],
    },
    {
      method: 'POST',
      path: () => '/v1/policy/simulate',
      body: () => ({
        profile: 'US-REGF',
        borrower: { timezone: 'America/New_York' },
        attempt: { channel: 'sms', at: '2026-06-10T12:00:00-04:00' },
      }),
      roles: ['agent', 'compliance'],
    },
    { method: 'GET', path: () => '/v1/policy', roles: ['collector', 'agent', 'compliance'] },
    { method: 'GET', path: () => '/v1/templates', roles: ['agent'] },
    { method: 'GET', path: () => '/v1/templates/gentle-overdue', roles: ['agent'] },
    {
      method: 'POST',
      path: () => '/v1/templates/gentle-overdue/preview',
      body: () => ({ channel: 'sms', locale: 'en-US' }),
      roles: ['agent'],
    },
    {
      method: 'POST',
      path: () => '/v1/templates/lint',
      body: () => ({ channel: 'sms', locale: 'en-US', source: '{{debt.creditor}}: hi. Reply STOP to opt out.' }),
      roles: ['agent', 'compliance'],
    },
    { method: 'GET', path: () => '/v1/audit/messages', roles: ['compliance'] },
    { method: 'GET', path: () => `/v1/audit/messages/${fx.messageId}`, roles: ['compliance'] },
    { method: 'GET', path: () => '/v1/audit/export?format=ndjson', roles: ['compliance'] },
    { method: 'GET', path: () => '/v1/audit/verify', roles: ['compliance'] },
    { method: 'GET', path: () => '/v1/audit/reads', roles: ['admin'] },
    { method: 'GET', path: () => '/v1/audit/stats', roles: ['compliance'] },
    { method: 'GET', path: () => '/v1/me', roles: ['collector', 'agent', 'compliance', 'admin'] },
    {
      method: 'POST',
      path: () => '/v1/accounts/acct-roles/overdue',
      body: () => ({ borrowerId: fx.borrowerId, debt: { ...reminder().debt, accountRef: 'acct-roles' } }),
      roles: ['collector'],
    },
    { method: 'GET', path: () => `/v1/borrowers/${fx.borrowerId}/plan`, roles: ['agent', 'compliance'] },
    { method: 'GET', path: () => '/v1/outbox', roles: ['agent', 'compliance'] },
    {
      method: 'POST',
      path: () => '/v1/opt-outs',
      body: () => ({ address: '+14155550999', channel: 'sms', source: 'roles test' }),
      roles: ['collector', 'agent'],
    },
    { method: 'GET', path: () => '/v1/opt-outs?address=%2B14155550999', roles: ['agent', 'compliance'] },
    // Each call takes the next of the numbers suppressed in beforeAll, so every allowed role finds one.
    {
      method: 'DELETE',
      path: () => `/v1/opt-outs/${encodeURIComponent(fx.suppressed.shift() ?? '+14155550000')}?source=roles%20test`,
      roles: ['collector', 'agent'],
    },
    { method: 'GET', path: () => '/admin/queues', roles: ['admin'] },
    { method: 'GET', path: () => '/v1/borrowers?q=Alex', roles: ['agent', 'compliance'] },
    // Each call a new payment id: every allowed role records one (the account is the fixture's).
    {
      method: 'POST',
      path: () => '/v1/accounts/4111111111111234/payments',
      body: () => ({
        id: `roles-${Math.random()}`,
        amount: '1.00',
        currency: 'USD',
        paidAt: new Date().toISOString(),
        kind: 'partial',
      }),
      roles: ['collector'],
    },
    {
      method: 'POST',
      path: () => '/v1/accounts/4111000000009999/promises',
      body: () => ({
        id: `roles-${Math.random()}`,
        kind: 'promise',
        promisedFor: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
      }),
      roles: ['collector'],
    },
    { method: 'GET', path: () => '/v1/outcomes/experiments', roles: ['compliance'] },
    { method: 'GET', path: () => '/v1/outcomes/templates', roles: ['compliance'] },
    { method: 'GET', path: () => '/v1/outcomes/review', roles: ['compliance'] },
    { method: 'GET', path: () => '/v1/outcomes/reach', roles: ['compliance'] },
    { method: 'GET', path: () => '/v1/tenants', roles: ['admin'] },
    { method: 'GET', path: () => '/v1/tenants/default', roles: ['admin'] },
    {
      method: 'PUT',
      path: () => '/v1/tenants/roles-tenant',
      body: () => ({
        name: 'Roles Test Bank',
        kind: 'creditor',
        channels: ['email'],
        senders: { email: { from: 'Roles Bank <billing@roles.example>' } },
      }),
      roles: ['admin'],
    },
  ];

  const cases = ROUTES.flatMap((r) =>
    [...ROLES, 'none' as const, 'revoked' as const].map(
      (who) =>
        [
          `${r.method} ${r.path
            .toString()
            .match(/'([^']+)'|`([^`]+)`/)
            ?.slice(1)
            .find(Boolean)}`,
          who,
          r,
        ] as const,
    ),
  );

  it.each(cases)('%s as %s', async (_name, who, route) => {
    const headers: Record<string, string> = {};
    if (who === 'revoked') headers.authorization = `Bearer ${revoked}`;
    const res = await h.api(route.method, route.path(), {
      role: who === 'none' || who === 'revoked' ? null : who,
      headers,
      ...(route.body ? { body: route.body() } : {}),
    });
    if (who === 'none' || who === 'revoked') expect(res.status).toBe(401);
    else if (who === 'admin' || route.roles.includes(who))
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(200);
    else expect(res.status).toBe(403);
    if (who !== 'none' && who !== 'revoked' && (who === 'admin' || route.roles.includes(who)))
      expect(res.status).toBeLessThan(300);
  });

  it('answers without a key on the open routes', async () => {
    for (const p of ['/healthz', '/readyz', '/metrics', '/openapi.json'])
      expect((await fetch(`${h.url}${p}`)).status).toBe(200);
  });
});
