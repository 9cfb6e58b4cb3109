/**
 * Rows the intake writes per reminder: ingests reminders through the intake port
 * (`acceptReminders`) into a fresh SQLite store, in batches, and counts the events (by type), the
 * registry events and the chain heads, then times a whole verification. Writes nothing but a
 * temporary file.
 *
 *   npx tsx scripts/count-intake-rows.ts [reminders=10000] [batch=1000] [due=later|now]
 *
 * `due=later`: spread over the next 30 days (written `scheduled`); `now`: due now (`accepted`,
 * `queued`). SRC=/path/to/other/src counts another checkout's code (the code before a change).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const src = process.env.SRC ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(path.join(src, rel)).href)) as T;

const total = Number(process.argv[2] ?? 10_000);
const batch = Number(process.argv[3] ?? 1_000);
const due = process.argv[4] ?? 'later';

const { openDb } = await load<typeof import('../src/store/db.js')>('store/db.ts');
const { migrateToLatest } = await load<typeof import('../src/store/migrations.js')>('store/migrations.ts');
const { makeAuditStore } = await load<typeof import('../src/store/audit-store.js')>('store/audit-store.ts');
const { newMessageId, newReminderId } = await load<typeof import('../src/services/intake.js')>('services/intake.ts');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-count-'));
const { db, dialect } = await openDb(`sqlite:${path.join(dir, 'count.db')}`);
try {
  await migrateToLatest(db, dialect);
  const store = makeAuditStore(db, dialect);
  const now = Date.now();
  const started = performance.now();
  for (let i = 0; i < total; i += batch) {
    const items = Array.from({ length: Math.min(batch, total - i) }, (_, j) => {
      const n = i + j;
      const sendAt = new Date(due === 'now' ? now : now + 3_600_000 + (n % 720) * 3_600_000).toISOString();
      return {
        id: newReminderId(),
        externalId: `count-${n}`,
        requestHash: `h${n}`,
        borrower: { id: `b-${n}`, name: 'Count', phone: `+1415${String(n).padStart(7, '0')}`, timezone: 'UTC' },
        upsertBorrower: true,
        channel: 'sms' as const,
        template: 'payment-due',
        debt: { amountMinor: 1000, currency: 'USD', dueDate: '2027-01-01' },
        sendAt,
        expiresAt: null,
        metadata: null,
        contact: null,
        messages: () => [
          {
            id: newMessageId(),
            channel: 'sms' as const,
            template: 'payment-due',
            locale: 'en-US',
            to: `+1415${String(n).padStart(7, '0')}`,
            sendAt,
            status: due === 'now' ? ('queued' as const) : ('scheduled' as const),
          },
        ],
      };
    });
    const results = await store.acceptReminders(items as never, 'count', new Date(), 'api:count');
    const bad = results.find((r) => r.kind !== 'created');
    if (bad) throw new Error(`not created: ${JSON.stringify(bad)}`);
  }
  const ms = performance.now() - started;
  const count = async (where: string) =>
    Number(
      (
        (await (await import('kysely')).sql.raw(`select count(*) as n from ${where}`).execute(db)) as {
          rows: Array<{ n: number }>;
        }
      ).rows[0]!.n,
    );
  const events = await count('events');
  const registry = await count(`events where chain like 'r:%'`);
  const heads = await count('chain_heads');
  const byType = (
    (await (
      await import('kysely')
    ).sql
      .raw(`select type, count(*) as n from events group by type order by type`)
      .execute(db)) as { rows: Array<{ type: string; n: number }> }
  ).rows;
  // The whole verification of the store, timed (it reads every registration).
  const { verifyChains } = await load<typeof import('../src/store/verify.js')>('store/verify.ts');
  const verifyStarted = performance.now();
  const verified = await verifyChains(db);
  const verifyMs = performance.now() - verifyStarted;
  process.stdout.write(
    `${JSON.stringify(
      {
        src,
        reminders: total,
        batch,
        due,
        events,
        eventsPerReminder: +(events / total).toFixed(4),
        registryEvents: registry,
        registryPerReminder: +(registry / total).toFixed(4),
        chainHeads: heads,
        byType: Object.fromEntries(byType.map((r) => [r.type, Number(r.n)])),
        intakeSeconds: +(ms / 1000).toFixed(2),
        verified: verified.ok,
        verifySeconds: +(verifyMs / 1000).toFixed(2),
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}
