// The inbox's vocabulary in the console's language: intents, hold kinds, corrections, what was
// done about a reply, and times shown in the borrower's zone beside UTC.
import { h } from '../dom.js';
import { channelName, lang, t } from '../i18n.js';

/** The reply interpreter's intents (src/domain/replies.ts), in the order the filter offers them. */
export const INTENTS = [
  'hardship',
  'revoke',
  'wrong-number',
  'dispute',
  'paid-already',
  'promise',
  'question',
  'callback',
  'complaint',
  'other',
];

/** CorrectionInput's kinds (POST /v1/inbox/{borrowerId}/corrections). */
export const CORRECTION_KINDS = ['lift-hold', 'wrong-number', 'not-a-revocation'];

export const intentName = (i) => t(`intent.${i}`, {}, i);
export const holdName = (k) => t(`hold.${k}`, {}, k);
export const correctionName = (k) => t(`correction.${k}`, {}, k);

/** An intent as a chip; hardship and a revocation stand out. */
export const intentChip = (i) => h('span', { class: `chip i-${i}`, 'data-intent': i }, intentName(i));

const locale = () => (lang() === 'zh' ? 'zh-CN' : 'en-US');

function parts(iso, timeZone) {
  const day = new Intl.DateTimeFormat(locale(), { timeZone, month: 'short', day: 'numeric' }).format(new Date(iso));
  const time = new Intl.DateTimeFormat(locale(), {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
  return { day, time };
}

/** The zone a borrower's times are shown in: the first they may be in, or none. */
export const zoneOf = (conversation) => conversation.now.local[0]?.zone ?? null;

/**
 * "6 Dec, 10:05 borrower's time (Asia/Shanghai) · 02:05 UTC": the day is written once when both
 * sides share it, on both sides when they do not.
 */
export function theirTime(iso, zone) {
  const utc = parts(iso, 'UTC');
  if (!zone) return t('inbox.utcOnly', { day: utc.day, time: utc.time });
  let theirs;
  try {
    theirs = parts(iso, zone);
  } catch {
    return t('inbox.utcOnly', { day: utc.day, time: utc.time });
  }
  return t('inbox.at', {
    day: theirs.day,
    time: theirs.time,
    zone,
    utc: theirs.day === utc.day ? utc.time : `${utc.day}, ${utc.time}`,
  });
}

/** A `<time>` with the instant in its datetime attribute, shown in the borrower's zone and UTC. */
export const timeEl = (iso, zone) => h('time', { datetime: iso, class: 'when' }, theirTime(iso, zone));

const channels = (list) => (Array.isArray(list) ? list.map(channelName).join(', ') : '');

/** The hold a reply's intents open (act-on-reply's HOLD_OF); one only when the intents name one. */
const HOLD_OF = { hardship: 'hardship', 'paid-already': 'paid-claim' };
const heldBy = (intents) => {
  const kinds = [...new Set(intents.map((i) => HOLD_OF[i]).filter(Boolean))];
  return kinds.length === 1 ? kinds[0] : null;
};

/** What was done about a reply, in words (its event type and data; the reply's intents name a hold's kind). */
export function actionText(a, intents = []) {
  const d = a.data ?? {};
  switch (a.type) {
    case 'consent.revoked':
      return t('done.revoked', { channels: channels(d.channels) });
    case 'contact.wrong_number':
      return t(d.via === 'agent' ? 'done.wrongNumberAgent' : 'done.wrongNumber', { channels: channels(d.channels) });
    case 'dispute.opened':
      return t('done.dispute');
    case 'hold.opened': {
      const kind = heldBy(intents);
      return kind ? t('done.holdOf', { kind: holdName(kind) }) : t('done.hold');
    }
    case 'promise.reported':
      return t(d.amount ? 'done.promiseAmount' : 'done.promise', {
        date: d.promisedFor ?? '—',
        amount: d.amount ? `${d.amount} ${d.currency ?? ''}`.trim() : '',
      });
    case 'reply.corrected':
      return t('done.corrected', { kind: correctionName(d.kind ?? '') });
    default:
      return t(`done.${a.type}`, {}, a.type);
  }
}

/** Who did it: the borrower (by their reply), an agent's key, or the service on their behalf. */
export const actorText = (actor) =>
  actor === 'borrower'
    ? t('inbox.byBorrower')
    : actor.startsWith('api:')
      ? t('inbox.byKey', { key: actor.slice(4) })
      : actor === 'collection-system' || actor === 'system'
        ? t('inbox.byService')
        : actor;
