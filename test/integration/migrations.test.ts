/** Migrations that move data: the store as a deployment that upgrades would have it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/audit/db.js';
import { migrateStore } from '../../src/audit/migrations.js';

describe('0011: borrower-level opt-outs onto the suppression list', () => {
  it('copies each borrower opt-out to its address and channel, with its source and date, once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-mig-'));
    const { db } = await openDb(`sqlite:${path.join(dir, 'm.db')}`);
    try {
      await migrateStore(db, 'sqlite', undefined, '0010-outbound-deliveries');
      const row = (id: string, phone: string | null, email: string | null, optOuts: unknown[]) => ({
        id,
        name: null,
        locale: 'en-US',
        timezone: null,
        phone,
        email,
        consent: '{}',
        opt_outs: JSON.stringify(optOuts),
        blackouts: '[]',
        status: 'active',
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-02-01T00:00:00.000Z',
        erased_at: null,
      });
      await db
        .insertInto('borrowers')
        .values([
          row('b-1', '+14155550100', 'Pat@Example.com', [
            { channel: 'sms', source: 'inbound-sms "STOP"', at: '2026-01-15T10:00:00.000Z' },
            { channel: 'email', source: 'one-click' },
          ]),
          row('b-2', '+14155550100', null, [{ channel: 'sms', source: 'api', at: '2026-01-20T10:00:00.000Z' }]),
          row('b-3', null, null, [{ channel: 'voice', source: 'api' }]),
          row('b-4', '+14155550101', null, []),
        ])
        .execute();
      await migrateStore(db, 'sqlite');
      const rows = await db.selectFrom('suppressions').select(['address', 'channel', 'source', 'detail', 'at']).orderBy('address').orderBy('channel').execute();
      expect(rows).toEqual([
        { address: '+14155550100', channel: 'sms', source: 'borrower-opt-out', detail: 'inbound-sms "STOP"', at: '2026-01-15T10:00:00.000Z' },
        { address: 'pat@example.com', channel: 'email', source: 'borrower-opt-out', detail: 'one-click', at: '2026-02-01T00:00:00.000Z' },
      ]);
    } finally {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
