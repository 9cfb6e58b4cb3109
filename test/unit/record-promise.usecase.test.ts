/** Recording a promise to pay, with a plain in-memory fake for the store's outcome operations. */
import { describe, expect, it } from 'vitest';
import type { NewOutcome } from '../../src/store/outcomes.repo.js';
import {
  type PromiseReport,
  recordPromise,
  type RecordPromisePorts,
} from '../../src/usecases/record-promise/record-promise.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const clock = { now: () => NOW };

function fakes() {
  const recorded: NewOutcome[] = [];
  const ports: RecordPromisePorts = {
    findAccount: async (tenant, ref) =>
      tenant === 'acme' && ref === '4111' ? { borrowerId: 'b-1', currency: 'USD' } : undefined,
    recordOutcome: async (o, now) => {
      const had = recorded.find((x) => x.callerId === o.callerId);
      const { callerId, requestHash: _hash, ...rest } = o;
      const outcome = { ...rest, id: callerId, createdAt: now.toISOString() };
      if (had) return had.requestHash === o.requestHash ? { kind: 'repeat', outcome } : { kind: 'conflict' };
      recorded.push(o);
      return { kind: 'created', outcome };
    },
  };
  return { ports, recorded };
}

const promise = (over: Partial<PromiseReport> = {}): PromiseReport => ({
  id: 'pr-1',
  kind: 'promise',
  promisedFor: '2026-06-20',
  ...over,
});
const cmd = (p: PromiseReport) => ({ tenant: 'acme', accountRef: '4111', promise: p });

describe('recordPromise', () => {
  it('records a promise agreed now when it names no agreedAt', async () => {
    const f = fakes();
    const r = await recordPromise(f.ports, clock, cmd(promise()));
    expect(r.kind).toBe('created');
    expect(f.recorded[0]).toMatchObject({ kind: 'promise', at: NOW.toISOString(), amount: null, currency: null });
  });

  it('answers repeat for the same promise again and conflict for another under its id', async () => {
    const f = fakes();
    await recordPromise(f.ports, clock, cmd(promise()));
    expect((await recordPromise(f.ports, clock, cmd(promise()))).kind).toBe('repeat');
    expect((await recordPromise(f.ports, clock, cmd(promise({ promisedFor: '2026-06-21' })))).kind).toBe('conflict');
  });

  it('refuses a promise in another currency than the debt, naming currency', async () => {
    const r = await recordPromise(fakes().ports, clock, cmd(promise({ amount: '10', currency: 'EUR' })));
    expect(r).toEqual({
      kind: 'invalid',
      errors: [{ path: 'currency', message: "the account's debt is in USD, not EUR" }],
    });
  });

  it('refuses a promise agreed in the future, naming agreedAt', async () => {
    const r = await recordPromise(fakes().ports, clock, cmd(promise({ agreedAt: '2026-06-11T00:00:00Z' })));
    expect(r).toMatchObject({ kind: 'invalid', errors: [{ path: 'agreedAt' }] });
  });

  it('answers unknown-account for an account the tenant does not have', async () => {
    const r = await recordPromise(fakes().ports, clock, { ...cmd(promise()), accountRef: '9999' });
    expect(r).toEqual({ kind: 'unknown-account', accountRef: '9999' });
  });
});
