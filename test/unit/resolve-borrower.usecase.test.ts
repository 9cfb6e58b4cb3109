/** Resolving a borrower, with plain in-memory fakes for the resolve and the strategy's thank-you. */
import { describe, expect, it } from 'vitest';
import type { Borrower } from '../../src/domain/index.js';
import {
  resolveBorrower,
  type ResolveBorrowerPorts,
} from '../../src/usecases/resolve-borrower/resolve-borrower.usecase.js';

function fakes() {
  const status = new Map<string, 'active' | 'resolved'>([['b-1', 'active']]);
  const thanked: string[] = [];
  const notes: Array<string | undefined> = [];
  const ports: ResolveBorrowerPorts = {
    resolveBorrower: async (id, _actor, note) => {
      const s = status.get(id);
      if (!s) return undefined;
      notes.push(note);
      const borrower = { id } as Borrower;
      if (s === 'resolved') return { borrower, cancelled: [], alreadyResolved: true };
      status.set(id, 'resolved');
      return { borrower, cancelled: ['m-1'], alreadyResolved: false };
    },
    startThankYou: async (b) => {
      thanked.push(b.id);
      return [{ id: 'thanks-1' }];
    },
  };
  return { ports, thanked, notes };
}

describe('resolveBorrower', () => {
  it('resolves the borrower, cancels what was pending and starts the thank-you', async () => {
    const f = fakes();
    const r = await resolveBorrower(f.ports, { borrowerId: 'b-1', actor: 'api:k1', note: 'settled' });
    expect(r).toEqual({
      kind: 'resolved',
      resolved: { borrower: { id: 'b-1' }, cancelled: ['m-1'], alreadyResolved: false },
      thanks: ['thanks-1'],
    });
    expect(f.notes).toEqual(['settled']);
  });

  it('thanks a borrower resolved before no second time', async () => {
    const f = fakes();
    await resolveBorrower(f.ports, { borrowerId: 'b-1', actor: 'api:k1' });
    const again = await resolveBorrower(f.ports, { borrowerId: 'b-1', actor: 'api:k1' });
    expect(again).toMatchObject({ kind: 'resolved', resolved: { alreadyResolved: true }, thanks: [] });
    expect(f.thanked).toEqual(['b-1']);
  });

  it('does not find an unknown borrower', async () => {
    const f = fakes();
    expect(await resolveBorrower(f.ports, { borrowerId: 'b-9', actor: 'api:k1' })).toEqual({ kind: 'not-found' });
    expect(f.thanked).toEqual([]);
  });
});
