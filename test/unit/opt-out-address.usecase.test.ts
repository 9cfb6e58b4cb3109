/** Opting an address out and back in, with a plain in-memory suppression list for the opt-out service. */
import { describe, expect, it } from 'vitest';
import type { Suppression } from '../../src/store/suppressions.js';
import { addOptOut, type AddOptOutPorts } from '../../src/usecases/add-opt-out/add-opt-out.usecase.js';
import { removeOptOut, type RemoveOptOutPorts } from '../../src/usecases/remove-opt-out/remove-opt-out.usecase.js';

const PHONE = '+12125550100';

function fakes() {
  const list = new Map<string, Suppression[]>();
  const key = (tenant: string | undefined, address: string) => `${tenant}:${address}`;
  const restored: string[][] = [];
  const ports: AddOptOutPorts & RemoveOptOutPorts = {
    suppressionsOf: async (address, tenant) => list.get(key(tenant, address)) ?? [],
    suppressAddress: async (input) => {
      const had = list.get(key(input.tenant, input.address)) ?? [];
      const added = input.channels
        .filter((c) => !had.some((s) => s.channel === c))
        .map((channel): Suppression => ({
          tenant: input.tenant ?? 'default',
          address: input.address,
          channel,
          source: input.source,
          detail: input.detail ?? null,
          actor: input.actor,
          at: '2026-06-10T14:00:00.000Z',
        }));
      list.set(key(input.tenant, input.address), [...had, ...added]);
      return { added, borrowers: ['b-1'], suppressed: ['m-1', 'm-2'] };
    },
    restoreAddress: async (input) => {
      restored.push([...(input.channels ?? [])]);
      const had = list.get(key(input.tenant, input.address)) ?? [];
      const removed = had.filter((s) => input.channels?.includes(s.channel));
      list.set(
        key(input.tenant, input.address),
        had.filter((s) => !removed.includes(s)),
      );
      return { removed, borrowers: ['b-1'] };
    },
  };
  return { ports, restored };
}
const optOut = { address: PHONE, kind: 'phone' as const, source: 'api' as const, actor: 'api:k1', tenant: 'acme' };

describe('addOptOut', () => {
  it('lists the address on the channels asked for and answers its entries afterwards', async () => {
    const f = fakes();
    const r = await addOptOut(f.ports, { ...optOut, channels: ['sms', 'voice'], detail: 'phone call' });
    expect(r.added.map((s) => s.channel)).toEqual(['sms', 'voice']);
    expect(r).toMatchObject({ borrowers: 1, suppressedMessages: 2 });
    expect(r.entries.map((s) => s.channel)).toEqual(['sms', 'voice']);
  });

  it('adds nothing for an address listed already', async () => {
    const f = fakes();
    await addOptOut(f.ports, { ...optOut, channels: ['sms'] });
    const again = await addOptOut(f.ports, { ...optOut, channels: ['sms'] });
    expect(again.added).toEqual([]);
    expect(again.entries).toHaveLength(1);
  });
});

describe('removeOptOut', () => {
  it('takes the address off only the channels it is listed on', async () => {
    const f = fakes();
    await addOptOut(f.ports, { ...optOut, channels: ['sms'] });
    const r = await removeOptOut(f.ports, { ...optOut, source: 'called back', channels: ['sms', 'voice'] });
    expect(r).toMatchObject({ kind: 'removed', entries: [] });
    expect(f.restored).toEqual([['sms']]);
  });

  it('does not find an address not listed on the channels asked for', async () => {
    const f = fakes();
    await addOptOut(f.ports, { ...optOut, channels: ['sms'] });
    expect(await removeOptOut(f.ports, { ...optOut, source: 'called back', channels: ['voice'] })).toEqual({
      kind: 'not-listed',
    });
    expect(f.restored).toEqual([]);
  });
});
