/**
 * Group commit against the real store (SQLite and PostgreSQL): the transitions of many concurrent
 * callers go in a few transactions, each caller gets its own answer after the commit, the chains
 * still verify; and a batch whose transaction fails fails every transition in it, writing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransitionInput } from '../../src/store/audit-store.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';

describe.each(dbVariants())('group commit on $name', (variant) => {
  let h: Harness;
  beforeAll(async () => {
    // The API alone: rows are accepted and queued, and no worker touches them.
    h = await startHarness({ db: variant, role: 'api', env: { FEED_EVERY_MS: '0', RECONCILE_EVERY_MS: '0' } });
  });
  afterAll(async () => {
    await h?.destroy();
  });

  async function queuedMessages(n: number): Promise<string[]> {
    const res = await h.api('POST', '/v1/reminders/batch', {
      body: { reminders: Array.from({ length: n }, () => reminderBody()) },
    });
    return res.body.results.map((r: { reminder: { messages: Array<{ id: string }> } }) => r.reminder.messages[0]!.id);
  }
  const claim: TransitionInput = {
    from: ['accepted', 'queued'],
    to: 'sending',
    type: 'sending',
    actor: 'worker',
    patch: { incrementAttempts: true, body: 'Hello' },
  };

  it('commits many concurrent transitions in a few transactions, each answered after its commit', async () => {
    const ids = await queuedMessages(100);
    const group = h.service.store.groupCommit({ windowMs: 5, maxBatch: 40 });
    const answers = await Promise.all([
      ...ids.map((id) => group.transition(id, claim, new Date())),
      group.transition(ids[0]!, claim, new Date()),
    ]);
    // Two claims of the first message: one wins, the other finds it `sending` (on PostgreSQL the
    // batches run side by side, so either may win), as one transaction each would say.
    expect(answers.slice(1, 100).every((a) => a === true)).toBe(true);
    expect([answers[0], answers[100]].sort()).toEqual([false, true]);
    expect(group.batches()).toBeLessThanOrEqual(4);
    for (const id of ids.slice(0, 5))
      expect((await h.service.store.getMessage(id))!).toMatchObject({ status: 'sending', attempts: 1, body: 'Hello' });
    expect((await h.service.store.listEvents(ids[7]!)).map((e) => e.type).slice(-1)).toEqual(['sending']);
    expect((await h.service.store.audit.verify()).ok).toBe(true);
  });

  it('links two transitions of one message in one batch, the row keeping the later head', async () => {
    const [id] = await queuedMessages(1);
    const group = h.service.store.groupCommit({ windowMs: 50, maxBatch: 10 });
    const sent: TransitionInput = { from: ['sending'], to: 'sent', type: 'sent', actor: 'worker' };
    // Both in one batch: the second links from the first's event, not from the head the row
    // answered (the batch writes heads after its events).
    expect(
      await Promise.all([group.transition(id!, claim, new Date()), group.transition(id!, sent, new Date())]),
    ).toEqual([true, true]);
    expect(group.batches()).toBe(1);
    const events = await h.service.store.listEvents(id!);
    expect(events.map((e) => e.type)).toEqual(['accepted', 'queued', 'sending', 'sent']);
    const row = await h.service.store.db
      .selectFrom('messages')
      .select(['chain_seq', 'chain_hash'])
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ chain_seq: 4, chain_hash: events[3]!.hash });
    expect((await h.service.store.audit.verify()).ok).toBe(true);
  });

  it('fails every transition of a batch whose transaction fails, and writes none of them', async () => {
    const ids = await queuedMessages(3);
    let fail = true;
    const group = h.service.store.groupCommit({
      windowMs: 5,
      maxBatch: 10,
      beforeCommit: () => {
        if (fail) throw new Error('the database went away');
      },
    });
    const answers = await Promise.allSettled(ids.map((id) => group.transition(id, claim, new Date())));
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const id of ids) {
      const m = (await h.service.store.getMessage(id))!;
      expect(m.status).not.toBe('sending');
      expect((await h.service.store.listEvents(id)).map((e) => e.type)).not.toContain('sending');
    }
    fail = false;
    expect(await Promise.all(ids.map((id) => group.transition(id, claim, new Date())))).toEqual([true, true, true]);
  });
});
