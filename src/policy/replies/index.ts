/**
 * The reply interpreter (pure): what a borrower's reply to a reminder means, in English and
 * Chinese, each intent with the rule that found it and the original words it matched. Rules are
 * word patterns over a normalised view (look-alike letters, zero-width and spacing tricks,
 * full-width forms and 繁體 resolved: wording/normalise.ts), each match read in its clause:
 * a negation, another sense of the word, a wish or a past payment explain it away. A revocation
 * is never outweighed: when any revoke rule fires, `revoke` is in the answer.
 */
import { CHANNELS, type Channel } from '../../domain/channels.js';
import type { Intent, Interpretation, InterpretedIntent, PromiseTerms } from '../../domain/replies.js';
import { readChinese } from './chinese.js';
import { readEnglish } from './english.js';
import type { ReplyHit } from './types.js';
import { today } from './when.js';

export { ENGLISH_REPLY_RULES } from './english-rules.js';
export { CHINESE_REPLY_RULES } from './chinese-rules.js';

/** Only this much of a reply is read. */
export const MAX_REPLY_CHARS = 2000;

export interface ReplyContext {
  /** A hint only: both languages are always read, since replies mix them ("Stop 别再发了"). */
  locale?: string;
  channel: Channel;
  receivedAt: Date;
  /** IANA zone for "Friday" and "tomorrow"; UTC when absent. */
  timeZone?: string;
}

const HAN = /\p{Script=Han}/u;
const ZH_PERIOD = /下周|下星期|下礼拜|这周|本周|周末|下个?月|过两天|过几天|发工资|工资下来|发薪|月底/;
const STRONG = /\b(?:promise|definitely|guarantee|for sure|will def)\b|保证|一定|肯定|承诺|答应/;
/** Intents a person must handle, whatever else the reply says. */
const FOR_A_PERSON: ReadonlySet<Intent> = new Set(['dispute', 'hardship', 'complaint', 'question', 'callback']);
/** Pairs that cannot both be true: a person decides. */
const CONFLICTS: ReadonlyArray<[Intent, Intent]> = [
  ['promise', 'dispute'],
  ['promise', 'paid-already'],
  ['promise', 'wrong-number'],
  ['paid-already', 'wrong-number'],
  ['paid-already', 'dispute'],
];

/** Every rule's match, each with why it does not count (null: it counts). */
export function explainReply(
  text: string,
  o: ReplyContext,
): { hits: Array<ReplyHit & { matched: string }>; truncated: boolean } {
  const { hits, truncated } = read(text, o);
  return { hits, truncated };
}

function read(text: string, o: ReplyContext) {
  const truncated = text.length > MAX_REPLY_CHARS;
  const t = truncated ? text.slice(0, MAX_REPLY_CHARS) : text;
  const day = today(o.receivedAt, o.timeZone ?? 'UTC');
  const en = readEnglish(t, day);
  const zh = HAN.test(t) ? readChinese(t, day) : null;
  const hits = [...en.hits, ...(zh?.hits ?? [])].sort((a, b) => a.start - b.start);
  // A question whose sentence is a revocation or a request for a call ("can you stop texting me?") is that.
  const asks = new Set(
    hits
      .filter((h) => !h.suppressed && (h.rule.intent === 'revoke' || h.rule.intent === 'callback'))
      .map((h) => h.sentence),
  );
  for (const h of hits)
    if (h.rule.intent === 'question' && !h.suppressed && asks.has(h.sentence))
      h.suppressed = 'a request, not a question';
  for (const a of zh?.asked ?? [])
    if (!asks.has(a.sentence) && !hits.some((h) => h.rule.intent === 'question' && h.sentence === a.sentence))
      hits.push({
        rule: { rule: 'zh-question-mark', intent: 'question', pattern: /？/g },
        start: a.start,
        end: a.end,
        clause: '',
        after: '',
        suppressed: null,
        channels: [],
        sentence: a.sentence,
      });
  // A promise needs a date, an amount or a period somewhere, or a word that makes it one ("I promise").
  const dates = [...en.dates, ...(zh?.dates ?? [])];
  const amounts = [...en.amounts, ...(zh?.amounts ?? [])];
  const firm =
    dates.length > 0 ||
    amounts.length > 0 ||
    en.periods.length > 0 ||
    ZH_PERIOD.test(t) ||
    STRONG.test(t.toLowerCase());
  for (const h of hits)
    if (h.rule.intent === 'promise' && !h.suppressed && !firm) h.suppressed = 'vague: no date, amount or period';
  return { hits: hits.map((h) => ({ ...h, matched: t.slice(h.start, h.end) })), truncated, t, en, zh };
}

function nearest<T extends { sentence: number; at: number }>(
  xs: T[],
  h: ReplyHit,
  paidSentences: Set<number>,
): T | undefined {
  const same = xs.filter((x) => x.sentence === h.sentence);
  if (same.length) return same.sort((a, b) => Math.abs(a.at - h.end) - Math.abs(b.at - h.end))[0];
  return xs.find((x) => !paidSentences.has(x.sentence));
}

export function interpretReply(text: string, o: ReplyContext): Interpretation {
  const { hits, truncated, t, en, zh } = read(text, o);
  const active = hits.filter((h) => !h.suppressed);
  const paidSentences = new Set(active.filter((h) => h.rule.intent === 'paid-already').map((h) => h.sentence));
  const intents: InterpretedIntent[] = [];
  for (const h of active) {
    const seen = intents.find((i) => i.intent === h.rule.intent);
    if (h.rule.intent === 'revoke') {
      const scope = h.channels.length ? h.channels : h.rule.scope === 'all' ? [...CHANNELS] : [o.channel];
      if (seen) seen.scope = CHANNELS.filter((c) => seen.scope!.includes(c) || scope.includes(c));
      else
        intents.push({
          intent: 'revoke',
          rule: h.rule.rule,
          matched: h.matched,
          scope: CHANNELS.filter((c) => scope.includes(c)),
        });
      continue;
    }
    if (seen) continue;
    const i: InterpretedIntent = { intent: h.rule.intent, rule: h.rule.rule, matched: h.matched };
    if (h.rule.intent === 'promise') {
      const terms: PromiseTerms = {};
      const d = nearest([...en.dates, ...(zh?.dates ?? [])], h, paidSentences);
      const a = nearest([...en.amounts, ...(zh?.amounts ?? [])], h, paidSentences);
      if (d) terms.date = d.date;
      if (a) terms.amount = a.amount;
      i.promise = terms;
    }
    intents.push(i);
  }
  if (intents.length === 0) intents.push({ intent: 'other', rule: 'nothing-matched', matched: t.trim() });
  const has = (x: Intent) => intents.some((i) => i.intent === x);
  const words = en.words + (zh?.chars ?? 0) / 2;
  // A revocation explained away only by what it quotes or names ("Reply STOP to opt out", "opt out of the plan") is uncertain.
  const uncertain =
    !has('revoke') &&
    hits.some((h) => h.rule.intent === 'revoke' && /^(?:quoted|another thing)/.test(h.suppressed ?? ''));
  const needsPerson =
    truncated ||
    uncertain ||
    intents.some((i) => FOR_A_PERSON.has(i.intent)) ||
    (has('wrong-number') && intents.length > 1) ||
    CONFLICTS.some(([a, b]) => has(a) && has(b)) ||
    (has('other') && words > 4);
  return { intents, needsPerson, truncated };
}
