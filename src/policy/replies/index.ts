/**
 * The reply interpreter (pure): what a borrower's reply to a reminder means, in English and
 * Chinese, each intent with the rule that found it and the original words it matched. Rules are
 * word patterns over a normalised view (look-alike letters, zero-width and spacing tricks,
 * full-width forms and 繁體 resolved: wording/normalise.ts), each match read in its clause:
 * a negation, another sense of the word, a wish or a past payment explain it away. A revocation
 * is never outweighed: when any revoke rule fires, `revoke` is in the answer. After the rules, a
 * small learned layer (model.ts) may add an intent they did not find, never remove one; it
 * explains itself like a rule (`model-<intent>`, the words that weighed most), and a revocation
 * only it found goes to a person.
 */
import { CHANNELS, type Channel } from '../../domain/channels.js';
import type { Intent, Interpretation, InterpretedIntent, PromiseTerms } from '../../domain/replies.js';
import { readChinese } from './chinese.js';
import { readEnglish } from './english.js';
import modelEn from './model.en.json' with { type: 'json' };
import modelZh from './model.zh.json' with { type: 'json' };
import { loadModel, modelAdditions, modelFeatures, modelLang, type ReplyModelFile, scoreWith } from './model.js';
import type { ReplyHit } from './types.js';
import { chineseView } from '../wording/normalise.js';
import { ES_PERIOD } from './spanish-rules.js';
import { today } from './when.js';

export { ENGLISH_REPLY_RULES } from './english-rules.js';
export { CHINESE_REPLY_RULES } from './chinese-rules.js';

/** Only this much of a reply is read. */
export const MAX_REPLY_CHARS = 2000;

export interface ReplyContext {
  /**
   * Every language is always read, since replies mix them ("Stop 别再发了", "ya pagué, stop texting me"); `es-*`
   * reads the reply as Spanish besides (spanish.ts), as a reply whose words are mostly Spanish is.
   */
  locale?: string;
  channel: Channel;
  receivedAt: Date;
  /** IANA zone for "Friday" and "tomorrow"; UTC when absent. */
  timeZone?: string;
  /** false: the rules alone, without the learned layer (to measure them). */
  learned?: boolean;
}

const MODELS = {
  en: loadModel(modelEn as ReplyModelFile),
  zh: loadModel(modelZh as ReplyModelFile),
};

