/** Reading the sandbox outbox, with plain in-memory fakes for the store's outbox and read log. */
import { describe, expect, it } from 'vitest';
import type { AuditRead } from '../../src/store/audit-queries.js';
import type { OutboxRecord } from '../../src/store/store-types.js';
import { readOutbox, type ReadOutboxPorts } from '../../src/usecases/read-outbox/read-outbox.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const clock = { now: () => NOW };

function fakes() {
  const reads: AuditRead[] = [];
  const asked: Array<[number, string | undefined]> = [];
  const ports: ReadOutboxPorts = {
    listOutbox: async (limit, tenant) => {
      asked.push([limit, tenant]);
      return [{ id: 1, messageId: 'm-1', to: '+12125550100' } as OutboxRecord];
    },
    recordRead: async (read) => {
      reads.push(read);
    },
  };
  return { ports, reads, asked };
}
const cmd = (role: string) => ({
  limit: 50,
  tenant: 'acme',
  reader: { keyId: 'k1', role, tenant: 'acme' },
  filter: { limit: 50 },
});

describe('readOutbox', () => {
  it('answers compliance the outbox whole and records the read', async () => {
    const f = fakes();
    const r = await readOutbox(f.ports, clock, cmd('compliance'));
    expect(r.masked).toBe(false);
    expect(f.asked).toEqual([[50, 'acme']]);
    expect(f.reads).toMatchObject([{ action: 'outbox', target: null, filter: { limit: 50 }, tenant: 'acme' }]);
  });

  it('answers an agent masked and records no read', async () => {
    const f = fakes();
    expect((await readOutbox(f.ports, clock, cmd('agent'))).masked).toBe(true);
    expect(f.reads).toEqual([]);
  });
});
