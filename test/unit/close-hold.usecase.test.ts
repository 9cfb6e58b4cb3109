/** Ending a hold, with plain in-memory fakes: a dispute closes only by its route, a release ends any kind, once. */
import { describe, expect, it } from 'vitest';
import type { BorrowerHold } from '../../src/domain/holds.js';
import { closeHold, type CloseHoldPorts } from '../../src/usecases/close-hold/close-hold.usecase.js';

function fakes() {
  const holds = new Map<string, BorrowerHold>();
  const add = (id: string, kind: BorrowerHold['kind']) =>
    holds.set(id, {
      id,
      tenant: 'default',
      borrowerId: 'b-1',
      accountRef: null,
      promiseId: null,
      kind,
      openedAt: '2026-06-01T00:00:00.000Z',
      until: kind === 'dispute' ? null : '2026-07-01T00:00:00.000Z',
      source: 'api',
      detail: null,
      ruleRef: null,
      closedAt: null,
      closedBy: null,
      resolution: null,
      closeDetail: null,
    });
  add('d', 'dispute');
  add('h', 'hardship');
  const ports: CloseHoldPorts = {
    endHold: async (borrowerId, holdId, end) => {
      const h = holds.get(holdId);
      if (!h || h.borrowerId !== borrowerId || !end.kinds.includes(h.kind)) return undefined;
      if (h.closedAt) return { hold: h, changed: false, rescheduled: [] };
      const closed = { ...h, closedAt: 'now', closedBy: end.actor, resolution: end.resolution };
      holds.set(holdId, closed);
      return { hold: closed, changed: true, rescheduled: ['msg_1'] };
    },
  };
  return ports;
}

const base = { borrowerId: 'b-1', actor: 'api:k1' };

describe('closeHold', () => {
  it('closes a dispute with its resolution, and what it held is due now', async () => {
    const r = await closeHold(fakes(), { ...base, what: 'dispute', holdId: 'd', resolution: 'withdrawn' });
    expect(r).toMatchObject({ kind: 'closed', hold: { resolution: 'withdrawn' }, rescheduled: ['msg_1'] });
  });

  it('does not close a hardship hold as a dispute', async () => {
    expect(await closeHold(fakes(), { ...base, what: 'dispute', holdId: 'h', resolution: 'upheld' })).toEqual({
      kind: 'not-found',
    });
  });

  it('releases a hold of any kind, once', async () => {
    const ports = fakes();
    expect(await closeHold(ports, { ...base, what: 'release', holdId: 'd' })).toMatchObject({
      kind: 'closed',
      hold: { resolution: 'released' },
    });
    expect(await closeHold(ports, { ...base, what: 'release', holdId: 'd' })).toMatchObject({ kind: 'already-closed' });
  });

  it('finds no hold of another borrower', async () => {
    expect(await closeHold(fakes(), { ...base, borrowerId: 'b-2', what: 'release', holdId: 'h' })).toEqual({
      kind: 'not-found',
    });
  });
});
