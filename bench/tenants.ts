/**
 * Fair sharing between tenants: tenant A posts a large batch due now, then tenant B posts 100
 * reminders due now. Tenants share one queue per channel, each job's priority its place in its
 * tenant's backlog (and each tenant held to its sender's rate), so B's reminders do not wait
 * behind A's backlog. The row reports how long B's took from its post
 * to the last of them at the provider, and how much of A's backlog was still waiting then.
 */
import { randomBytes } from 'node:crypto';
import type { FakeTwilio } from '../test/support/fake-twilio.js';
import { type BenchContext, reminder, startBenchService, waitUntil, twilioEnv } from './pipeline.js';

async function post(url: string, token: string, items: unknown[]): Promise<void> {
  for (let i = 0; i < items.length; i += 1000) {
    const res = await fetch(`${url}/v1/reminders/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reminders: items.slice(i, i + 1000) }),
    });
    if (res.status !== 200) throw new Error(`batch answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    const body = (await res.json()) as { accepted: number };
    if (body.accepted !== Math.min(1000, items.length - i)) throw new Error(`batch accepted ${body.accepted}`);
  }
}

export async function fairnessSection(ctx: BenchContext, tw: FakeTwilio, big: number): Promise<void> {
  const r = await startBenchService(ctx, {
    env: {
      ...twilioEnv(tw),
      TENANT_REFRESH_MS: '200',
    },
  });
  try {
    const store = r.service.store;
    const now = new Date();
    const sender = (from: string) => ({
      sms: { from, ratePerSecond: 100_000 },
      voice: { from },
      email: { from: 'Bench <bench@example.com>' },
    });
    await store.tenants.put(
      {
        id: 'tenant-a',
        name: 'Tenant A',
        kind: 'creditor',
        profile: null,
        channels: ['sms', 'voice', 'email'],
        contact: null,
        senders: sender('+15005550101'),
        events: null,
      },
      now,
    );
    await store.tenants.put(
      {
        id: 'tenant-b',
        name: 'Tenant B',
        kind: 'creditor',
        profile: null,
        channels: ['sms', 'voice', 'email'],
        contact: null,
        senders: sender('+15005550102'),
        events: null,
      },
      now,
    );
    const a = (await store.apiKeys.create('collector', 'bench a', now, 'tenant-a')).token;
    const b = (await store.apiKeys.create('collector', 'bench b', now, 'tenant-b')).token;
    const url = r.service.url!;
    // The channel's workers serve every tenant: a new one at once.
    const tag = randomBytes(3).toString('hex');
    const aItems = Array.from({ length: big }, (_, i) => ({ ...reminder(i, big, 'sms'), externalId: `a-${tag}-${i}` }));
    const bItems = Array.from({ length: 100 }, (_, i) => {
      const item = reminder(i, 100, 'sms');
      return {
        ...item,
        externalId: `b-${tag}-${i}`,
        borrower: { ...item.borrower, phone: `+1416${String(3000000 + i).padStart(7, '0')}` },
      };
    });
    const aPosted0 = Date.now();
    await post(url, a, aItems);
    const aPostSeconds = (Date.now() - aPosted0) / 1000;
    const t0 = Date.now();
    await post(url, b, bItems);
    const bSent = () => tw.messages().filter((m) => m.form.To?.startsWith('+1416') && m.at >= aPosted0);
    await waitUntil(() => bSent().length >= 100, 600_000, 'tenant B’s 100 reminders at the provider');
    const seconds = (Math.max(...bSent().map((m) => m.at)) - t0) / 1000;
    const aAtProvider = tw.messages().filter((m) => m.form.To?.startsWith('+1415') && m.at >= aPosted0).length;
    ctx.rows.push({
      section: 'tenants',
      measure: `tenant B's 100 due now, posted after tenant A's ${big.toLocaleString('en-US')} (SQLite, 1 process)`,
      value: Math.round(seconds * 100) / 100,
      unit: 's',
      note: `from B's post to its last at the provider; A's batch took ${aPostSeconds.toFixed(1)} s to post and ${(big - aAtProvider).toLocaleString('en-US')} of A's were still waiting then (target: a few seconds)`,
    });
  } finally {
    await r.stop();
  }
}
