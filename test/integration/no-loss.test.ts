/**
 * No accepted reminder is lost and none is sent twice: a process killed (SIGKILL) between the
 * database commit and the enqueue, and a Redis that lost its jobs, are both repaired by the
 * reconciler.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAuditStore } from '../../src/store/audit-store.js';
import { spawnService } from '../support/child-service.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, dropData, prepareRun, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { waitFor } from '../support/wait.js';

describe.each(dbVariants())('no loss, no duplicate on $name', (variant) => {
  let twilio: FakeTwilio;
  let env: Record<string, string>;

  beforeAll(async () => {
    twilio = await startFakeTwilio();
    env = {
      ...providerEnv(twilio),
      RECONCILE_AFTER_MS: '0',
      // The reconciler runs only when a test calls it, so its reports are exact.
      RECONCILE_EVERY_MS: '0',
    };
  });
  afterAll(async () => {
    await twilio?.close();
  });

  const sendsTo = (phone: string) => twilio.messages().filter((r) => r.form.To === phone).length;

  async function idle(h: Harness) {
    await waitFor(
      async () => {
        const c = await h.service.queues.byChannel.sms.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(c).every((n) => n === 0) || undefined;
      },
      { what: 'the sms queue to drain' },
    );
  }

  it(
    'sends exactly once after the process dies between the DB commit (row queued) and the enqueue',
    { timeout: 90_000 },
    async () => {
      // First life: the service as production runs it (`tsx src/main.ts api`, a child process). Its
      // Redis connection goes through a proxy the test holds, so a request commits to the database
      // and then hangs on the enqueue; the process is killed there with SIGKILL (no clean-up runs).
      const proxy = await startTcpProxy(inject('redisUrl'));
      const run = prepareRun({ db: variant, env: { ...env, REDIS_URL: proxy.url } });
      const first = await spawnService('api', run);
      const peek = await openAuditStore(run.db.url, run.db.schema ? { schema: run.db.schema } : {});
      let restarted: Harness | undefined;
      try {
        const body = reminderBody({ channel: 'sms' }, { phone: '+14155550201' });
        proxy.hold();
        const answer = first.api('POST', '/v1/reminders', { body }).then(
          (r) => r,
          (err: Error) => err,
        );
        // Committed `queued` in the intake transaction, before its job exists (issue 32: no separate
        // transaction marks it queued after the enqueue).
        const stored = await waitFor(
          async () => (await peek.findAwaitingJob('', 10, new Date(Date.now() + 3_600_000)))[0],
          { what: 'the reminder committed to the database' },
        );
        expect(stored).toMatchObject({ status: 'queued', to: '+14155550201' });
        // What the process was doing when it died: sending the enqueue to Redis.
        await waitFor(() => proxy.heldBytes() > 0 || undefined, { what: 'the enqueue to reach the held proxy' });
        first.child.kill('SIGKILL');
        expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
        // The client never got an answer.
        expect(await answer).toBeInstanceOf(Error);
        await proxy.close();

        // Second life: same database and Redis prefix, on the real Redis. No job exists for the
        // committed row; the reconciler finds it.
        restarted = await startHarness({ db: variant, env, reuse: run });
        expect(await restarted.service.queues.byChannel.sms.getJob(stored!.id)).toBeUndefined();
        expect((await restarted.service.store.getMessage(stored!.id))!.status).toBe('queued');
        const report = await restarted.service.reconciler.run();
        expect(report).toEqual({ enqueuedAccepted: 0, restoredMissing: 1 });
        await waitFor(async () => (await restarted!.service.store.getMessage(stored!.id))?.status === 'sent', {
          what: 'the message to be sent',
        });
        // Reconciling again, and the client retrying its request, change nothing.
        expect(await restarted.service.reconciler.run()).toEqual({ enqueuedAccepted: 0, restoredMissing: 0 });
        const retry = await restarted.api('POST', '/v1/reminders', { body });
        expect(retry.status).toBe(200);
        expect(retry.body.messages.map((m: { id: string }) => m.id)).toEqual([stored!.id]);
        await idle(restarted);
        expect(sendsTo('+14155550201')).toBe(1);
        const events = await restarted.service.store.listEvents(stored!.id);
        expect(events.map((e) => [e.type, e.actor])).toEqual([
          ['accepted', expect.stringMatching(/^api:/)],
          ['queued', 'scheduler'],
          ['sending', 'worker'],
          ['sent', 'worker'],
        ]);
      } finally {
        if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL');
        await proxy.close().catch(() => undefined);
        await peek.close();
        await restarted?.close();
        await dropData(run);
      }
    },
  );

  it('re-enqueues the job of a queued message that Redis lost, and sends it once', async () => {
    const h = await startHarness({ db: variant, env });
    try {
      const sendAt = new Date(Date.now() + 1_500).toISOString();
      const res = await h.api('POST', '/v1/reminders', {
        body: reminderBody({ channel: 'sms', sendAt }, { phone: '+14155550202' }),
      });
      expect(res.status).toBe(202);
      const id = res.body.messages[0].id as string;
      // Redis "loses" the delayed job.
      await h.service.queues.byChannel.sms.remove(id);
      expect(await h.service.queues.byChannel.sms.getJob(id)).toBeUndefined();
      expect(await h.service.reconciler.run()).toEqual({ enqueuedAccepted: 0, restoredMissing: 1 });
      expect(await h.service.reconciler.run()).toEqual({ enqueuedAccepted: 0, restoredMissing: 0 });
      await waitFor(async () => (await h.service.store.getMessage(id))?.status === 'sent', {
        what: 'the message to be sent',
      });
      await idle(h);
      expect(sendsTo('+14155550202')).toBe(1);
    } finally {
      await h.destroy();
    }
  });

  it('leaves a message another worker is sending alone, and takes over one whose worker died', async () => {
    // An hour ahead, and a job from the start: a horizon wider than that.
    const h = await startHarness({ db: variant, env: { ...env, SCHEDULE_HORIZON: '2h' } });
    try {
      const sendAt = new Date(Date.now() + 3_600_000).toISOString();
      const res = await h.api('POST', '/v1/reminders', {
        body: reminderBody({ channel: 'sms', sendAt }, { phone: '+14155550204' }),
      });
      const id = res.body.messages[0].id as string;
      const db = h.service.store.db;
      const queue = h.service.queues.byChannel.sms;
      // Another worker claimed it a moment ago (as after a lost lock): this job must not send too.
      await db
        .updateTable('messages')
        .set({ status: 'sending', updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute();
      await (await queue.getJob(id))!.promote();
      await waitFor(
        async () =>
          (await h.service.store.listEvents(id)).length === 2 &&
          (await queue.getJobState(id)) === 'delayed' &&
          (await queue.getJob(id))!.attemptsStarted > 0,
        {
          what: 'the job to step back',
        },
      );
      expect(sendsTo('+14155550204')).toBe(0);
      // That worker died long ago: the job takes the message over and sends it once.
      await db
        .updateTable('messages')
        .set({ updated_at: new Date(Date.now() - 3_600_000).toISOString() })
        .where('id', '=', id)
        .execute();
      await (await queue.getJob(id))!.promote();
      await waitFor(async () => (await h.service.store.getMessage(id))?.status === 'sent', {
        what: 'sent after the takeover',
      });
      expect(sendsTo('+14155550204')).toBe(1);
      const sending = (await h.service.store.listEvents(id)).find((e) => e.type === 'sending')!;
      expect(sending.data).toMatchObject({ afterInterruptedAttempt: true });
    } finally {
      await h.destroy();
    }
  });

  /** Short locks and leases, so a dead worker's jobs and `sending` rows are taken over in seconds. */
  const quickTakeover = {
    JOB_LOCK_MS: '1500',
    SENDING_LEASE_MS: '2000',
    PROVIDER_TIMEOUT_MS: '1000',
    RETRY_BACKOFF_MS: '100',
    GROUP_COMMIT_MS: '20',
  };
  const phonesFrom = (first: number, n: number) =>
    Array.from({ length: n }, (_, i) => `+1415555${String(first + i).padStart(4, '0')}`);
  async function postSms(h: Harness, phones: string[]): Promise<string[]> {
    const res = await h.api('POST', '/v1/reminders/batch', {
      body: { reminders: phones.map((phone) => reminderBody({ channel: 'sms' }, { phone })) },
    });
    expect(res.body.accepted).toBe(phones.length);
    return res.body.results.map((r: { reminder: { messages: Array<{ id: string }> } }) => r.reminder.messages[0]!.id);
  }
  const allSent = (h: Harness, ids: string[]) =>
    waitFor(
      async () =>
        (await Promise.all(ids.map((id) => h.service.store.getMessage(id)))).every((m) => m?.status === 'sent') ||
        undefined,
      {
        what: 'every message to be sent',
        timeoutMs: 40_000,
      },
    );

  it(
    'loses nothing when a worker dies after a group commit of `sending` rows and before the provider calls',
    { timeout: 90_000 },
    async () => {
      // This process only accepts; a worker in a child process claims the first batch and dies.
      const h = await startHarness({ db: variant, env: { ...env, ...quickTakeover }, role: 'api' });
      let child;
      let workers: Harness | undefined;
      try {
        const phones = phonesFrom(7100, 12);
        const ids = await postSms(h, phones);
        const run = prepareRun({
          db: variant,
          reuse: h,
          env: { ...env, ...quickTakeover, FAULT_INJECTION: 'worker-after-sending-commit' },
        });
        child = await spawnService('worker', run);
        expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
        // It died with a batch committed as `sending` and nothing handed to the provider.
        const atCrash = await Promise.all(ids.map((id) => h.service.store.getMessage(id)));
        const interrupted = atCrash.filter((m) => m!.status === 'sending').map((m) => m!.id);
        expect(interrupted.length).toBeGreaterThan(0);
        expect(phones.map(sendsTo)).toEqual(phones.map(() => 0));

        // A new worker takes the dead one's jobs over once their locks lapse, and the `sending`
        // rows once their lease does: every message goes once, the interrupted ones flagged.
        workers = await startHarness({ db: variant, env: { ...env, ...quickTakeover }, reuse: h, role: 'worker' });
        await allSent(h, ids);
        await idle(h);
        expect(phones.map(sendsTo)).toEqual(phones.map(() => 1));
        for (const id of ids) {
          const claims = (await h.service.store.listEvents(id)).filter((e) => e.type === 'sending');
          if (interrupted.includes(id)) {
            expect(claims).toHaveLength(2);
            expect(claims[1]!.data).toMatchObject({ afterInterruptedAttempt: true });
          } else expect(claims.map((c) => c.data.afterInterruptedAttempt ?? false)).toEqual([false]);
        }
        expect((await h.service.store.audit.verify()).ok).toBe(true);
      } finally {
        if (child && child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
        await workers?.close();
        await h.destroy();
      }
    },
  );

  it(
    'fails every job of a group commit that fails: none sends without its `sending` row, and each retries once',
    { timeout: 60_000 },
    async () => {
      const h = await startHarness({
        db: variant,
        env: { ...env, ...quickTakeover, FAULT_INJECTION: 'group-commit-fails-once' },
      });
      try {
        const phones = phonesFrom(7200, 8);
        const ids = await postSms(h, phones);
        await allSent(h, ids);
        await idle(h);
        expect(phones.map(sendsTo)).toEqual(phones.map(() => 1));
        // The failed batch's jobs ran twice (BullMQ counts the failure), the others once; every
        // message has exactly one `sending` event, written by the attempt that sent it.
        const jobs = await Promise.all(ids.map((id) => h.service.queues.byChannel.sms.getJob(id)));
        const retried = jobs.filter((j) => j!.attemptsMade > 1);
        expect(retried.length).toBeGreaterThan(0);
        for (const id of ids)
          expect((await h.service.store.listEvents(id)).filter((e) => e.type === 'sending')).toHaveLength(1);
      } finally {
        await h.destroy();
      }
    },
  );

  it('does not send a message again when its job runs a second time after it was sent', async () => {
    const h = await startHarness({ db: variant, env });
    try {
      const res = await h.api('POST', '/v1/reminders', {
        body: reminderBody({ channel: 'sms' }, { phone: '+14155550203' }),
      });
      const id = res.body.messages[0].id as string;
      await waitFor(async () => (await h.service.store.getMessage(id))?.status === 'sent', { what: 'sent' });
      await waitFor(async () => (await h.service.queues.byChannel.sms.getJobState(id)) === 'completed' || undefined, {
        what: 'job completed',
      });
      // A duplicate job for the same message (as after a Redis restore) is a no-op.
      await h.service.queues.byChannel.sms.remove(id);
      await h.service.queues.byChannel.sms.add(
        'dispatch',
        { messageId: id, reminderId: res.body.id, borrowerId: res.body.borrowerId, channel: 'sms' },
        { jobId: id },
      );
      const job = await h.service.queues.byChannel.sms.getJob(id);
      await waitFor(async () => (await job!.getState()) === 'completed' || undefined, {
        what: 'the duplicate job to complete',
      });
      expect((await h.service.queues.byChannel.sms.getJob(id))!.returnvalue).toBe('skipped');
      expect(sendsTo('+14155550203')).toBe(1);
    } finally {
      await h.destroy();
    }
  });
});
