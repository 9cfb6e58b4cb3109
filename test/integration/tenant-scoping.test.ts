/**
 * Every id a request names is scoped to the key's tenant. The test walks every route of the served
 * OpenAPI document that takes an id (path, query or body) and calls it, with each role the route
 * allows, as another tenant would: with a `~` id that spells Acme's stored borrower id (`acme~b1`,
 * `acme%7Eb1`) and with Acme's own reminder, message and account ids. Nothing of Acme's may come
 * back: a `~` borrower id is a 400 naming the field, another tenant's id a 404.
 * Also: another tenant's reminders on the same account reference do not hide a tenant's account.
 * Real Redis, the real store (SQLite and PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRole } from '../../src/domain/keys.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { ACME_TENANT } from '../support/tenants.js';
import { waitFor } from '../support/wait.js';

/** A promised date the API accepts: ahead, within PROMISE_MAX_AHEAD_DAYS. */
const PROMISED_FOR = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

const ACME = ACME_TENANT;
const ACME_NAME = 'Quillon Acmeborrower';
const ACME_PHONE = '+14155550991';
const ACME_EMAIL = 'quillon@acme-borrower.example';
const ACME_ACCOUNT = 'ACME-ACCT-0001';
const ROLES: ApiRole[] = ['collector', 'agent', 'compliance', 'admin'];

type Op = { method: string; path: string; roles: ApiRole[]; query: string[]; body: Record<string, unknown> | null };

