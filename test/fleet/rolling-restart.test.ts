/**
 * The fleet on PostgreSQL, from the built service (`node dist/src/main.js <role>`): 2 api, 3
 * worker and 2 scheduler processes; 10,000 SMS reminders for 2,000 borrowers posted to both APIs,
 * part due at once and part over the next 90 seconds (the schedulers feed those), under a cap that
 * binds (3 texts a day; each borrower is sent 5). While they are sent, each worker and then each
 * scheduler in turn gets SIGTERM, must finish what it holds within SHUTDOWN_GRACE_MS and exit 0,
 * and is started again. Counted at the fake Twilio: every message sent exactly once or held by the
 * cap, no borrower over it, and the audit chains verify.
 *
 * Slow on a 2-core machine (minutes): `npm run test:fleet` runs it (.ci/run does, after npm test).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { resolveProfile, US_REGF } from '../../src/policy/profile.js';
import { buildDist, type BuiltProcess, startBuilt, stopBuilt } from '../support/built-service.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { apiKeysEnv, dbVariants, dropData, makeApi, prepareRun, type RunData } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const APIS = 2;
const WORKERS = 3;
const SCHEDULERS = 2;
const BORROWERS = 2_000;
const PER_BORROWER = 5;
const REMINDERS = BORROWERS * PER_BORROWER;
const SMS_CAP = 3;
const GRACE_MS = 5_000;
/** Reminders of borrowers with an index not divisible by this are due over the next minute, not at once. */
const SPREAD_S = 90;

const smsCap = US_REGF.caps.find((c) => c.name === 'sms-1-per-day')!;
const profile = resolveProfile({
  ...US_REGF,
  name: 'fleet-caps',
  windows: {
    sms: { from: '00:00', to: '24:00' },
    voice: { from: '00:00', to: '24:00' },
    email: { from: '00:00', to: '24:00' },
  },
  // A rolling 24 hours, so that the cap means the same at any hour the test runs.
  caps: [{ ...smsCap, name: `sms-${SMS_CAP}-per-24-hours`, max: SMS_CAP, per: { hours: 24 } }],
  spreadSeconds: 0,
});

const pg = dbVariants().find((v) => v.name === 'postgres');

