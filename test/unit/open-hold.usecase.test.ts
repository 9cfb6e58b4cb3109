/** Opening a hold, with plain in-memory fakes: its end by kind, the rule a dispute cites, a second open dispute. */
import { describe, expect, it } from 'vitest';
import type { BorrowerHold } from '../../src/domain/holds.js';
import {
  openHold,
  type OpenHoldPorts,
  REGF_DISPUTE_RULE,
  validationPeriodDisputeRule,
} from '../../src/usecases/open-hold/open-hold.usecase.js';

const NOW = new Date('2026-06-10T12:00:00.000Z');
const clock = { now: () => NOW };

function fakes(profile = 'US-REGF') {
  const opened: Array<Parameters<OpenHoldPorts['openHold']>> = [];
  let dispute: BorrowerHold | undefined;
  const ports: OpenHoldPorts = {
    holdDays: { paidClaim: 10, hardship: 30 },
    profileNameOf: async () => profile,
    openHold: async (hold, actor) => {
      opened.push([hold, actor]);
      if (hold.borrowerId === 'missing') return undefined;
      if (hold.kind === 'dispute' && dispute) return { hold: dispute, created: false };
      const h: BorrowerHold = {
        ...hold,
        id: `hold_${opened.length}`,
        tenant: 'default',
        accountRef: null,
        promiseId: null,
        openedAt: NOW.toISOString(),
        closedAt: null,
        closedBy: null,
        resolution: null,
        closeDetail: null,
      };
      if (hold.kind === 'dispute') dispute = h;
      return { hold: h, created: true };
    },
  };
  return { ports, opened };
}

const cmd = { tenant: 'default', borrowerId: 'b-1', source: 'api' as const, detail: null };

describe('openHold', () => {
  it('holds a paid claim for PAID_CLAIM_HOLD_DAYS and hardship for HARDSHIP_HOLD_DAYS', async () => {
    const { ports } = fakes();
    const paid = await openHold(ports, clock, { ...cmd, kind: 'paid-claim' });
    expect(paid.kind === 'opened' && paid.hold.until).toBe('2026-06-20T12:00:00.000Z');
    const hardship = await openHold(ports, clock, { ...cmd, kind: 'hardship' });
    expect(hardship.kind === 'opened' && hardship.hold.until).toBe('2026-07-10T12:00:00.000Z');
  });

  it('gives a dispute no end and, under US-REGF, the Reg F rule', async () => {
    const { ports } = fakes();
    const r = await openHold(ports, clock, { ...cmd, kind: 'dispute' });
    expect(r).toMatchObject({ kind: 'opened', hold: { until: null, ruleRef: REGF_DISPUTE_RULE } });
  });

  it('cites no rule for a dispute under another profile, unless given one', async () => {
    const { ports } = fakes('CN');
    expect(await openHold(ports, clock, { ...cmd, kind: 'dispute' })).toMatchObject({ hold: { ruleRef: null } });
    const { ports: p2 } = fakes('CN');
    expect(await openHold(p2, clock, { ...cmd, kind: 'dispute', ruleRef: 'house rule 7' })).toMatchObject({
      hold: { ruleRef: 'house rule 7' },
    });
  });

  it('holds a dispute within a validation period until verification, citing 1006.34(c)(4) and FDCPA 809(b); after it, the profile’s rule', async () => {
    const periods = [
      { accountRef: 'a-old', endsOn: '2026-05-01', endsAt: '2026-05-02T03:59:59.999Z' },
      { accountRef: 'a-1', endsOn: '2026-06-10', endsAt: '2026-06-11T03:59:59.999Z' },
    ];
    const { ports } = fakes('CN');
    const within = await openHold({ ...ports, validationPeriodsOf: async () => periods }, clock, {
      ...cmd,
      kind: 'dispute',
    });
    expect(within).toMatchObject({ hold: { ruleRef: validationPeriodDisputeRule('2026-06-10') } });
    expect(validationPeriodDisputeRule('2026-06-10')).toMatch(
      /^12 CFR 1006\.34\(c\)\(4\); FDCPA 809\(b\) .*validation period \(ends 2026-06-10\)/,
    );
    // Every period over: the Reg F rule under US-REGF, as without notices.
    const { ports: p2 } = fakes();
    const after = await openHold({ ...p2, validationPeriodsOf: async () => periods.slice(0, 1) }, clock, {
      ...cmd,
      kind: 'dispute',
    });
    expect(after).toMatchObject({ hold: { ruleRef: REGF_DISPUTE_RULE } });
    // Only disputes: a hardship hold cites none.
    const { ports: p3 } = fakes();
    expect(
      await openHold({ ...p3, validationPeriodsOf: async () => periods }, clock, { ...cmd, kind: 'hardship' }),
    ).toMatchObject({ hold: { ruleRef: null } });
  });

  it('answers a second dispute with the open one', async () => {
    const { ports } = fakes();
    const first = await openHold(ports, clock, { ...cmd, kind: 'dispute' });
    const second = await openHold(ports, clock, { ...cmd, kind: 'dispute', source: 'reply', detail: 'again' });
    expect(second).toEqual({ kind: 'already-open', hold: first.kind === 'opened' ? first.hold : undefined });
  });

  it('records the source as the actor when none is given, and finds no unknown borrower', async () => {
    const { ports, opened } = fakes();
    expect(await openHold(ports, clock, { ...cmd, borrowerId: 'missing', kind: 'hardship', source: 'reply' })).toEqual({
      kind: 'not-found',
    });
    expect(opened[0]![1]).toBe('reply');
  });
});
