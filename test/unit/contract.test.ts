/** The contract check the harness runs on every answer can fail: an undeclared status, a body off its schema, an error that is not problem+json, a route the document lacks. */
import { describe, expect, it } from 'vitest';
import { contractViolation } from '../support/contract.js';

const json = 'application/json; charset=utf-8';
const problem = 'application/problem+json; charset=utf-8';
const payment = {
  id: 'p-1',
  kind: 'partial',
  amount: '1.00',
  currency: 'USD',
  paidAt: '2026-12-01T10:00:00.000Z',
  accountRef: 'A-1',
  tenant: 'default',
  createdAt: '2026-12-01T10:00:01.000Z',
  repeated: false,
};

describe('the contract check', () => {
  it('passes a declared status with a body that matches its schema', () => {
    expect(contractViolation('POST', '/v1/accounts/A-1/payments', 201, json, payment)).toBeUndefined();
    expect(contractViolation('GET', '/v1/reminders/r-1?x=1', 404, problem, { status: 404 })).toBeUndefined();
  });

  it('fails a status the operation does not declare', () => {
    expect(contractViolation('GET', '/v1/reminders/r-1', 418, problem, {})).toMatch(/status not declared/);
  });

  it('fails a body that does not match the published schema', () => {
    expect(contractViolation('POST', '/v1/accounts/A-1/payments', 201, json, { ...payment, kind: 'payment' })).toMatch(
      /body does not match/,
    );
  });

  it('fails an error that is not problem+json, and a route the document lacks', () => {
    expect(contractViolation('GET', '/v1/reminders/r-1', 404, 'text/html', '<p>no</p>')).toMatch(/problem\+json/);
    expect(contractViolation('POST', '/v1/nowhere', 200, json, {})).toMatch(/not in the document/);
  });

  it('matches a fixed path before a templated one', () => {
    // The batch's answer has a schema now: an empty batch's (the /{accountRef}/overdue route declares no 200).
    const empty = { scheduled: 0, unchanged: 0, rejected: 0, results: [] };
    expect(contractViolation('POST', '/v1/accounts/overdue/batch', 200, json, empty)).toBeUndefined();
  });
});
