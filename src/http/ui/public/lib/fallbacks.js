// Channel fallback on the borrower's timeline (issue 30): each chain of attempts in one line —
// "Text to ••• 0100 — undelivered (landline, Twilio 30006) → Email to a•••@example.com — sent" —
// built from the timeline's own items: the `fallback.taken` events (`{from, first, to, channel,
// why}`), the `address.learned` events (what the provider's answer taught) and the messages the
// other events carry. Also the words for those two events in the event list.
import { h } from '../dom.js';
import { channelName, statusName, t } from '../i18n.js';

/** A recipient shown the same way to every reader: the number's last four, the address's first letter and domain. */
export function shortAddress(to) {
  if (!to) return '—';
  if (to.includes('@')) {
    const [user, domain] = to.split('@');
    return `${(user ?? '').slice(0, 1)}•••@${domain ?? ''}`;
  }
  const digits = to.replace(/\D/g, '');
  return digits.length >= 4 ? `••• ${digits.slice(-4)}` : '•••';
}

/** A provider's code in words: `twilio-30006` → "Twilio 30006", `smtp-5.1.1` → "SMTP 5.1.1", a gate reason by its name. */
export function codeWords(code) {
  const m = /^(twilio|smtp|sip)-(.+)$/.exec(String(code ?? ''));
  if (m) return `${t(`provider.${m[1]}`, {}, m[1])} ${m[2]}`;
  return t(`reason.${code}`, {}, String(code ?? ''));
}

/** What a fact says in a few words ("landline"). */
export const factName = (fact) => t(`fact.${fact}`, {}, fact);

/**
 * The chains of attempts, oldest chain first: `[{first, attempts: [{id, message, why, fact}]}]`.
 * `message` is the timeline's view of the attempt (null when it is not among the items read);
 * `why` and `fact` say why the attempt gave way to the next (null on the last).
 */
export function fallbackChains(items) {
  const messages = new Map();
  for (const e of items) if (e.message && !messages.has(e.message.id)) messages.set(e.message.id, e.message);
  const learned = items.filter((e) => e.type === 'address.learned');
  const taken = items.filter((e) => e.type === 'fallback.taken' && typeof e.data?.first === 'string');
  // Oldest first: the items come newest first.
  taken.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
  const chains = new Map();
  for (const e of taken) {
    const { first, from, to, why } = e.data;
    const chain = chains.get(first) ?? { first, steps: [first] };
    if (!chain.steps.includes(from)) chain.steps.push(from);
    if (!chain.steps.includes(to)) chain.steps.push(to);
    chain[`why:${from}`] = why;
    chains.set(first, chain);
  }
  return [...chains.values()].map((c) => ({
    first: c.first,
    attempts: c.steps.map((id) => {
      const why = c[`why:${id}`] ?? null;
      const taught =
        learned.find((e) => e.data?.messageId === id) ?? (why ? learned.find((e) => e.data?.code === why) : undefined);
      return { id, message: messages.get(id) ?? null, why, fact: taught?.data?.fact ?? null };
    }),
  }));
}

/** Why an attempt gave way: "landline, Twilio 30006", or the code alone when nothing was learned from it. */
function reasonOf(a) {
  if (!a.why) return null;
  return a.fact && a.fact !== a.why
    ? `${factName(a.fact)}${t('fallbacks.comma')}${codeWords(a.why)}`
    : codeWords(a.why);
}

/** One attempt: "Text to ••• 0100 — undelivered (landline, Twilio 30006)", linked to its message page when the reader may read it. */
function attempt(a, linkable) {
  const m = a.message;
  const what = m ? t(`attempt.${m.channel}`, { to: shortAddress(m.to) }, channelName(m.channel)) : a.id;
  const reason = reasonOf(a);
  return h(
    'li',
    { class: 'attempt', 'data-message': a.id, 'data-status': m?.status ?? '' },
    linkable ? h('a', { href: `/ui/audit/messages/${encodeURIComponent(a.id)}`, 'data-link': '' }, what) : what,
    ' — ',
    m ? h('span', { class: `status s-${m.status}` }, statusName(m.status).toLowerCase()) : t('fallbacks.notShown'),
    reason ? h('span', { class: 'why' }, t('fallbacks.because', { reason })) : null,
  );
}

/** The "Fallbacks" section: one ordered list of attempts per chain (null when there is none). */
export function fallbackSection(items, linkable) {
  const chains = fallbackChains(items);
  if (!chains.length) return null;
  return h(
    'section',
    { class: 'fallbacks', 'aria-labelledby': 'fallbacks-h', 'data-testid': 'fallbacks' },
    h('h2', { id: 'fallbacks-h' }, t('fallbacks.title')),
    h('p', { class: 'muted' }, t('fallbacks.intro')),
    ...chains.map((c) =>
      h(
        'ol',
        {
          class: 'chain',
          'data-first': c.first,
          'aria-label': t('fallbacks.chain', { n: String(c.attempts.length) }),
        },
        ...c.attempts.map((a) => attempt(a, linkable)),
      ),
    ),
  );
}

/** The sentence that leads an `address.learned` or `fallback.taken` event's details (null for others). */
export function eventSentence(type, data) {
  if (type === 'address.learned' && typeof data.fact === 'string') {
    const channels = Array.isArray(data.channels) ? data.channels : [];
    return h(
      'li',
      { 'data-testid': 'learned' },
      h('strong', {}, t('learned.what', { address: data.address ?? '—', fact: factName(data.fact) })),
      t('learned.gap'),
      channels.length
        ? t('learned.rulesOut', { channels: channels.map((c) => channelName(c)).join(t('learned.and')) })
        : t('learned.rulesOutNothing'),
    );
  }
  if (type === 'fallback.taken' && typeof data.channel === 'string')
    return h(
      'li',
      { 'data-testid': 'taken' },
      h('strong', {}, t('taken.what', { channel: channelName(data.channel), why: codeWords(data.why) })),
    );
  return null;
}