const HAN = /\p{Script=Han}/u;
/** 回TD, Ｔ Ｄ: the Chinese opt-out code on its own, spaced or full-width, is read by the Chinese rules too. */
const ZH_CODE = /^(?:回)?td$/;
const ZH_PERIOD =
  /下周|下星期|下礼拜|这周|本周|周末|下个?月|过两天|过几天|发工资|工资下来|发薪|月[底尾]|听日|后日|\b(?:ming ?tian|hou ?tian|xing ?qi ?\w+|zhou ?\w+|xia ?zhou|yue ?di)\b/;
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
  const en = readEnglish(t, day, o.locale);
  const zh = HAN.test(t) || ZH_CODE.test(chineseView(t).text) ? readChinese(t, day, 1000, o.channel) : null;
  const hits = [...en.hits, ...(zh?.hits ?? [])];
  // "🛑", "❌", "🚫📱": a reply of nothing but a stop sign (and the thing to stop) is a STOP.
  const sign = STOP_SIGN.exec(t);
  if (sign)
    hits.push({
      rule: { rule: 'revoke-stop-sign', intent: 'revoke', pattern: STOP_SIGN, scope: 'reply' },
      start: sign.index,
      end: sign.index + sign[0].length,
      clause: sign[0],
      after: '',
      suppressed: null,
      channels: [
        ...(/📞|☎/u.test(sign[0]) ? ['voice' as const] : []),
        ...(/📧|✉|📩/u.test(sign[0]) ? ['email' as const] : []),
      ],
      sentence: 0,
    });
  hits.sort((a, b) => a.start - b.start);
  // Our own message quoted back under the reply ("> Reply STOP to opt out", "On …, Reminder Team wrote:") is not the borrower's.
  const quote = QUOTED.exec(t);
  if (quote)
    for (const h of hits) if (!h.suppressed && h.start >= quote.index) h.suppressed = 'in our message quoted back';
  // A question whose sentence is a revocation or a request for a call ("can you stop texting me?") is that.
  const asks = new Set(
    hits
      .filter((h) => !h.suppressed && (h.rule.intent === 'revoke' || h.rule.intent === 'callback'))
      .map((h) => h.sentence),
  );
  for (const h of hits)
    // "Could someone call me to explain these fees?" asks for the call and for the explanation.
    if (
      h.rule.intent === 'question' &&
      !h.suppressed &&
      asks.has(h.sentence) &&
      h.rule.rule !== 'question-explain' &&
      h.rule.rule !== 'es-question-doubts' &&
      h.rule.rule !== 'es-question-explain'
    )
      h.suppressed = 'a request, not a question';
  // A "？" in Chinese is read with its clause (below), not as an English question of the Latin words beside it.
  for (const h of hits)
    if (
      h.rule.rule === 'question-mark' &&
      !h.suppressed &&
      zh?.asked.some((a) => a.start <= h.end - 1 && h.end - 1 < a.end)
    )
      h.suppressed = 'a Chinese clause asks it';
  for (const a of zh?.asked ?? [])
    if (
      (!quote || a.start < quote.index) &&
      !asks.has(a.sentence) &&
      !hits.some((h) => h.rule.intent === 'question' && h.sentence === a.sentence)
    )
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
  rhetorical(t, hits, (zh?.asked ?? []).length > 0);
  // A promise needs a date, an amount or a period somewhere, or a word that makes it one ("I promise").
  const dates = [...en.dates, ...(zh?.dates ?? [])];
  const amounts = [...en.amounts, ...(zh?.amounts ?? [])];
  const firm =
    dates.length > 0 ||
    amounts.length > 0 ||
    en.periods.length > 0 ||
    ZH_PERIOD.test(t) ||
    ES_PERIOD.test(t) ||
    zh?.firm === true ||
    STRONG.test(t.toLowerCase());
  for (const h of hits)
    if (h.rule.intent === 'promise' && !h.suppressed && !firm) h.suppressed = 'vague: no date, amount or period';
  return { hits: hits.map((h) => ({ ...h, matched: t.slice(h.start, h.end) })), truncated, t, en, zh };
}

/** A reply of stop signs only, with what to stop: 🛑, ❌❌, 🚫📱, ✋📞. */
const STOP_SIGN =
  /^[\s.!]*(?:(?:🛑|⛔|🚫|❌|✖️?|✋|🙅(?:‍[♀♂]️?)?|📵|🔕)[\s.!]*)+(?:(?:📱|📞|☎️?|📧|✉️?|📩|💬|📲)[\s.!]*)*$/u;

/** Where a quoted earlier message starts: a "> " line, an "On …, … wrote:" header, or a mail client's 原始邮件 divider. */
const QUOTED =
  /^>|^On .{0,120}wrote:\s*$|^-{2,} ?(?:Original Message|原始邮件|原始郵件) ?-{2,}|^在 .{0,60}(?:写道|寫道)[:：]/mu;
