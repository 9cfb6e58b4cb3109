/** RFC 3464 delivery-status bodies: the header blocks read within bounds, and the report they add up to. */
import { describe, expect, it } from 'vitest';
import { bounceKindOf, pickReport } from '../../src/policy/bounces/bounce-report.js';
import { parseDeliveryStatus, untyped } from '../../src/policy/bounces/delivery-status.js';

const POSTFIX = [
  'Reporting-MTA: dns; mx.example.com',
  'Original-Envelope-Id: msg_abc',
  '',
  'Final-Recipient: rfc822; kim@example.com',
  'Action: failed',
  'Status: 5.1.1',
  'Diagnostic-Code: smtp; 550 5.1.1 <kim@example.com>: Recipient address',
  '    rejected: User unknown',
  '',
].join('\r\n');

describe('delivery-status bodies', () => {
  it('reads the message block and each recipient block, folded fields joined', () => {
    const blocks = parseDeliveryStatus(POSTFIX)!;
    expect(blocks.message).toEqual({ 'reporting-mta': 'dns; mx.example.com', 'original-envelope-id': 'msg_abc' });
    expect(blocks.recipients).toHaveLength(1);
    expect(blocks.recipients[0]!['diagnostic-code']).toBe(
      'smtp; 550 5.1.1 <kim@example.com>: Recipient address rejected: User unknown',
    );
    expect(pickReport(blocks)).toEqual({
      status: '5.1.1',
      action: 'failed',
      diagnostic: '550 5.1.1 <kim@example.com>: Recipient address rejected: User unknown',
      finalRecipient: 'kim@example.com',
      originalEnvelopeId: 'msg_abc',
    });
  });

  it('refuses a body that is not header blocks, or has no recipient block', () => {
    expect(parseDeliveryStatus('this is not a field\r\n')).toBeUndefined();
    expect(parseDeliveryStatus('Reporting-MTA: dns; mx.example.com\r\n')).toBeUndefined();
    expect(parseDeliveryStatus('  folded first: line\r\n\r\nStatus: 5.1.1')).toBeUndefined();
    expect(parseDeliveryStatus('')).toBeUndefined();
  });

  it('stays within its bounds whatever the input', () => {
    const limits = { maxChars: 10_000, maxRecipients: 3, maxFields: 2, maxValueChars: 20 };
    const many = ['Reporting-MTA: x', ...Array.from({ length: 50 }, (_, i) => `\r\nStatus: 4.0.${i}`)].join('\r\n');
    const blocks = parseDeliveryStatus(many, limits)!;
    expect(blocks.recipients).toHaveLength(3);
    const long = parseDeliveryStatus(
      `A: b\r\n\r\nStatus: 5.1.1\r\nX: ${'y'.repeat(100)}\r\n ${'z'.repeat(100)}\r\nY: 1`,
      limits,
    )!;
    expect(long.recipients[0]!['x']).toHaveLength(20);
    // Past maxFields a block's fields are read and dropped.
    expect(long.recipients[0]!['y']).toBeUndefined();
    expect(parseDeliveryStatus(`A: b\r\n\r\nStatus: 5.1.1${'\r\nX: 1'.repeat(100_000)}`)).toBeDefined();
  });

  it('picks a failed recipient before a delayed or delivered one, and skips blocks without a valid status', () => {
    const blocks = parseDeliveryStatus(
      [
        'R: x',
        '',
        'Action: delivered',
        'Status: 2.0.0',
        '',
        'Action: failed',
        'Status: nonsense',
        '',
        'Action: delayed',
        'Status: 4.4.1 (timeout)',
      ].join('\n'),
    )!;
    expect(pickReport(blocks)).toMatchObject({ status: '4.4.1', action: 'delayed' });
    expect(pickReport(parseDeliveryStatus('R: x\n\nAction: failed\nStatus: 5')!)).toBeUndefined();
  });

  it('says what a status means: 5.x.x hard, 4.x.x soft, 2.x.x delivered', () => {
    expect(bounceKindOf('5.1.1')).toBe('hard');
    expect(bounceKindOf('4.2.2')).toBe('soft');
    expect(bounceKindOf('2.0.0')).toBe('delivered');
    for (const bad of ['', '3.0.0', '5.1', '5.1.1.1', 'x.1.1']) expect(bounceKindOf(bad)).toBeUndefined();
    expect(untyped('rfc822; kim@example.com')).toBe('kim@example.com');
    expect(untyped('no type')).toBe('no type');
    expect(untyped('smtp;  ')).toBeUndefined();
  });
});
