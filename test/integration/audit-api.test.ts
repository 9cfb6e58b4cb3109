/**
 * What compliance staff do: search (masked lists, keyset pages), read one message exactly, export
 * CSV and NDJSON that parse back to the same rows, see a borrower's timeline; every read is
 * itself recorded for admins; keys managed from the command line; retention leaves chains whole.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, neutraliseFormula } from '../../src/http/api/audit.routes.js';
import { applyRetention } from '../../src/store/retention.js';
import { verifyChains } from '../../src/store/verify.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const run = promisify(execFile);

describe.each(dbVariants())('audit API on $name', (variant) => {
  let h: Harness;
  const sent: { id: string; borrowerId: string; channel: string }[] = [];

  beforeAll(async () => {
    h = await startHarness({ db: variant });
    for (let i = 0; i < 7; i++) {
      const body = reminderBody(
        { channel: i % 3 === 2 ? 'email' : 'sms', template: i === 6 ? 'payment-plan-offer' : 'gentle-overdue' },
        { id: i < 4 ? 'b-audit-1' : `b-audit-${i}`, phone: `+1415555050${i}`, email: `audit${i}@example.com` },
      );
      const res = await h.api('POST', '/v1/reminders', { body });
      sent.push({ id: res.body.messages[0].id, borrowerId: body.borrower.id, channel: body.channel as string });
    }
    await waitFor(
      async () => {
        for (const m of sent) if ((await h.service.store.getMessage(m.id))?.status !== 'sent') return undefined;
        return true;
      },
      { what: 'all sent' },
    );
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('lists messages newest first with masked recipients and no content, in keyset pages', async () => {
    const page1 = await h.api('GET', '/v1/audit/messages?limit=3', { role: 'compliance' });
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(3);
    expect(page1.body.items[0].to).toMatch(/^\+141\*{4}\d{4}$|^a\*\*\*@example\.com$/);
    expect(page1.body.items[0].body).toBeUndefined();
    const page2 = await h.api('GET', `/v1/audit/messages?limit=3&cursor=${page1.body.nextCursor}`, {
      role: 'compliance',
    });
    const page3 = await h.api('GET', `/v1/audit/messages?limit=3&cursor=${page2.body.nextCursor}`, {
      role: 'compliance',
    });
    expect(page3.body.nextCursor).toBeNull();
    const all = [...page1.body.items, ...page2.body.items, ...page3.body.items];
    expect(new Set(all.map((m: { id: string }) => m.id)).size).toBe(7);
    const created = all.map((m: { createdAt: string }) => m.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it('filters by borrower, channel, status, template and period', async () => {
    const q = async (qs: string) =>
      (await h.api('GET', `/v1/audit/messages?${qs}`, { role: 'compliance' })).body.items.length;
    expect(await q('borrowerId=b-audit-1')).toBe(4);
    expect(await q('channel=email')).toBe(sent.filter((s) => s.channel === 'email').length);
    expect(await q('status=sent')).toBe(7);
    expect(await q('status=failed')).toBe(0);
    expect(await q('template=payment-plan-offer')).toBe(1);
    expect(await q(`from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toBe(0);
    expect(await q(`to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toBe(7);
    const bad = await h.api('GET', '/v1/audit/messages?channel=fax', { role: 'compliance' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('channel');
  });

  it('shows one message exactly as sent, unmasked, with every event', async () => {
    const id = sent[0]!.id;
    const res = await h.api('GET', `/v1/audit/messages/${id}`, { role: 'compliance' });
    const stored = (await h.service.store.getMessage(id))!;
    expect(res.body).toMatchObject({
      id,
      to: stored.to,
      body: stored.body,
      templateVersion: stored.templateVersion,
      providerId: stored.providerId,
    });
    expect(res.body.events.map((e: { type: string; actor: string }) => `${e.type}/${e.actor.split(':')[0]}`)).toEqual([
      'accepted/api',
      'queued/scheduler',
      'sending/worker',
      'sent/worker',
    ]);
  });

  it('records every read of content and every export, visible to admins', async () => {
    await h.api('GET', `/v1/audit/messages/${sent[1]!.id}`, { role: 'compliance' });
    await h.api('GET', '/v1/audit/export?format=ndjson&channel=sms', { role: 'compliance' });
    const reads = await h.api('GET', '/v1/audit/reads?limit=10', { role: 'admin' });
    expect(reads.status).toBe(200);
    expect(reads.body.items[0]).toMatchObject({
      action: 'export',
      role: 'compliance',
      filter: { format: 'ndjson', channel: 'sms' },
      keyId: expect.stringMatching(/^key_/),
    });
    expect(reads.body.items[1]).toMatchObject({ action: 'read', target: sent[1]!.id });
    expect((await h.api('GET', '/v1/audit/reads', { role: 'compliance' })).status).toBe(403);
  });

  it('exports CSV (RFC 4180, header row) that parses back to the same rows, and NDJSON', async () => {
    const res = await fetch(`${h.url}/v1/audit/export?format=csv`, {
      headers: { authorization: `Bearer ${h.keys.tokens.compliance}` },
    });
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="?messages-.*\.csv"?/);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','));
    // Cells that would start a formula carry one leading apostrophe (phone numbers start with +).
    const rows = (parse(text, { columns: true }) as Record<string, string>[]).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.replace(/^'(?=[=+\-@\t\r])/, '')])),
    );
    expect(text).toContain(",'+1415555050");
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      const m = (await h.service.store.getMessage(row.id!))!;
      expect(row).toMatchObject({
        to: m.to,
        body: m.body ?? '',
        status: m.status,
        templateVersion: m.templateVersion,
        createdAt: m.createdAt,
      });
    }
    const nd = await (
      await fetch(`${h.url}/v1/audit/export?format=ndjson&borrowerId=b-audit-1`, {
        headers: { authorization: `Bearer ${h.keys.tokens.compliance}` },
      })
    ).text();
    const lines = nd
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { borrowerId: string });
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.borrowerId === 'b-audit-1')).toBe(true);
  });

  it('neutralises spreadsheet formulas in CSV cells', async () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil")')).toBe(`'=HYPERLINK("http://evil")`);
    expect(['+1', '-1', '@x', '\tx'].map(neutraliseFormula)).toEqual(["'+1", "'-1", "'@x", "'\tx"]);
    expect(neutraliseFormula('Hello')).toBe('Hello');
    // A borrower-controlled value in a real export: the recipient of a message whose creditor starts with "=".
    // A borrower id is the collection system's own, and may start with "@" or "-": a formula to a spreadsheet.
    const body = reminderBody({ channel: 'email' }, { id: '@b-formula', email: 'formula@example.com' });
    const res = await h.api('POST', '/v1/reminders', {
      body: { ...body, debt: { ...body.debt, creditor: '=cmd|calc' } },
    });
    const id = res.body.messages[0].id as string;
    await waitFor(async () => (await h.service.store.getMessage(id))?.status === 'sent', { what: 'sent' });
    const csv = await (
      await fetch(`${h.url}/v1/audit/export?format=csv&borrowerId=${encodeURIComponent('@b-formula')}`, {
        headers: { authorization: `Bearer ${h.keys.tokens.compliance}` },
      })
    ).text();
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(row!.borrowerId).toBe("'@b-formula"); // neutralised: without the quote a spreadsheet runs it
    expect(row!.id).toBe(id); // cells that start safely are left alone
    expect(row!.body).toContain('=cmd|calc');
  });

  it('shows a borrower’s timeline newest first; agents see masked recipients', async () => {
    const agent = await h.api('GET', '/v1/borrowers/b-audit-1/timeline', { role: 'agent' });
    expect(agent.status).toBe(200);
    const at = agent.body.items.map((i: { at: string }) => i.at);
    expect(at).toEqual([...at].sort().reverse());
    expect(agent.body.items.length).toBe(16); // 4 messages × 4 events
    // Whichever message's event came last (an SMS or an email): every recipient is masked for agents.
    const tos = (r: typeof agent) =>
      r.body.items.map((i: { message: { to: string } | null }) => i.message?.to).filter(Boolean) as string[];
    expect(tos(agent).length).toBeGreaterThan(0);
    expect(tos(agent).every((to) => to.includes('***'))).toBe(true);
    expect(tos(agent).some((to) => to.includes('****'))).toBe(true);
    const compliance = await h.api('GET', '/v1/borrowers/b-audit-1/timeline', { role: 'compliance' });
    expect(tos(compliance).every((to) => !to.includes('***'))).toBe(true);
    expect(tos(compliance).some((to) => /^\+1415555050\d$/.test(to))).toBe(true);
    expect((await h.api('GET', '/v1/borrowers/nobody/timeline', { role: 'agent' })).status).toBe(404);
  });

  it('erases content past the retention period, keeps tombstones, and the chains still verify', async () => {
    const later = new Date(Date.now() + 4 * 365 * 86_400_000);
    const dry = await applyRetention(h.service.store, { years: 3, now: later, dryRun: true });
    expect(dry.borrowers.map((b) => b.id)).toEqual(expect.arrayContaining(['b-audit-1', 'b-audit-4']));
    expect(await h.service.store.getMessage(sent[0]!.id)).toMatchObject({ body: expect.any(String) });
    expect((await applyRetention(h.service.store, { years: 3, now: new Date(), dryRun: true })).borrowers).toEqual([]);

    const done = await applyRetention(h.service.store, { years: 3, now: later, dryRun: false });
    expect(done.borrowers.length).toBe(dry.borrowers.length);
    const m = (await h.service.store.getMessage(sent[0]!.id))!;
    expect(m).toMatchObject({
      to: '[erased]',
      body: null,
      subject: null,
      status: 'sent',
      templateVersion: expect.any(String),
    });
    expect((await h.service.store.listEvents(sent[0]!.id)).at(-1)!.type).toBe('content.erased');
    expect(await h.service.store.getBorrower('b-audit-1')).toMatchObject({ name: null, phone: null, email: null });
    expect(await verifyChains(h.service.store.db)).toMatchObject({ ok: true });
    expect((await applyRetention(h.service.store, { years: 3, now: later, dryRun: true })).borrowers).toEqual([]);
  });

  it('manages keys from the command line: created keys work, revoked ones get 401, tokens are stored only as hashes', async () => {
    const env = { ...process.env, ...h.env };
    const tsx = path.resolve('node_modules/.bin/tsx');
    const created = await run(tsx, ['src/cli/keys.ts', 'create', '--role', 'agent', '--label', 'ops laptop'], { env });
    const [line, token] = created.stdout.trim().split('\n');
    const id = /created (key_[0-9a-f]+)/.exec(line!)![1]!;
    expect(
      (await h.api('GET', '/v1/templates', { role: null, headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    const stored = await h.service.store.db.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token!);
    const list = await run(tsx, ['src/cli/keys.ts', 'list'], { env });
    expect(list.stdout).toMatch(new RegExp(`${id}\\tagent\\t.*\\tactive\\tops laptop`));
    await run(tsx, ['src/cli/keys.ts', 'revoke', id], { env });
    expect(
      (await h.api('GET', '/v1/templates', { role: null, headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(401);
    const verify = await run(tsx, ['src/cli/audit-verify.ts'], { env });
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
  });

  it('sends helmet’s security headers', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('per-key rate limits', () => {
  it('answers 429 problem+json past the limit for one key, while other keys go on', async () => {
    const h = await startHarness({ db: dbVariants()[0]!, env: { RATE_LIMIT_PER_MINUTE: '5' } });
    try {
      const statuses = [];
      for (let i = 0; i < 7; i++) statuses.push((await h.api('GET', '/v1/policy', { role: 'agent' })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const limited = await h.api('GET', '/v1/policy', { role: 'agent' });
      expect(limited.headers.get('content-type')).toContain('application/problem+json');
      expect((await h.api('GET', '/v1/policy', { role: 'compliance' })).status).toBe(200);
    } finally {
      await h.destroy();
    }
  });
});
