/**
 * One pipeline row alone, for a CPU profile (docs/performance.md):
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-pipeline.ts [n] [postgres-url]
 *   npx tsx bench/profile-summary.ts /tmp/prof/<file>.cpuprofile
 */
import { pipeline, baselines, type BenchContext } from './pipeline.js';
import { startFakeTwilio } from '../test/support/fake-twilio.js';
import { startSmtpSink } from '../test/support/smtp-sink.js';

const n = Number(process.argv[2] ?? 6_000);
const dbUrl = process.argv[3];
const ctx: BenchContext = { quick: true, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', rows: [] };
const tw = await startFakeTwilio();
const smtp = await startSmtpSink();
try {
  const base = process.env.PROFILE_BASELINE === '1' ? await baselines(ctx, tw, 4_000) : { b0: 1, b1: 1 };
  const cpu = process.cpuUsage();
  await pipeline(
    ctx,
    tw,
    smtp,
    `SMS, ${dbUrl ? 'PostgreSQL' : 'SQLite'}, ${n}`,
    n,
    'sms',
    dbUrl ? { dbUrl } : {},
    base,
  );
  // CPU per message (this process: service, fake Twilio and client together): steadier than a
  // rate on a shared host, since time waiting for a core is not counted.
  const used = process.cpuUsage(cpu);
  console.log(`CPU ${((used.user + used.system) / 1000 / n).toFixed(3)} ms a message`);
  for (const r of ctx.rows) console.log(r.measure, r.value, r.unit, r.note ?? '');
} finally {
  await tw.close();
  await smtp.close();
}