describe.skipIf(!pg)('the fleet: 2 api, 3 workers, 2 schedulers, restarted one by one under load', () => {
  let twilio: FakeTwilio;
  let run: RunData;
  let env: Record<string, string>;
  const fleet: BuiltProcess[] = [];
  const stops: { role: string; code: number | null; ms: number; unsettled: number; output: string }[] = [];

  beforeAll(async () => {
    await buildDist(600_000);
    twilio = await startFakeTwilio();
    // A provider a little way off, so that every process holds sends in flight when it is told to stop.
    twilio.latencyMs = 20;
    run = prepareRun({ db: pg! });
    const profileFile = path.join(run.dir, 'profile.json');
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    env = {
      ...run.env,
      ...providerEnv(twilio),
      API_KEYS: apiKeysEnv(run.keys),
      POLICY_FILE: profileFile,
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      WORKER_CONCURRENCY: '20',
      // A short horizon: what is due over the next 90 seconds waits in the store for the schedulers.
      SCHEDULE_HORIZON: '3000',
      FEED_EVERY_MS: '500',
      RECONCILE_EVERY_MS: '10000',
    };
    // One after another: the first brings the schema up to date, and seven processes starting at
    // once on two loaded cores would only take longer each.
    const roles = [
      ...Array.from({ length: APIS }, () => 'api' as const),
      ...Array.from({ length: WORKERS }, () => 'worker' as const),
      ...Array.from({ length: SCHEDULERS }, () => 'scheduler' as const),
    ];
    for (const role of roles) fleet.push(await startBuilt(role, env));
  }, 900_000);

  afterAll(async () => {
    await Promise.all(fleet.map((p) => stopBuilt(p)));
    await twilio?.close();
    if (run) await dropData(run);
  });

  it(
    'sends every message once or holds it for the cap, exceeds no cap, and keeps the chains whole',
    { timeout: 900_000 },
    async () => {
      const t0 = Date.now();
      const { db } = await openDb(run.db.url, { schema: run.db.schema! });
      try {
        const apis = fleet.filter((p) => p.role === 'api').map((p) => makeApi(p.url, run.keys));
        const phoneOf = (b: number) => `+1415${String(5_000_000 + b).padStart(7, '0')}`;
        const reminders = Array.from({ length: BORROWERS }, (_, b) => {
          const borrower = {
            id: `fleet-b-${b}`,
            name: `Borrower ${b}`,
            locale: b % 2 ? 'zh-CN' : 'en-US',
            timezone: ['America/New_York', 'Asia/Shanghai', 'Europe/London'][b % 3],
            phone: phoneOf(b),
          };
          const sendAt = new Date(t0 + (b % 4 === 0 ? 0 : 5_000 + (b % SPREAD_S) * 1_000)).toISOString();
          return Array.from({ length: PER_BORROWER }, (_, j) => ({
            externalId: `fleet-r-${b}-${j}`,
            borrower,
            debt: {
              accountRef: `4111${String(b * PER_BORROWER + j).padStart(12, '0')}`,
              creditor: 'Northwind Bank',
              amountDue: { amount: '120.50', currency: 'USD' },
              dueDate: '2026-11-20',
              daysOverdue: 3,
            },
            channel: 'sms',
            template: 'gentle-overdue',
            sendAt,
          }));
        }).flat();
        // Both APIs at once, 1,000 a request.
        const batches = Array.from({ length: REMINDERS / 1_000 }, (_, i) =>
          reminders.slice(i * 1_000, (i + 1) * 1_000),
        );
        await Promise.all(
          [0, 1].map(async (a) => {
            for (let i = a; i < batches.length; i += 2) {
              const res = await apis[a]!('POST', '/v1/reminders/batch', { body: { reminders: batches[i] } });
              expect(res.status).toBe(200);
              expect(res.body.accepted).toBe(1_000);
            }
          }),
        );
        const posted = Date.now();

        const unsettled = async () =>
          Number(
            (
              await db
                .selectFrom('messages')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('status', 'in', ['accepted', 'scheduled', 'queued', 'deferred', 'sending'])
                .where('due_at', '<=', new Date(Date.now() + 10 * 60_000).toISOString())
                .executeTakeFirstOrThrow()
            ).n,
          );

        // The rolling restart: each worker, then each scheduler, stopped and started again in turn.
        for (const role of ['worker', 'scheduler'] as const) {
          for (const old of fleet.filter((p) => p.role === role)) {
            const before = await unsettled();
            const stopped = await stopBuilt(old);
            stops.push({ role, ...stopped, unsettled: before, output: old.output() });
            fleet.splice(fleet.indexOf(old), 1, await startBuilt(role, env));
          }
        }
        const restarted = Date.now();

        // Settled: nothing due in the next 10 minutes left unsent; what is left waits for the cap, a day away.
        await waitFor(async () => (await unsettled()) === 0 || undefined, {
          timeoutMs: 480_000,
          intervalMs: 1_000,
          what: 'every message due to be sent or held for the cap',
        });
        const settled = Date.now();
        // How the time went (the report of the run; not asserted).
        console.log(
          `fleet: posted ${REMINDERS} in ${posted - t0} ms; rolling restart took ${restarted - posted} ms ` +
            `(stops: ${stops.map((s) => `${s.role} ${s.ms} ms with ${s.unsettled} unsettled`).join(', ')}); ` +
            `settled ${settled - t0} ms after the first post; ${twilio.messages().length} sends`,
        );

        // Each stop came while work was outstanding, finished within the grace period, and exited 0.
        for (const s of stops) {
          expect(s.unsettled, `${s.role}: there was work in flight when it was stopped`).toBeGreaterThan(0);
          expect(s.code, `${s.role} exit code:\n${s.output}`).toBe(0);
          expect(s.output).not.toContain('jobs still running after the grace period');
        }
        for (const p of fleet) expect(p.child.exitCode, `${p.role}:\n${p.output()}`).toBeNull();

        // At the provider: each message at most once, each borrower exactly at the cap.
        const byMessage = new Map<string, number>();
        const byPhone = new Map<string, number>();
        for (const m of twilio.messages()) {
          const id = new URL(m.form.StatusCallback!).searchParams.get('m')!;
          byMessage.set(id, (byMessage.get(id) ?? 0) + 1);
          byPhone.set(m.form.To!, (byPhone.get(m.form.To!) ?? 0) + 1);
        }
        const twice = [...byMessage].filter(([, n]) => n > 1);
        expect(twice, 'messages sent more than once').toEqual([]);
        expect(byPhone.size).toBe(BORROWERS);
        const over = [...byPhone].filter(([, n]) => n > SMS_CAP);
        expect(over, 'borrowers over the cap').toEqual([]);
        expect([...byPhone.values()].every((n) => n === SMS_CAP)).toBe(true);

        // In the store: the sent ones are exactly those the provider got; the rest are held by the cap.
        const rows = await db.selectFrom('messages').select(['id', 'status', 'due_at']).execute();
        expect(rows).toHaveLength(REMINDERS);
        const sent = rows.filter((r) => r.status === 'sent');
        expect(sent.map((r) => r.id).sort()).toEqual([...byMessage.keys()].sort());
        const held = rows.filter((r) => r.status !== 'sent');
        expect(held).toHaveLength(REMINDERS - BORROWERS * SMS_CAP);
        for (const r of held) {
          expect(['deferred', 'scheduled']).toContain(r.status);
          expect(Date.parse(r.due_at)).toBeGreaterThan(Date.now() + 60 * 60_000);
        }
        // The last event of each of a sample of them (their own chain's, not the registry's).
        const sample = held.slice(0, 200).map((r) => r.id);
        const lastEvents = await db
          .selectFrom('events')
          .select(['message_id', 'type', 'data'])
          .where('message_id', 'in', sample)
          .where('ref_chain', 'is', null)
          .where('type', '!=', 'chain.registered')
          .orderBy('id')
          .execute();
        const lastOf = new Map(lastEvents.map((e) => [e.message_id, e]));
        for (const id of sample) {
          const e = lastOf.get(id)!;
          expect(['deferred', 'scheduled']).toContain(e.type);
          expect(JSON.parse(e.data).reasons.map((x: { code: string }) => x.code)).toContain('cap-reached');
        }

        // Seven processes writing at once, five of them restarted: every hash chain verifies.
        const verify = await apis[1]!('GET', '/v1/audit/verify', { role: 'compliance' });
        expect(verify.status).toBe(200);
        expect(verify.body).toMatchObject({ ok: true });
      } finally {
        await db.destroy();
      }
    },
  );
});