/** Asking who wrote: a question however many "?" it ends with. */
const WHO_IS_THIS = /^\W*(?:who(?: is|'s|s| are) (?:this|you|u)|what is this|what's this)\W*$/i;
/** Words that ask for information: a question that has them is a question even when the reply is angry. */
const ASKING =
  /\b(?:who|what|when|where|which|why|how)\b|(?:^|[,.]\s*)(?:can|could|do|does|is|are|will)\b|谁|吗|什么时候|多少|哪|怎么|为什么|为啥|是不是|能不能|可不可以|几号|请问|嗎|幾|點解|係咪|幾時|咩|凭什么|憑什麼|\bes (?:legal|cierto)\b/i;

/**
 * A rhetorical, angry question ("5 calls today??", "Why are you texting me at midnight?!", 半夜发什么短信？！,
 * "texting me on Thanksgiving? classy") is a complaint, not a question: one that ends in "??" or "?!", or
 * that shares its sentence with a complaint and asks for nothing.
 */
function rhetorical(t: string, hits: ReplyHit[], chinese: boolean): void {
  const complaints = hits.filter((h) => h.rule.intent === 'complaint' && !h.suppressed);
  const questions = hits.filter((h) => h.rule.intent === 'question' && !h.suppressed);
  // Sentences that end in "??" or "?!" and say something ("？？？" alone is a question); "who is this??" still asks.
  const angry = new Set(
    questions
      .filter(
        (h) =>
          !WHO_IS_THIS.test(t.slice(h.start, h.end)) &&
          (/[?？][?？!！]|[!！][?？]/.test(t.slice(Math.max(h.start, h.end - 3), h.end + 2)) ||
            // 到底要打多少次？？？: a Chinese clause that ends in ？？？ or ？！, wherever in it the question word is.
            (h.rule.rule.startsWith('zh-') &&
              /^[^?？!！。，,\n]{0,40}(?:[?？]{3}|[?？][!！]|[!！][?？])/.test(t.slice(h.end)))) &&
          /[\p{L}\p{N}]/u.test(t.slice(h.start, h.end)),
      )
      .map((h) => h.sentence),
  );
  for (const h of questions) {
    const sameClause = complaints.some(
      (c) => c.sentence === h.sentence || (c.start >= h.start - 40 && c.end <= h.end + 1 && c.start < h.end),
    );
    // 晚上十一点打电话？…我要投诉: a Chinese clause with no question word, in a reply that complains; "Calling my
    // church now? Real classy.": an English one beside the complaint's sentence.
    const echo =
      (chinese && h.rule.rule === 'zh-question-mark' && complaints.length > 0) ||
      (h.rule.rule === 'question-mark' && complaints.some((c) => Math.abs(c.sentence - h.sentence) === 1));
    if (!angry.has(h.sentence) && !((sameClause || echo) && !ASKING.test(t.slice(h.start, h.end)))) continue;
    h.suppressed = angry.has(h.sentence)
      ? 'rhetorical: an angry ?? or ?!'
      : 'rhetorical: asks nothing, beside a complaint';
    // "u mean my cousin?? this isnt her number", "a $75 fee?? not what my contract says": bewildered at a wrong
    // number, or the ground of a dispute, not a complaint of its own.
    if (!complaints.length && !hits.some((w) => /^(?:wrong-number|dispute)$/.test(w.rule.intent) && !w.suppressed))
      complaints.push({
        ...h,
        rule: { rule: 'complaint-rhetorical-question', intent: 'complaint', pattern: /[?？][?？!！]/g },
        suppressed: null,
      });
  }
  for (const c of complaints) if (!hits.includes(c)) hits.push(c);
}

function nearest<T extends { sentence: number; at: number; end?: number }>(
  xs: T[],
  h: ReplyHit,
  paidSentences: Set<number>,
  paid: readonly ReplyHit[] = [],
): T | undefined {
  // "Ya deposité $150 esta mañana, el resto lo pago el 15": the sum of a payment made before the promise is not its sum.
  const same = xs.filter(
    (x) =>
      x.sentence === h.sentence && !paid.some((p) => p.sentence === x.sentence && p.start <= x.at && x.at < h.start),
  );
  // "el viernes pagaré $200 y el quince $200": a date just before the promise's verb is its date.
  const right = same.find((x) => x.end !== undefined && x.at <= h.start && h.start - x.end <= 1);
  if (right) return right;
  if (same.length) return same.sort((a, b) => Math.abs(a.at - h.end) - Math.abs(b.at - h.end))[0];
  return xs.find((x) => !paidSentences.has(x.sentence));
}

/**
 * Intents that one reading explains away: a wrong number's "not my account" (or 核实, "check it") is not a
 * dispute of the debt; a loan "paid off in 2024" beside a dispute is the dispute's ground, not a payment now.
 */
function settle(hits: Array<ReplyHit & { matched: string }>): void {
  const live = (i: string) => hits.some((h) => h.rule.intent === i && !h.suppressed);
  // "This is my father's debt, not mine. … He died in 2022.": whoever died or moved owed it; no wrong number.
  if (
    hits.some(
      (h) =>
        !h.suppressed &&
        h.rule.intent === 'dispute' &&
        /\b[a-z]+'s (?:account|debt|loan|card|bill|balance)\b/i.test(h.matched),
    )
  )
    for (const h of hits)
      if (
        h.rule.intent === 'wrong-number' &&
        !h.suppressed &&
        /^(?:he|she|they)\b.*\b(?:moved|passed away|died)$/i.test(h.matched)
      )
        h.suppressed = "a relative's debt: the one who owed it died or moved";
  if (live('wrong-number'))
    for (const h of hits)
      if (
        h.rule.intent === 'dispute' &&
        !h.suppressed &&
        /account|mine|\bloan\b|business with|\bscam|\bcuenta|\bmi[oa]\b|prestamo|不是我的|核实|核對|核对|在你们|有你们|没欠|不欠|冇欠/i.test(
          h.clause,
        )
      )
        h.suppressed = 'a wrong number: not their account';
  // "My dad had this number, he passed away": the death of whoever held the number, not the replier's hardship.
  if (live('wrong-number'))
    for (const h of hits)
      if (
        h.rule.intent === 'hardship' &&
        !h.suppressed &&
        /^(?:passed|died|death|funeral|widow|falleci|fallecio|muri[oó]|se muri[oó])/i.test(h.matched)
      )
        h.suppressed = 'a wrong number: whoever had the number died';
  // 不用打电话了，我已经还了: no need to call, since it is paid; not a revocation (不用发了，我周五还 is one).
  if (live('paid-already') && !live('promise'))
    for (const h of hits)
      if (h.rule.intent === 'revoke' && !h.suppressed && /^(?:不用|不必|唔使|不需要)/.test(h.matched))
        h.suppressed = 'no need: already paid';
  // "Ya pagué todo, no debo nada": owing nothing because it is paid, not a dispute of the debt.
  if (live('paid-already'))
    for (const h of hits)
      if (h.rule.intent === 'dispute' && !h.suppressed && /^no (?:debo|les debo|le debo)(?: nada)?$/i.test(h.matched))
        h.suppressed = 'owes nothing: already paid';
  if (live('dispute'))
    for (const h of hits)
      if (
        h.rule.intent === 'paid-already' &&
        !h.suppressed &&
        /\b(?:in|since|back in) (?:19|20)\d\d\b|(?:19|20)\d\d年/.test(h.clause)
      )
        h.suppressed = 'paid off years ago: the ground of a dispute';
  // "Who? There's no Tasha here.": bewilderment at a wrong number, not a question.
  if (live('wrong-number'))
    for (const h of hits)
      if (
        h.rule.intent === 'question' &&
        !h.suppressed &&
        /^(?:who|huh|what|who is that|谁|谁啊|誰)\W*$/i.test(h.clause.replace(/\s*[?？]$/, ''))
      )
        h.suppressed = 'bewildered at a wrong number';
}

/** The line a reply names ("this email address", "my work phone"), or the reply's own when it names none. */
function lineOf(words: string, channel: Channel): Channel[] {
  if (/\b(?:e ?mail|email address|inbox|address)\b/.test(words)) return ['email'];
  if (/\b(?:number|phone|cell|line)\b/.test(words) && !/\b(?:texts|messages|msgs|send)\b/.test(words))
    return ['sms', 'voice'];
  return [channel];
}

export function interpretReply(text: string, o: ReplyContext): Interpretation {
  const { hits, truncated, t, en, zh } = read(text, o);
  settle(hits);
  const active = hits.filter((h) => !h.suppressed);
  const paidSentences = new Set(active.filter((h) => h.rule.intent === 'paid-already').map((h) => h.sentence));
  const intents: InterpretedIntent[] = [];
  // "I revoke my consent under the TCPA. Stop texting.": the formal words defer to the revocation that names its channels.
  const deferred = active.some((h) => h.rule.intent === 'revoke' && h.rule.scope !== 'all-unless-other');
  // "¡Basta! ya no me llamen": the exclamation defers to a revocation that names its channels.
  const named = active.some(
    (h) => h.rule.intent === 'revoke' && h.rule.scope !== 'reply-unless-other' && h.channels.length > 0,
  );
  for (const h of active) {
    const seen = intents.find((i) => i.intent === h.rule.intent);
    if (h.rule.intent === 'revoke') {
      // "only email me", "text only": the phone channels it does not name (email is no robocall or robotext).
      if (h.rule.scope === 'all-unless-other' && deferred && !h.channels.length) continue;
      if (h.rule.scope === 'reply-unless-other' && named) continue;
      const scope =
        h.rule.scope === 'line'
          ? lineOf(h.clause, o.channel)
          : h.rule.scope === 'others'
            ? (['sms', 'voice'] as const).filter(
                (c) => h.channels.length === CHANNELS.length || !h.channels.includes(c),
              )
            : h.channels.length
              ? h.channels
              : h.rule.scope === 'all' || h.rule.scope === 'all-unless-other'
                ? [...CHANNELS]
                : [o.channel];
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
      const a = nearest(
        [...en.amounts, ...(zh?.amounts ?? [])],
        h,
        paidSentences,
        active.filter((p) => p.rule.intent === 'paid-already'),
      );
      if (d) terms.date = d.date;
      if (a) terms.amount = a.amount;
      i.promise = terms;
    }
    intents.push(i);
  }
  const words = en.words + (zh?.chars ?? 0) / 2;
  // A revocation explained away only by what it quotes or names ("Reply STOP to opt out", "opt out of the plan") is uncertain.
  const uncertain = hits.some(
    (h) => h.rule.intent === 'revoke' && /^(?:quoted|another thing)/.test(h.suppressed ?? ''),
  );
  const person = (xs: InterpretedIntent[]) => {
    const has = (x: Intent) => xs.some((i) => i.intent === x);
    return (
      truncated ||
      (uncertain && !has('revoke')) ||
      xs.some((i) => FOR_A_PERSON.has(i.intent)) ||
      (has('wrong-number') && xs.length > 1) ||
      CONFLICTS.some(([a, b]) => has(a) && has(b)) ||
      (has('other') && words > 4)
    );
  };
  const byRules = intents.length ? intents : [other(t)];
  // The learned layer knows English and Chinese; a Spanish reply is the rules' alone.
  if (o.learned === false || en.spanish) return { intents: byRules, needsPerson: person(byRules), truncated };
  // An intent a rule matched and then explained away ("the bus stop", 我想下周还: vague) is the rules' to decide.
  const weighed = new Set<Intent>([...intents.map((i) => i.intent), ...hits.map((h) => h.rule.intent)]);
  const added = learned(
    t,
    weighed,
    o.channel,
    [...en.dates, ...(zh?.dates ?? [])],
    [...en.amounts, ...(zh?.amounts ?? [])],
  );
  const all = [...intents, ...added];
  if (!all.length) all.push(other(t));
  // What needed a person by the rules still does; so does a revocation only the model found.
  const needsPerson = person(byRules) || person(all) || added.some((i) => i.intent === 'revoke');
  return { intents: all, needsPerson, truncated };
}

const other = (t: string): InterpretedIntent => ({ intent: 'other', rule: 'nothing-matched', matched: t.trim() });

/**
 * The intents the learned layer adds: above its threshold, not found by the rules. Each explains
 * itself as `model-<intent>` with the three words that weighed most; a revocation is of the line
 * the reply came on, a promise takes the first date and amount the reply states.
 */
function learned(
  t: string,
  found: ReadonlySet<Intent>,
  channel: Channel,
  dates: Array<{ date: string }>,
  amounts: Array<{ amount: string }>,
): InterpretedIntent[] {
  const lang = modelLang(t);
  const scores = scoreWith(MODELS[lang], modelFeatures(t, lang));
  return modelAdditions([...found], scores).map((s) => {
    const i: InterpretedIntent = { intent: s.intent, rule: `model-${s.intent}`, matched: s.top.join(', ') };
    if (s.intent === 'revoke') i.scope = [channel];
    if (s.intent === 'promise') {
      const terms: PromiseTerms = {};
      if (dates[0]) terms.date = dates[0].date;
      if (amounts[0]) terms.amount = amounts[0].amount;
      i.promise = terms;
    }
    return i;
  });
}
