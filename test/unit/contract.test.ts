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
    expect(contractViolation('POST', '/v1/accounts/overdue/batch', 418, problem, {})).toMatch(
      /^POST \/v1\/accounts\/overdue\/batch → 418/,
    );
  });

  it('holds a content type to the ones the document names for the status', () => {
    expect(contractViolation('GET', '/v1/audit/export?format=csv', 200, 'text/csv; charset=utf-8', '')).toBeUndefined();
    expect(contractViolation('GET', '/v1/audit/export', 200, 'application/octet-stream', '')).toMatch(
      /application\/octet-stream is not a declared content type/,
    );
    // The unsubscribe link answers a person: its refusal is a line of text, and declared so.
    expect(contractViolation('GET', '/u/tok', 403, 'text/plain; charset=utf-8', 'not valid')).toBeUndefined();
    expect(contractViolation('GET', '/metrics', 200, json, {})).toMatch(/not a declared content type/);
    // Readiness answers a load balancer: its 503 is the JSON report, not problem+json.
    const down = { ok: false, checks: { redis: { ok: false, error: 'timed out' } } };
    expect(contractViolation('GET', '/readyz', 503, json, down)).toBeUndefined();
    expect(contractViolation('GET', '/readyz', 503, json, { ...down, ok: true })).toMatch(/body does not match/);
    expect(
      contractViolation('GET', '/v1/outcomes/review?format=csv', 200, 'text/csv; charset=utf-8', 'a,b'),
    ).toBeUndefined();
    // A 204 has no body; a body where the document declares none is a violation.
    expect(contractViolation('POST', '/webhooks/twilio/message-status', 204, null, undefined)).toBeUndefined();
    expect(contractViolation('POST', '/webhooks/twilio/message-status', 204, json, {})).toMatch(/declares none/);
  });
});
