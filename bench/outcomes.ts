/**
 * The outcome reports at scale (PostgreSQL): 1,000,000 messages of 250,000 borrowers in one
 * experiment, sent over the last 60 days, and 100,000 payments. Seeded with generate_series (the
 * reports read rows; how they got there does not matter), then each report asked for through the
 * HTTP API as compliance would, timed end to end.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { openDb } from '../src/store/db.js';
import { type BenchContext, startBenchService } from './pipeline.js';

export async function outcomesSection(
  ctx: BenchContext,
  dbUrl: string,
  messages: number,
  payments: number,
): Promise<void> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'rd-bench-exp-'));
  const file = path.join(dir, 'experiments.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      experiments: [
        {
          id: 'warm-wording',
          arms: [
            { name: 'control', template: 'gentle-overdue', weight: 50 },
            { name: 'warm', template: 'gentle-overdue-warm', weight: 50 },
          ],
        },
      ],
    }),
  );
  const r = await startBenchService(ctx, { role: 'api', schema, env: { DATABASE_URL: dbUrl, EXPERIMENTS_FILE: file } });
  try {
    // The bench's own connection to the service's schema.
    const { db } = await openDb(dbUrl, { schema });
    const borrowers = Math.floor(messages / 4);
    const t0 = Date.now();
    await sql`insert into borrowers (id, name, locale, timezone, phone, email, consent, opt_outs, blackouts, status, created_at, updated_at, erased_at)
      select 'b-' || g, 'Borrower ' || g, 'en-US', '"UTC"', '+1415' || lpad(g::text, 7, '0'), null, '{}', '[]', '[]', 'active', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', null
      from generate_series(1, ${borrowers}) g`.execute(db);
    // Reminders and messages: four messages a borrower, a day or more apart, over 60 days; an arm per borrower.
    await sql`insert into reminders (id, client_id, external_id, request_hash, borrower_id, channel, template, debt, send_at, expires_at, metadata, contact, created_at, account_ref)
      select 'rem_' || g, 'bench', null, 'x', 'b-' || g, 'sms', 'gentle-overdue', '{"amountDue":{"amount":"120.50","currency":"USD"}}',
             to_char(now() at time zone 'utc' - interval '60 days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), null,
             '{"strategy":{"stage":"early"}}', null, to_char(now() at time zone 'utc' - interval '60 days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'acct-' || g
      from generate_series(1, ${borrowers}) g`.execute(db);
    await sql`insert into messages (id, reminder_id, borrower_id, channel, template, template_version, locale, to_addr, subject, body, status, provider, provider_id, attempts,
                                    error_code, error_message, send_at, due_at, job_seq, created_at, updated_at, render_data, tenant, experiment, arm)
      select 'msg_' || g, 'rem_' || b, 'b-' || b, 'sms', case when b % 2 = 0 then 'gentle-overdue' else 'gentle-overdue-warm' end, null, 'en-US', '+14155550100', null, null,
             case when g % 50 = 0 then 'failed' else 'sent' end, 'twilio', 'SM' || g, 1, null, null, t, t, 0, t, t, null, 'default', 'warm-wording',
             case when b % 2 = 0 then 'control' else 'warm' end
      from (select g, (g - 1) / 4 + 1 as b,
                   to_char(now() at time zone 'utc' - ((60 - ((g - 1) % 4) * 7 - ((g - 1) / 4) % 30) * interval '1 day'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as t
            from generate_series(1, ${borrowers * 4}) g) s`.execute(db);
    // Each borrower's first touch in the experiment, as the store writes it when a message first
    // reaches its borrower (rows.ts) and as migration 0026 fills it for messages already there.
    const plus = (days: number) =>
      sql.raw(
        `to_char((min(send_at)::timestamptz + interval '${days} days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      );
    await sql`insert into first_touches (experiment, borrower_id, tenant, arm, first_at, first7, first14, first30)
      select experiment, borrower_id, min(tenant), min(arm), min(send_at), ${plus(7)}, ${plus(14)}, ${plus(30)}
      from messages where experiment is not null and status in ('sent', 'delivered', 'answered', 'machine')
      group by experiment, borrower_id`.execute(db);
    // Payments: one each for some borrowers, 1–20 days after their first message.
    await sql`insert into outcomes (id, tenant, kind, caller_id, account_ref, borrower_id, amount, currency, "full", at, promised_for, request_hash, created_at)
      select 'default:payment:p' || g, 'default', 'payment', 'p' || g, 'acct-' || b, 'b-' || b, '40.00', 'USD', 0,
             to_char(now() at time zone 'utc' - ((60 - (b % 30)) * interval '1 day') + ((1 + g % 20) * interval '1 day'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), null, 'h',
             to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      from (select g, 1 + ((g * 7919) % ${borrowers}) as b from generate_series(1, ${payments}) g) s
      on conflict do nothing`.execute(db);
    // As autovacuum leaves a table in steady state (hint bits set, statistics fresh).
    await sql`vacuum analyze`.execute(db);
    const seeded = (Date.now() - t0) / 1000;
    const { token } = await r.service.store.apiKeys.create('compliance', 'bench', new Date());
    const time = async (route: string) => {
      const started = process.hrtime.bigint();
      const res = await fetch(`${r.service.url}${route}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`${route} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      await res.arrayBuffer();
      return Number(process.hrtime.bigint() - started) / 1e9;
    };
    const from = new Date(Date.now() - 90 * 86_400_000).toISOString();
    // Heavy reads run in worker threads that start when first needed (src/lib/thread-pool.ts): the
    // process's first heavy read pays for loading its modules once. Asked for here first, as a
    // service running for a while has, and its time noted.
    const threadStart = await time(`/v1/outcomes/reach?from=${new Date().toISOString()}`);
    for (const [name, route] of [
      ['experiment report (arms, rates, intervals, tests)', `/v1/outcomes/experiments/warm-wording?from=${from}`],
      ['template report (last-touch attribution)', `/v1/outcomes/templates?from=${from}`],
      ['periodic review', `/v1/outcomes/review?from=${from}`],
    ] as const) {
      const seconds = await time(route);
      ctx.rows.push({
        section: 'outcomes',
        measure: `${name}, ${messages.toLocaleString('en-US')} messages, ${payments.toLocaleString('en-US')} payments, PostgreSQL`,
        value: Math.round(seconds * 100) / 100,
        unit: 's',
        note: `target < 0.5 s; seeded in ${seeded.toFixed(0)} s; the heavy-read threads' first use before it ${threadStart.toFixed(2)} s`,
        ...(name.startsWith('experiment')
          ? {
              goal: {
                figure: `experiment report over ${messages.toLocaleString('en-US')} messages`,
                target: '< 0.5 s',
                met: seconds < 0.5,
              },
            }
          : {}),
      });
    }
    await db.destroy();
  } finally {
    await r.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
