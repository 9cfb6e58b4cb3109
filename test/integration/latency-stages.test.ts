/**
 * The latency breakdown (issue 32, docs/performance.md): one reminder's way from the API to the
 * provider is timed stage by stage on /metrics, and the time from its being due to the provider
 * call; a stall of the event loop is counted by what ran during it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import {
  messageSettled,
  OPEN_PROFILE,
  reminderBody,
  sqliteOnly,
  startHarness,
  type Harness,
} from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { trackActivity } from '../../src/observability/activity.js';

/** The count of a histogram's series in a /metrics text (0 when absent). */
function countOf(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}_count{${labels}}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('the latency breakdown on /metrics', () => {
  let tw: FakeTwilio;
  let smtp: SmtpSink;
  let h: Harness;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    smtp = await startSmtpSink();
    h = await startHarness({
      db: sqliteOnly,
      env: { POLICY_FILE: OPEN_PROFILE, ...providerEnv(tw, smtp), LOOP_STALL_MS: '60' },
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    await smtp?.close();
  });

  it('times every stage of a reminder sent at once, and its wait from due to the provider', async () => {
    const res = await h.api('POST', '/v1/reminders', { body: reminderBody({ channel: 'sms' }) });
    expect(res.status).toBe(202);
    const sent = await messageSettled(h, res.body.messages[0].id);
    expect(sent.status).toBe('sent');
    const text = await fetch(`${h.url}/metrics`).then((r) => r.text());
    for (const stage of [
      'gather',
      'stored',
      'enqueued',
      'pickup',
      'load',
      'gate',
      'render',
      'claim',
      'provider',
      'record',
    ])
      expect(countOf(text, 'message_stage_duration_seconds', `stage="${stage}"`), stage).toBe(1);
    expect(countOf(text, 'message_due_to_provider_seconds', 'channel="sms"')).toBe(1);
  });

  it('counts a stall of the event loop by the activity that held it', async () => {
    await trackActivity('test-busy-loop', async () => {
      const until = performance.now() + 150;
      while (performance.now() < until);
    });
    // The monitor's next tick sees how late it is.
    await new Promise((r) => setTimeout(r, 60));
    const text = await fetch(`${h.url}/metrics`).then((r) => r.text());
    expect(text).toMatch(/event_loop_stalls_total\{during="[^"]*test-busy-loop[^"]*"\} [1-9]/);
  });
});
