import { describe, expect, it } from 'vitest';
import { classifySmtpError } from '../../src/providers/smtp-email.provider.js';
import { classifyTwilioError } from '../../src/providers/twilio-errors.js';

describe('provider error classification', () => {
  it.each([
    [{ status: 400, code: 21211, message: 'bad To' }, '21211', true],
    [{ status: 400, code: 21610, message: 'unsubscribed' }, '21610', true],
    [{ status: 400, code: 21614, message: 'not mobile' }, '21614', true],
    [{ status: 400, code: 21999, message: 'other client error' }, '21999', true],
    [{ status: 429, code: 20429, message: 'too many requests' }, '20429', false],
    [{ status: 500, code: 20500, message: 'internal' }, '20500', false],
    [{ status: 503, message: 'unavailable' }, 'http-503', false],
    [{ status: 401, code: 20003, message: 'auth' }, '20003', false],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'ECONNREFUSED', false],
    [{ code: 'ETIMEDOUT', message: 'timeout' }, 'ETIMEDOUT', false],
  ])('classifies Twilio %j as code %s, permanent=%s', (err, code, permanent) => {
    const e = classifyTwilioError(err, 'twilio-sms');
    expect(e.code).toBe(code);
    expect(e.permanent).toBe(permanent);
  });

  it.each([
    [{ responseCode: 550, message: 'mailbox unavailable' }, 'smtp-550', true],
    [{ responseCode: 552, message: 'too big' }, 'smtp-552', true],
    [{ responseCode: 451, message: 'greylisted' }, 'smtp-451', false],
    [{ code: 'ECONNECTION', message: 'refused' }, 'ECONNECTION', false],
    [{ code: 'ETIMEDOUT', message: 'timeout' }, 'ETIMEDOUT', false],
  ])('classifies SMTP %j as %s, permanent=%s', (err, code, permanent) => {
    const e = classifySmtpError(err);
    expect(e.code).toBe(code);
    expect(e.permanent).toBe(permanent);
  });

  // Failover (docs/reach.md) sends through the secondary relay only what the primary certainly did not take.
  it.each([
    [{ code: 'ESOCKET', syscall: 'connect', command: 'CONN', message: 'connect ECONNREFUSED 127.0.0.1:25' }, false],
    [{ code: 'ETIMEDOUT', command: 'CONN', message: 'Connection timeout' }, false],
    [{ code: 'ETIMEDOUT', command: 'CONN', message: 'Greeting never received' }, false],
    [{ code: 'EAUTH', command: 'AUTH PLAIN', message: 'Invalid login' }, false],
    [{ code: 'ECONNECTION', command: 'RCPT TO', message: 'Connection closed unexpectedly' }, false],
    [{ code: 'ETIMEDOUT', command: 'CONN', message: 'Timeout' }, true],
    [{ code: 'ECONNECTION', command: 'CONN', message: 'Connection closed unexpectedly' }, true],
    [{ code: 'ESOCKET', command: 'DATA', message: 'read ECONNRESET' }, true],
  ])('says whether the SMTP failure %j may have delivered the message: %s', (err, mayHaveReached) => {
    expect(classifySmtpError(err).mayHaveReached).toBe(mayHaveReached);
  });
});