describe.each(dbVariants())('ids scoped to the key’s tenant on $name', (variant) => {
  let h: Harness;
  const acmeKeys = {} as Record<ApiRole, string>;
  /** Keys of the default tenant, one per role (compliance and admin too, not deployment-wide). */
  const defaultKeys = {} as Record<ApiRole, string>;
  const fx = { reminder: '', message: '' };
  const ops: Op[] = [];

  beforeAll(async () => {
    h = await startHarness({ db: variant });
    expect((await h.api('PUT', '/v1/tenants/acme', { role: 'admin', body: ACME })).status).toBe(201);
    for (const role of ROLES) {
      acmeKeys[role] = (await h.service.store.apiKeys.create(role, `acme ${role}`, new Date(), 'acme')).token;
      defaultKeys[role] = (await h.service.store.apiKeys.create(role, `default ${role}`, new Date(), 'default')).token;
    }
    const acme = { headers: { authorization: `Bearer ${acmeKeys.collector}` }, role: null };
    const r = await h.api('POST', '/v1/reminders', {
      ...acme,
      body: {
        ...reminderBody({ channel: 'email' }, { id: 'b1', name: ACME_NAME, phone: ACME_PHONE, email: ACME_EMAIL }),
        debt: { ...reminderBody().debt, accountRef: ACME_ACCOUNT },
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    fx.reminder = r.body.id;
    fx.message = r.body.messages[0].id;
    await waitFor(async () => ((await h.service.store.getMessage(fx.message))?.status === 'sent' ? true : undefined), {
      what: 'Acme’s email to be sent',
    });
    const plan = await h.api('POST', `/v1/accounts/${ACME_ACCOUNT}-2/overdue`, {
      ...acme,
      body: { borrowerId: 'b1', debt: { ...reminderBody().debt, accountRef: `${ACME_ACCOUNT}-2`, daysOverdue: 15 } },
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(202);
    expect(
      (
        await h.api('GET', '/v1/borrowers/b1/plan', {
          headers: { authorization: `Bearer ${acmeKeys.agent}` },
          role: null,
        })
      ).status,
    ).toBe(200);

    const doc = (await h.api('GET', '/openapi.json', { role: null })).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            'x-roles'?: ApiRole[];
            parameters?: Array<{ name: string; in: string }>;
            requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
          }
        >
      >;
    };
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const roles = op['x-roles'];
        if (!roles) continue; // signed or public routes: no key, no tenant
        const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const props = op.requestBody?.content['application/json']?.schema.properties ?? null;
        ops.push({ method: method.toUpperCase(), path, roles, query, body: props });
      }
    }
  });
  afterAll(async () => {
    await h?.destroy();
  });

  /** What a route is given, per id it takes: the values that name Acme's data. */
  const borrowerRoute = (p: string) => p.startsWith('/v1/borrowers/{id}');
  const validBody = (op: Op, borrowerId: string): unknown => {
    const debt = { ...reminderBody().debt, accountRef: ACME_ACCOUNT };
    if (op.path.endsWith('/opt-out')) return { channel: 'email', source: 'scoping test' };
    if (op.path.endsWith('/resolve')) return {};
    if (op.path === '/v1/borrowers/{id}') return { name: 'Someone else', locale: 'en-US' };
    if (op.path.endsWith('/payments'))
      return {
        id: `p-${Math.random()}`,
        amount: '1.00',
        currency: 'USD',
        paidAt: new Date().toISOString(),
        kind: 'partial',
      };
    if (op.path.endsWith('/promises')) return { id: `q-${Math.random()}`, kind: 'promise', promisedFor: PROMISED_FOR };
    if (op.path.endsWith('/overdue')) return { borrowerId, debt };
    if (op.path === '/v1/policy/check') return { borrowerId, channel: 'email' };
    if (op.path === '/v1/reminders') return { ...reminderBody(), borrower: undefined, borrowerId, debt };
    if (op.body) return { borrowerId };
    return undefined;
  };
  const pathWith = (op: Op, tilde: string) =>
    op.path
      .replace(
        '{id}',
        op.path.startsWith('/v1/reminders')
          ? fx.reminder
          : op.path.startsWith('/v1/audit/messages')
            ? fx.message
            : op.path.startsWith('/v1/tenants')
              ? 'acme'
              : tilde,
      )
      .replace('{accountRef}', ACME_ACCOUNT)
      .replace('{address}', encodeURIComponent(ACME_PHONE));
  const leaks = (text: string, path: string) => {
    const secrets = [ACME_NAME, ACME_PHONE.slice(2), ACME_EMAIL, 'Acme Bank', fx.reminder, fx.message].filter(
      (s) => !decodeURIComponent(path).includes(s),
    );
    return secrets.filter((s) => text.includes(s));
  };

  it('walks a route of every kind that takes an id', () => {
    const walked = ops
      .filter((o) => takesBorrower(o) || /\{(id|accountRef|address)\}/.test(o.path))
      .map((o) => `${o.method} ${o.path}`);
    for (const must of [
      'GET /v1/borrowers/{id}/plan',
      'GET /v1/borrowers/{id}/timeline',
      'POST /v1/borrowers/{id}/resolve',
      'GET /v1/reminders/{id}',
      'GET /v1/audit/messages/{id}',
      'POST /v1/accounts/{accountRef}/payments',
      'POST /v1/policy/check',
    ])
      expect(walked).toContain(must);
  });

  /** Routes where the borrower id goes: the path, a `borrowerId` query parameter or body field. */
  const takesBorrower = (op: Op) =>
    borrowerRoute(op.path) || op.query.includes('borrowerId') || (op.body !== null && 'borrowerId' in op.body);

  for (const form of ['acme~b1', 'acme%7Eb1', 'acme%7eb1']) {
    it(`refuses the borrower id "${form}" on every route that takes one, with every key allowed there`, async () => {
      const seen: string[] = [];
      for (const op of ops.filter(takesBorrower)) {
        const route = pathWith(op, form);
        const qs = op.query.includes('borrowerId') ? `?borrowerId=${form}` : '';
        const body = validBody(op, decodeURIComponent(form));
        // Keys of the default tenant, and the harness's deployment-wide compliance and admin keys.
        const keys = [
          ...op.roles.map((r) => defaultKeys[r]),
          ...op.roles.filter((r) => r === 'compliance' || r === 'admin').map((r) => h.keys.tokens[r]),
        ];
        for (const key of keys) {
          const res = await h.api(op.method, `${route}${qs}`, {
            role: null,
            headers: { authorization: `Bearer ${key}` },
            ...(body !== undefined ? { body } : {}),
          });
          const text = JSON.stringify(res.body);
          expect(res.status, `${op.method} ${route}${qs}: ${text}`).toBe(400);
          expect(res.body.errors.map((e: { path: string }) => e.path).join(' '), `${op.method} ${route}${qs}`).toMatch(
            /\bid\b|borrowerId/,
          );
          expect(leaks(text, route), `${op.method} ${route}${qs}`).toEqual([]);
          seen.push(`${op.method} ${op.path}`);
        }
      }
      expect(new Set(seen).size).toBeGreaterThanOrEqual(8);
      // Acme's borrower is as it was: nobody resolved, opted out or renamed it.
      const b = await h.service.store.getBorrower('acme~b1');
      expect(b).toMatchObject({ name: ACME_NAME, status: 'active' });
      expect(b!.optOuts).toEqual([]);
    });
  }

  it('refuses a `~` borrower id nested in a batch of reminders, a batch of accounts and an imported file, item by item', async () => {
    const debt = { ...reminderBody().debt, accountRef: 'NESTED-1' };
    const asDefault = { role: null, headers: { authorization: `Bearer ${defaultKeys.collector}` } } as const;
    const reminders = await h.api('POST', '/v1/reminders/batch', {
      ...asDefault,
      body: { reminders: [{ ...reminderBody(), borrower: undefined, borrowerId: 'acme~b1', debt }] },
    });
    expect(reminders.status).toBe(200);
    expect(reminders.body.results[0]).toMatchObject({ status: 400 });
    expect(JSON.stringify(reminders.body.results[0].problem.errors)).toContain('borrowerId');
    const accounts = await h.api('POST', '/v1/accounts/overdue/batch', {
      ...asDefault,
      body: { accounts: [{ accountRef: 'NESTED-1', borrowerId: 'acme~b1', debt }] },
    });
    expect(accounts.status).toBe(200);
    expect(accounts.body.results[0]).toMatchObject({ status: 400 });
    expect(JSON.stringify(accounts.body.results[0].problem.errors)).toContain('borrowerId');
    const line = JSON.stringify({ accountRef: 'NESTED-1', borrowerId: 'acme~b1', debt });
    const imported = await h.api('POST', '/v1/accounts/overdue/import', {
      ...asDefault,
      raw: `${line}\n`,
      headers: { ...asDefault.headers, 'content-type': 'application/x-ndjson' },
    });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ scheduled: 0, rejected: 1 });
    expect(imported.body.errors[0]).toMatchObject({ line: 1, path: 'borrowerId' });
    for (const r of [reminders, accounts, imported]) expect(leaks(JSON.stringify(r.body), '')).toEqual([]);
  });

  it('answers 404 to the default tenant’s keys for Acme’s reminder, message and account ids, leaking nothing', async () => {
    for (const op of ops.filter((o) => /\{(id|accountRef|address)\}/.test(o.path) && !borrowerRoute(o.path))) {
      // The catalogue and experiments are not a tenant's data; an account entering a stage is the caller's own new account.
      if (
        op.path.startsWith('/v1/templates') ||
        op.path.startsWith('/v1/outcomes/experiments') ||
        op.path.endsWith('/overdue')
      )
        continue;
      // Opting an address back in names who asked (`source`): without it, a 400 before any lookup.
      const route = `${pathWith(op, 'b1')}${op.query.includes('source') ? '?source=scoping%20test' : ''}`;
      const body = validBody(op, 'b1');
      for (const role of op.roles) {
        const res = await h.api(op.method, route, {
          role: null,
          headers: { authorization: `Bearer ${defaultKeys[role]}` },
          ...(body !== undefined ? { body } : {}),
        });
        expect(res.status, `${op.method} ${route} as ${role}: ${JSON.stringify(res.body)}`).toBe(404);
        expect(leaks(JSON.stringify(res.body), route)).toEqual([]);
      }
    }
  });

  it('finds a tenant’s account although another tenant posted 50 newer reminders on the same account reference', async () => {
    const beta = (await h.api('PUT', '/v1/tenants/beta', { role: 'admin', body: { ...ACME, name: 'Beta Bank' } }))
      .status;
    expect(beta).toBe(201);
    const betaKey = (await h.service.store.apiKeys.create('collector', 'beta collector', new Date(), 'beta')).token;
    const reminders = Array.from({ length: 50 }, (_, i) => ({
      ...reminderBody(
        { channel: 'email', sendAt: new Date(Date.now() + 86_400_000).toISOString() },
        { id: `beta-${i}` },
      ),
      debt: { ...reminderBody().debt, accountRef: ACME_ACCOUNT },
    }));
    const batch = await h.api('POST', '/v1/reminders/batch', {
      role: null,
      headers: { authorization: `Bearer ${betaKey}` },
      body: { reminders },
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
    expect(batch.body.accepted).toBe(50);
    const acme = { role: null, headers: { authorization: `Bearer ${acmeKeys.collector}` } } as const;
    const paid = await h.api('POST', `/v1/accounts/${ACME_ACCOUNT}/payments`, {
      ...acme,
      body: { id: 'acme-pay-1', amount: '10.00', currency: 'USD', paidAt: new Date().toISOString(), kind: 'partial' },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const promised = await h.api('POST', `/v1/accounts/${ACME_ACCOUNT}/promises`, {
      ...acme,
      body: { id: 'acme-promise-1', kind: 'promise', promisedFor: PROMISED_FOR },
    });
    expect(promised.status, JSON.stringify(promised.body)).toBe(201);
    // Beta's payment on the same reference lands on Beta's own borrower.
    const betaPaid = await h.api('POST', `/v1/accounts/${ACME_ACCOUNT}/payments`, {
      role: null,
      headers: { authorization: `Bearer ${betaKey}` },
      body: { id: 'beta-pay-1', amount: '1.00', currency: 'USD', paidAt: new Date().toISOString(), kind: 'partial' },
    });
    expect(betaPaid.status).toBe(201);
    const rows = await h.service.store.db
      .selectFrom('outcomes')
      .select(['tenant', 'borrower_id'])
      .where('caller_id', 'in', ['acme-pay-1', 'beta-pay-1'])
      .orderBy('tenant')
      .execute();
    expect(rows.map((r) => r.tenant)).toEqual(['acme', 'beta']);
    expect(rows[0]!.borrower_id).toBe('acme~b1');
    expect(rows[1]!.borrower_id).toMatch(/^beta~beta-\d+$/);
  });
});
