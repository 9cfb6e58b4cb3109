/** Erasing a borrower on request, with plain in-memory fakes: legal holds refuse, other holds do not. */
import { describe, expect, it } from 'vitest';
import type { BorrowerHold } from '../../src/domain/holds.js';
import { eraseBorrower, type EraseBorrowerPorts } from '../../src/usecases/erase-borrower/erase-borrower.usecase.js';

const NOW = new Date('2026-12-06T12:00:00Z');
const clock = { now: () => NOW };

const hold = (over: Partial<BorrowerHold>): BorrowerHold => ({
  id: 'hold_1',
  tenant: 'default',
  borrowerId: 'b-1',
  kind: 'dispute',
  openedAt: '2026-12-01T00:00:00.000Z',
  until: null,
  source: 'api',
  detail: null,
  ruleRef: null,
  closedAt: null,
  closedBy: null,
  resolution: null,
  closeDetail: null,
  accountRef: null,
  promiseId: null,
  ...over,
});

function fakes(holds: BorrowerHold[] = []) {
  const calls: string[] = [];
  const ports: EraseBorrowerPorts = {
    borrowerExists: async (id) => id === 'b-1',
    unclosedHolds: async () => holds,
    cancelPending: async (id, actor) => {
      calls.push(`cancel ${id} ${actor}`);
      return ['m-pending'];
    },
    erase: async (req) => {
      calls.push(`erase ${req.borrowerId} ${req.basis} ${req.reference ?? '-'} ${req.now.toISOString()}`);
      return { kind: 'erased', erasedAt: req.now.toISOString(), messages: ['m-1', 'm-pending'], suppressionsKept: 2 };
    },
  };
  return { ports, calls };
}

const cmd = { borrowerId: 'b-1', actor: 'api:key_c', basis: 'gdpr-art-17' as const, reference: 'DSR-1' };

describe('eraseBorrower', () => {
  it('cancels what was pending, then erases, and says what was kept', async () => {
    const f = fakes();
    expect(await eraseBorrower(f.ports, clock, cmd)).toEqual({
      kind: 'erased',
      erasedAt: NOW.toISOString(),
      cancelled: ['m-pending'],
      messages: ['m-1', 'm-pending'],
      suppressionsKept: 2,
    });
    expect(f.calls).toEqual(['cancel b-1 api:key_c', `erase b-1 gdpr-art-17 DSR-1 ${NOW.toISOString()}`]);
  });

  it('refuses an open dispute as a legal hold, naming it, and touches nothing', async () => {
    const f = fakes([hold({ ruleRef: '12 CFR 1006.38(d)(2)(i)' })]);
    const r = await eraseBorrower(f.ports, clock, cmd);
    expect(r).toMatchObject({
      kind: 'held',
      holds: [{ holdId: 'hold_1', kind: 'dispute', ruleRef: '12 CFR 1006.38(d)(2)(i)' }],
    });
    expect(r.kind === 'held' && r.holds[0]!.why).toContain('open dispute');
    expect(f.calls).toEqual([]);
  });

  it('refuses any open hold held under a rule of law', async () => {
    const f = fakes([hold({ kind: 'hardship', until: '2027-01-01T00:00:00.000Z', ruleRef: 'court order 2026-77' })]);
    expect(await eraseBorrower(f.ports, clock, cmd)).toMatchObject({ kind: 'held', holds: [{ kind: 'hardship' }] });
  });

  it('is not held by a hardship or paid claim without a rule, nor by a hold that lapsed', async () => {
    const f = fakes([
      hold({ id: 'h-2', kind: 'hardship', until: '2027-01-01T00:00:00.000Z' }),
      hold({ id: 'h-3', kind: 'paid-claim', until: '2026-12-05T00:00:00.000Z', ruleRef: 'some rule' }),
    ]);
    expect(await eraseBorrower(f.ports, clock, cmd)).toMatchObject({ kind: 'erased' });
  });

  it('answers not-found for a borrower that does not exist, and erases nothing', async () => {
    const f = fakes();
    expect(await eraseBorrower(f.ports, clock, { ...cmd, borrowerId: 'nobody' })).toEqual({ kind: 'not-found' });
    expect(f.calls).toEqual([]);
  });
});
