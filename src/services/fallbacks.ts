/**
 * Channel fallback (docs/reach.md, "Channel fallback"): a reminder (or a cadence step) may name
 * `fallback: ["email", "voice"]`. When its message ends because its channel cannot reach the
 * person — a landline for SMS, a number not in service, a hard bounce, or the gate knowing so
 * already — the next channel of the list that the template has and the borrower can be reached on
 * gets a new message, linked to the first (`metadata.fallback.from`, `.first`), through the intake,
 * the policy and the caps like any message: a fallback never breaks a cap or a window; it waits
 * like anything else. Once per message: the new reminder's external id is the failed message's.
 */
import { channelsRuledOut } from '../domain/address-facts.js';
import type { Channel } from '../domain/channels.js';
import type { Clock } from '../domain/clock.js';
import type { Borrower, Message } from '../domain/index.js';
import type { FallbacksStore } from '../store/ports.js';
import { type Intake, ownRequest } from './intake.js';

/** The metadata key a reminder's fallback lives under (the API refuses it in `metadata`; it takes `fallback`). */
export const FALLBACK_KEY = 'fallback';

export interface FallbackMeta {
  /** The channels still to try, in order. */
  channels: Channel[];
  /** The message this one falls back from, and the first of the chain (absent on the first). */
  from?: string;
  first?: string;
}

export function fallbackOf(metadata: Record<string, unknown> | null | undefined): FallbackMeta | undefined {
  const f = metadata?.[FALLBACK_KEY] as Partial<FallbackMeta> | undefined;
  return f && Array.isArray(f.channels) ? (f as FallbackMeta) : undefined;
}

export interface FallbacksDeps {
  store: FallbacksStore;
  intake: Pick<Intake, 'accept'>;
  clock: Clock;
  /** The channels a template has variants for. */
  channelsOf(template: string): readonly Channel[];
}

const addressFor = (b: Borrower, c: Channel) => (c === 'email' ? b.email : b.phone);

export function makeFallbacks(deps: FallbacksDeps) {
  /** The first channel of the list the borrower can be reached on and the template has; the rest after it. */
  async function nextChannel(b: Borrower, template: string, channels: readonly Channel[]) {
    const has = deps.channelsOf(template);
    for (let i = 0; i < channels.length; i++) {
      const c = channels[i]!;
      const to = addressFor(b, c);
      if (!to || !has.includes(c) || b.consent[c] === false || b.optOuts.some((o) => o.channel === c)) continue;
      const facts = await deps.store.addressFacts.of(b.tenant, [c === 'email' ? to.toLowerCase() : to]);
      if (channelsRuledOut(facts).has(c)) continue;
      return { channel: c, rest: channels.slice(i + 1) };
    }
    return undefined;
  }

  const api = {
    /**
     * The message ended because its channel cannot reach the person (`why`: the provider's code or
     * the gate's reason): the next channel gets a new message. Returns its id, or undefined when
     * the reminder names no fallback or none is usable. Repeating it changes nothing.
     */
    async cannotReach(message: Pick<Message, 'id'>, why: string): Promise<string | undefined> {
      const found = await deps.store.getReminderOfMessage(message.id);
      if (!found) return undefined;
      const { reminder, borrower } = found;
      const fb = fallbackOf(reminder.metadata);
      if (!fb || fb.channels.length === 0) return undefined;
      const m = found.message;
      const next = await nextChannel(
        borrower,
        reminder.template,
        fb.channels.filter((c) => c !== m.channel),
      );
      if (!next) return undefined;
      const key = `fallback:${message.id}`;
      const [r] = await deps.intake.accept(
        [
          {
            ...ownRequest(key, borrower),
            channel: next.channel,
            template: reminder.template,
            templateChannels: deps.channelsOf(reminder.template),
            debt: reminder.debt,
            sendAt: deps.clock.now(),
            expiresAt: reminder.expiresAt ? new Date(reminder.expiresAt) : null,
            metadata: {
              ...(reminder.metadata ?? {}),
              [FALLBACK_KEY]: { channels: next.rest, from: message.id, first: fb.first ?? message.id },
            },
            contact: reminder.contact,
          },
        ],
        `fallback:${borrower.tenant}`,
        'fallback',
      );
      if (!r || !('reminder' in r)) return undefined;
      const to = r.messages[0]?.id;
      if (r.kind === 'created' && to)
        await deps.store.recordBorrowerEvent(
          borrower.id,
          {
            type: 'fallback.taken',
            actor: 'fallback',
            data: { from: message.id, first: fb.first ?? message.id, to, channel: next.channel, why },
          },
          deps.clock.now(),
        );
      return to;
    },

    /**
     * One round of the silence watcher: texts with no delivery report `afterMs` after they went
     * (looked back a day further), of tenants whose profile falls back on silence, fall back.
     * Returns how many fell back.
     */
    async watchSilence(afterMs: number, on: (tenant: string) => Promise<boolean>, page = 200): Promise<number> {
      const now = deps.clock.now().getTime();
      const from = new Date(now - afterMs - SILENCE_LOOKBACK_MS).toISOString();
      const to = new Date(now - afterMs).toISOString();
      let taken = 0;
      let after: string | undefined;
      for (;;) {
        const texts = await deps.store.silence.silentTexts(from, to, page, after);
        for (const t of texts) if ((await on(t.tenant)) && (await api.cannotReach(t, 'silence'))) taken++;
        if (texts.length < page) return taken;
        after = texts.at(-1)!.id;
      }
    },
  };
  return api;
}

/** How far back past FALLBACK_AFTER the watcher looks (a scheduler that was down a day catches up). */
export const SILENCE_LOOKBACK_MS = 86_400_000;

export type Fallbacks = ReturnType<typeof makeFallbacks>;
