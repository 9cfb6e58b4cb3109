/**
 * The English reading of a reply: a token stream over the Latin view (look-alike letters,
 * zero-width characters and full-width forms resolved), each rule's matches located in the
 * original text, and the checks that explain a match away: a negation before it ("don't stop the
 * plan", "I can't stop worrying"), "stop" as a noun ("the bus stop"), a wish rather than a promise
 * ("I hope to pay"), "paid" as payday ("when I get paid on Friday").
 */
import type { DateTime } from 'luxon';
import { latinView, wordStream } from '../wording/normalise.js';
import { channelsNamed } from './channels.js';
import { ENGLISH_REPLY_RULES } from './english-rules.js';
import { ES_PERIOD, SPANISH_CHECKS, SPANISH_REPLY_RULES } from './spanish-rules.js';
import { ES_BESIDE_A_DAY, ES_TYPOS, ES_TYPOS_IF_SPANISH, isSpanish, unheld } from './spanish.js';
import type { ReplyHit, ReplyRule } from './types.js';
import { EN_AMOUNT, EN_DATE, englishAmount, englishDate } from './when.js';

interface Token {
  word: string;
  start: number;
  end: number;
  sentence: number;
}

/** Spelled-out letters ("s t o p", "s.t.o.p"), numbers, words, and clause punctuation. */
const TOKEN =
  /\uD83D[\uDE43\uDE44\uDE12]|\uD83E\uDD26|[a-z]+\*+[a-z]*|(?<![a-z0-9])[a-z](?:[ .\-_*]{1,3}[a-z](?![a-z0-9])){2,}|\$|\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|[a-z]+0+[a-z]+|[a-z]+(?:'[a-z]+)*|[.!?]+|[,;:()]|\n|#|\//g;

/**
 * Misspellings of the words revocations are made of, read as the word: a letter dropped ("remve my numbr",
 * "unsubcribe"), two letters swapped ("agian") or one doubled ("theese"). Built from the words, not listed
 * phrase by phrase; real words one slip away ("gain", "thee", "lease") are left alone.
 */
const SPELLED = [
  'unsubscribe',
  'remove',
  'number',
  'again',
  'these',
  'texting',
  'calling',
  'emailing',
  'messaging',
  'message',
  'messages',
  'contact',
  'contacting',
  'anymore',
  'harassing',
  'bothering',
  // Days a payment is promised for: "thursdy", "firday", "tuesdsay".
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'tomorrow',
];
const REAL_WORDS = new Set(['gain', 'thee', 'umber', 'mover', 'contract', 'texing', 'frida', 'monda', 'mailing']);
const TYPOS = new Map<string, string>([
  ['evr', 'ever'],
  ['eva', 'ever'],
  ['mor', 'more'],
  ['moar', 'more'],
  ['agn', 'again'],
  ['agen', 'again'],
  ['wen', 'when'],
  ['wensday', 'wednesday'],
  ['wendsday', 'wednesday'],
  ['thrusday', 'thursday'],
  ['thurday', 'thursday'],
  // Words run together or spelt by ear: "wilpay on the sixteen", "wat is this", "un subscribe" (joined below).
  ['wilpay', 'will pay'],
  ['willpay', 'will pay'],
  ['illpay', "i'll pay"],
  ['wat', 'what'],
  ['wats', "what's"],
]);
for (const w of SPELLED) {
  const slips = new Set<string>();
  for (let i = 0; i < w.length; i++) {
    slips.add(w.slice(0, i) + w.slice(i + 1));
    slips.add(w.slice(0, i + 1) + w[i] + w.slice(i + 1));
    if (i + 1 < w.length) slips.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
  }
  for (const s of slips)
    if (s !== w && s.length >= 4 && !REAL_WORDS.has(s) && !SPELLED.includes(s) && !TYPOS.has(s)) TYPOS.set(s, w);
}

/** Greek and Cyrillic letters that look like I or i ("QUΙT", "іn"): the letter i, not the l the confusables table makes them. */
const LOOKS_LIKE_I = /[\u0399\u03b9\u0406\u0456\u04c0\u04cf]/g;
/** 🙃 🙄 😒 🤦: an eye-roll, read as a word ("Thanks so much 🙄" is sarcasm). */
const EYE_ROLL = /^(?:\uD83D[\uDE43\uDE44\uDE12]|\uD83E\uDD26)$/;

/** The reply's tokens; `spanish`: Spanish spelling slips read as the word too ("yamen", "devo"). */
export function tokens(text: string, spanish = false): Token[] {
  const n = latinView(text.replace(LOOKS_LIKE_I, 'i'));
  const view = n.text.replace(/[\u2018\u2019\u02bc`]/g, "'");
  const out: Token[] = [];
  let sentence = 0;
  for (const m of view.matchAll(TOKEN)) {
    const raw = m[0];
    const span = { start: n.map[m.index]!, end: n.map[m.index + raw.length - 1]! + 1 };
    let word: string;
    if (raw === '\n' || /^[.!?]+$/.test(raw)) word = raw.includes('?') ? '?' : '.';
    else if (/^[,;:()]$/.test(raw)) word = ',';
    else if (raw === '#') word = 'number';
    else if (EYE_ROLL.test(raw)) word = 'eyeroll';
    // "f***ing", "sh*t": a masked swear word.
    else if (/^[a-z]+\*/.test(raw)) word = 'expletive';
    else if (/^[a-z][ .\-_*]/.test(raw)) word = raw.replace(/[^a-z]/g, '');
    // A zero inside a word is the letter o ("St0p").
    else if (/^[a-z]+0+[a-z]+$/.test(raw)) word = raw.replace(/0/g, 'o');
    // "1k", "2.5k": a k after digits is a thousand, not the k of "k" for "que".
    else if (raw === 'k' && /^\d/.test(out[out.length - 1]?.word ?? '')) word = 'k';
    else {
      const w = spanish ? unheld(raw) : raw;
      word = ES_TYPOS.get(w) ?? (spanish ? ES_TYPOS_IF_SPANISH.get(w) : undefined) ?? TYPOS.get(w) ?? w;
    }
    const last = out[out.length - 1];
    // Runs of punctuation (". ." or "\n\n") are one break.
    if (/^[.,?]$/.test(word) && last && /^[.,?]$/.test(last.word)) {
      if (word !== ',' && last.word === ',') last.word = word;
      continue;
    }
    if (word === ',' && !last) continue;
    out.push({ word, ...span, sentence });
    if (word === '.' || word === '?') sentence++;
  }
  return out;
}

const NEGATORS =
  /^(?:not|never|no|don't|dont|do|doesn't|didn't|didnt|won't|wont|can't|cant|cannot|couldn't|wouldn't|shouldn't|isn't|aren't|haven't|havent|hasn't|hadn't|ain't|aint|nor|without)$/;
const CONDITION = /^(?:if|unless|when|til|till|until|or|otherwise|and)$/;
const NOUN_BEFORE =
  /^(?:the|a|bus|next|last|full|pit|truck|rest|one|that|this|your|my|first|final|door|gas|train|subway|tram|non|cant|can't|cannot|never|don't|dont)$/;
const THIRD_PARTY =
  /^(?:(?:texting|txting|calling|contacting|emailing|messaging|bothering|harassing) )?(?:my|our) (?:mom|mother|mum|dad|father|family|employer|boss|wife|husband|kids|children|parents|sister|brother|references|friends|neighbou?rs|relatives|son|daughter|grandma|grandmother|coworkers|colleagues)\b(?!'s (?:house|home|place|landline|number|phone))/;
const OTHER_OBJECT =
  /^(?:me )?(?:(?:of|from|off) )?(?:the |my |this |your )?(?:payment plan|plan|autopay|auto pay|insurance|program|newsletter|promotions?|marketing|offers|arbitration|paperless|paper (?:statements?|bills?|billing|mail)|mailed statements|mailing list for (?:offers|promotions))\b|^as (?:a |an |the )?(?:cosigner|co signer|guarantor|authori[sz]ed user|reference)\b/;
/** "don't worry, I'll pay Friday", "no worries": reassurance, not a negation of what follows. */
const REASSURANCE = /^(?:worry|worries|stress|panic|fret|trip|sweat|freak)$/;
const WISH =
  /^(?:hope|hoping|hopefully|try|trying|wish|maybe|might|possibly|like|want|wanna|if|could|eventually|someday)$/;

/** A word that names a contact: "never do this again" is a revocation only beside one. */
const CONTACT_WORD =
  /^(?:texts?|texting|calls?|calling|e ?mails?|emailing|messages?|messaging|voicemails?|reminders?|robocalls?|notifications?|msgs?)$/;

/** Capitalised words after "I'm not" or "Not" that are no one's name. */
const NOT_A_NAME =
  /^(?:i|sure|able|ready|going|paying|the|today|now|yet|me|him|her|us|them|interested|really|true|possible|mine|yours|ok|okay|good|fair|happy|cool|right|correct|again|anymore|likely|legit|here|there|this|that|it|at|so|even|quite|enough|paid|late|working|available|home|done|responsible|liable)$/;

/** Jabs in a question's form: "Are you serious?", "who trained your staff?", "How many times do I have to tell you". */
const RHETORICAL =
  /^(?:(?:is|was|isn't) (?:that|this|it) (?:supposed|meant) to (?:scare|intimidate|frighten|threaten|shame|make me)|how is (?:that|this|it) (?:even )?(?:ok|okay|legal|fair|acceptable|right|allowed)|how many (?:more )?times (?:are|will|is|do|does|have|has) (?:you|u|y'all|yall|your \w+|they)|(?:do|does) (?:you|u|you people|y'all|yall|you guys|anyone|anybody) (?:even )?(?:check|read|proofread|look at) (?:anything|these|this|your|before)|(?:do|did) (?:you|u|y'all|yall|you people) (?:even )?(?:know|realize|realise|understand|care|get)(?! (?:when|what|how|where|who|if|whether|why|which)\b)|(?!(?:how|so|too|very|that|this|not|pretty|as|thank|thanks|owe|is|it|much)\b)[a-z]+ much(?= \?|$)|how dare|(?:are|r) (?:you|u|y'all|yall|you people|you guys) (?:serious|kidding(?: me)?|joking|for real|insane|crazy|nuts|out of your minds?)|seriously|really|for real|who (?:trained|hired|raised|taught) (?:your|these|those|them|you)|how many (?:more )?times (?:do|did|have|must|should|am) (?:i|we)|(?:do|will|don't|dont|won't|wont) (?:you|u|you people|y'all|yall|you guys) ever (?:stop|quit|give up|learn|listen|sleep|rest|take a break)|what an? (?!question)\w+|(?:which|who)(?: one)?(?: of (?:you|y'all|yall|your \w+|them))? (?:is|are|was|'s) lying)\b[^?]{0,40}(?:\?|$)|^(?:(?:do|does|did|will|don't|dont|won't|wont) (?:you|u|you people|y'all|yall|you guys|your \w+) ever (?:get tired|tire|feel bad|feel guilty|feel ashamed|think)|who (?:sends|texts|calls|emails|does|says|talks|treats|threatens|harasses|leaves|would)\b)[^?]{0,100}(?:\?|$)/;

function rhetorical(ts: Token[], first: number): string | null {
  const asked = ts
    .filter((t) => t.sentence === ts[first]!.sentence)
    .map((t) => t.word)
    .join(' ');
  const m = RHETORICAL.exec(asked);
  return m ? `rhetorical: ${m[0]}` : null;
}

/** "I'll have it paid off by the 20th": paid in the future, a promise, not a payment made. */
function futurePaid(before: string[]): string | null {
  return before.includes('have') &&
    before.some((w) => /^(?:i'll|ill|will|gonna|going|should|shall|can|could|i'd|would|must)$/.test(w))
    ? `future: ${before.join(' ')} paid`
    : null;
}

/** Whether words[k] negates what follows: "do" only as "do not", "no" not right before the match, no reassurance. */
function negates(words: string[], k: number, before: number): boolean {
  const w = words[k]!;
  return (
    NEGATORS.test(w) &&
    !(w === 'do' && words[k + 1] !== 'not') &&
    !(w === 'no' && k >= before - 1) &&
    !REASSURANCE.test(words[k + 1] ?? '')
  );
}

/** The words of the clause just before a match, at most n. */
function clauseBefore(ts: Token[], first: number, n: number): string[] {
  const out: string[] = [];
  for (let i = first - 1; i >= 0 && out.length < n; i--) {
    if (/^[.,?]$/.test(ts[i]!.word)) break;
    out.unshift(ts[i]!.word);
  }
  return out;
}

type Check = (ts: Token[], first: number, last: number) => string | null;

/** Checks added against the sixth tuning part, each a family of readings that are not what the rule looks for. */
const ROUND6_CHECKS: Record<string, Check> = {
  // "we haven't been paid during the shutdown": wages not received, not a payment made.
  'not-paid': (ts, first) => {
    const prev = clauseBefore(ts, first, 1)[0] ?? '';
    return /^(?:haven't|havent|hasn't|hasnt|not|never|wasn't|weren't|ain't|aint)$/.test(prev)
      ? `not paid: ${prev}`
      : null;
  },
  // "I've paid on time for two years": a habit, not a claim that this balance is paid ("I paid on time" is one).
  habit: (ts, first, last) => {
    const m =
      /^(?:(?:on time )?(?:every (?:month|time|week|single month)|for (?:\w+ )?(?:years|months))|always|like clockwork)\b/.exec(
        wordsAfter(ts, last),
      );
    return m || clauseBefore(ts, first, 3).includes('always') ? `a habit: paid ${m?.[0] ?? 'always'}` : null;
  },
  // "Stop sending letters to my house": paper mail, no channel of ours ("stop sending letters and texts" names one).
  letters: (ts, _first, last) => {
    const after = wordsAfter(ts, last);
    const paper =
      /^(?:me )?(?:(?:the|these|those|your|any|all|all the|all these) )?(?:letters?|paper mail|postal mail|snail mail)\b/;
    return paper.test(after) && !/\b(?:texts?|messages?|calls?|e ?mails?|sms)\b/.test(after)
      ? `paper mail: ${after}`
      : null;
  },
  // "If I pay today, will the calls stop?": asking what a payment brings, not asking for the calls to stop.
  'asks-when': (ts, first) => {
    const before = ts
      .slice(0, first)
      .filter((t) => t.sentence === ts[first]!.sentence)
      .map((t) => t.word);
    const asks = before.some((w) => /^(?:will|would|do|does|did)$/.test(w));
    const cond = before.some((w) => /^(?:if|once|after)$/.test(w));
    return asks && cond ? `asks what follows: ${before.join(' ')}` : null;
  },
  // "Reply STOP to opt out? lol": our own instruction echoed as a question, asking nothing.
  echo: (ts, first, last) => {
    const words = ts
      .slice(first, last + 1)
      .map((t) => t.word)
      .join(' ');
    return /^(?:reply|text|txt|send) (?:stop|end|quit|cancel|unsubscribe) to (?:opt out|unsubscribe|stop|cancel)\b/.test(
      words,
    )
      ? 'our instruction echoed'
      : null;
  },
};

/** Checks added against the seventh tuning part. */
const ROUND7_CHECKS: Record<string, Check> = {
  // "I cancelled my card with the bank so the autopay failed": the card that pays, not the debt, was cancelled.
  'payment-card': (ts, first) => {
    const s = ts
      .filter((t) => t.sentence === ts[first]!.sentence)
      .map((t) => t.word)
      .join(' ');
    const m =
      /\b(?:autopay|auto pay|card on file|(?:payment|it|transfer|draft) (?:failed|bounced|was declined|got declined|didn't go through)|pay (?:another|a different|some other) way|(?:new|another|a different) card)\b/.exec(
        s,
      );
    return m ? `a payment card: ${m[0]}` : null;
  },
  // "Can you use 555-0163 instead?": a change of records asked about, not a number to call.
  'not-asked': (ts, first) => {
    const s = ts.filter((t) => t.sentence === ts[first]!.sentence);
    return s[s.length - 1]?.word === '?' ? 'asked, not told' : null;
  },
  // "Your rep promised me a call back Monday": a call promised before, reported, not one asked for now.
  'reported-call': (ts, first) => {
    const w = clauseBefore(ts, first, 6).find((x) =>
      /^(?:promised|promise|supposed|said|told|never|waiting|expected)$/.test(x),
    );
    return w ? `a call reported: ${w}` : null;
  },
  // "The texts don't bother me": a statement about the texts, not a request to the sender.
  statement: (ts, first) => {
    const prev = clauseBefore(ts, first, 1)[0] ?? '';
    return /^(?:it|they|texts|calls|messages|emails|reminders|that|this|which|these|those|he|she|i|we|who)$/.test(prev)
      ? `a statement: ${prev} ${ts[first]!.word}`
      : null;
  },
};

/** Checks added against the eighth tuning part. */
const ROUND8_CHECKS: Record<string, Check> = {
  // "I quit my job to start my own business, things are picking up", "… but I'm managing": a change the borrower is
  // coping with, not a plight.
  coping: (ts) => {
    const m =
      /\b(?:(?:i'm|im|i am|we're|we are) (?:managing|coping|back on (?:my|our) feet)|(?<!(?:was|were|been|not|isn't|aren't) )doing (?:ok|okay|fine|alright|well|better|good)(?= [.,?]|$| (?:now|again|so far|though|thanks)\b)|things are (?:picking up|looking up|getting better|better|good)|business is (?:picking up|good|growing))\b/.exec(
        ts.map((t) => t.word).join(' '),
      );
    return m ? `coping: ${m[0]}` : null;
  },
  // "my shift at the hospital", "I'm a nurse at the hospital": the hospital as a workplace, not an illness.
  workplace: (ts, first, last) => {
    if (!/^hospital/.test(ts[last]!.word)) return null;
    const near = ts
      .slice(Math.max(0, first - 5), last + 6)
      .map((t) => t.word)
      .join(' ');
    const m = /\b(?:shift|work|working|job|nurse|doctor|aide|tech|staff|employee|i work)\b/.exec(near);
    return m ? `a workplace: ${m[0]}` : null;
  },
  // "I can't pay the full amount at once": a plan asked about, not a plight ("I can't pay, I lost my job" is one).
  'not-all-at-once': (ts, _first, last) => {
    const m =
      /^(?:(?:it|this|the (?:full|whole|entire) (?:amount|balance|bill|thing)|everything|all of it) )?(?:all )?(?:at once|in one (?:go|payment|lump)|in full (?:right now|now|at once))\b/.exec(
        wordsAfter(ts, last),
      );
    return m ? `not all at once: ${m[0]}` : null;
  },
  // "does paying today avoid the fee", "will paying on the 5th help": a payment asked about, not promised.
  'asked-about': (ts, first) => {
    const prev = clauseBefore(ts, first, 1)[0] ?? '';
    return /^paying$/.test(ts[first]!.word) && /^(?:does|do|would|will|is|if|about|can|could|did)$/.test(prev)
      ? `asked about: ${prev} paying`
      : null;
  },
  // "did my payment from Tuesday go through?": whether it went through, asked, not a payment claimed.
  'asks-whether': (ts, first) => {
    const s = ts.filter((t) => t.sentence === ts[first]!.sentence);
    return /^(?:did|has|was|is|does)$/.test(s[0]?.word ?? '') && s[s.length - 1]?.word === '?'
      ? `asks whether: ${s[0]!.word}`
      : null;
  },
};

function check(name: string, ts: Token[], first: number, last: number, original: string): string | null {
  const back = (n: number) => {
    const out: Token[] = [];
    for (let i = first - 1; i >= 0 && out.length < n; i--) {
      if (/^[.,?]$/.test(ts[i]!.word)) break;
      out.unshift(ts[i]!);
    }
    return out;
  };
  const firstWord = ts[first]!.word;
  if (name === 'negation') {
    // A negator in the clause just before the match, or inside it ("please dont call me"), unless a
    // condition turns it round ("if you don't stop calling").
    const words = [...back(4), ...ts.slice(first, last + 1)].map((t) => t.word);
    const before = back(4).length;
    const i = words.findIndex((_, k) => negates(words, k, before));
    if (i < 0 || words.slice(0, i).some((w) => CONDITION.test(w))) return null;
    return `negation: ${words.slice(i).join(' ')}`;
  }
  if (name === 'noun-stop') {
    const prev = back(1)[0]?.word ?? '';
    if (NOUN_BEFORE.test(prev)) return `noun: ${prev} stop`;
    const next = ts[last + 1]?.word ?? '';
    if (/^(?:by|in|at|sign|light|over|worrying|the)$/.test(next)) return `another sense: stop ${next}`;
    return null;
  }
  if (name === 'caps') {
    const o = original.slice(ts[first]!.start, ts[first]!.end);
    return /^[A-Z\u0400-\u04ff\uff21-\uff3a]{3,}$/.test(o) || /^S\W*T\W*O\W*P$/.test(o)
      ? null
      : 'lower case: a word, not the keyword';
  }
  if (name === 'wish') {
    const w = back(4).find((t) => WISH.test(t.word));
    return w ? `wish: ${w.word}` : null;
  }
  if (name === 'name') {
    // "I'm not Jennifer": a name, written with a capital, not "I'm not sure" or "Not today".
    const o = original.slice(ts[last]!.start, ts[last]!.end);
    return /^\p{Lu}/u.test(o) && !NOT_A_NAME.test(ts[last]!.word) ? null : 'not a name';
  }
  if (name === 'name-inside') {
    // "There's no Tasha here", "I don't know any Robert Gaines": a capitalised word after the first, not "no money here".
    for (let i = first + 1; i <= last; i++) {
      const o = original.slice(ts[i]!.start, ts[i]!.end);
      if (/^\p{Lu}\p{Ll}/u.test(o) && !/^(?:i|here|there|one|body|the|this|that|money|way|problem)$/.test(ts[i]!.word))
        return null;
    }
    return 'not a name';
  }
  if (name === 'condition-after') {
    // "Will the calls stop once I'm on a payment plan?": when they will stop, not a request that they do.
    const c = /^(?:once|if|when|after|until|as soon as)\b/.exec(wordsAfter(ts, last));
    return c ? `a condition: ${c[0]}` : null;
  }
  if (name === 'hardship-noun') {
    // "your hardship department", "an approved hardship deferral": the lender's programme, not the borrower's plight.
    const next = ts[last + 1]?.word ?? '';
    return /^hardship$/.test(ts[last]!.word) &&
      /^(?:department|dept|team|program|programme|deferral|plan|option|options|application|form|line|unit|desk)$/.test(
        next,
      )
      ? `a programme: hardship ${next}`
      : null;
  }
  if (name === 'third-party') {
    // "stop calling my mom": a request about someone else, not a revocation of the borrower's own contact.
    const m = THIRD_PARTY.exec(wordsAfter(ts, last));
    return m ? `about a third party: ${m[0]}` : null;
  }
  if (name === 'other-object') {
    // "opt out of the payment plan", "unsubscribe me from the newsletter": not the reminders.
    const m = OTHER_OBJECT.exec(wordsAfter(ts, last));
    return m ? `another thing: ${m[0]}` : null;
  }
  if (name === 'time-limit') {
    // "Please don't call me before noon" (as "Don't call before noon, I work nights"): a time, not a revocation.
    const m =
      /^(?:me |this number |my \w+ )?(?:before|after|until|till|til|during|between|past|this early|so early|so late|at night|late at night|in the (?:morning|evening)|on (?:weekends|sundays|saturdays|holidays)|at (?:\d+|night|dinner|dinnertime))\b/.exec(
        wordsAfter(ts, last),
      );
    return m ? `a time, not a revocation: ${m[0]}` : null;
  }
  if (name === 'names-contact') {
    // "Please, never do this again": "this" is a text or a call only when the reply speaks of one.
    return ts.some((t) => CONTACT_WORD.test(t.word)) ? null : 'names no contact';
  }
  if (name === 'halt-action') {
    // "Stop! Before you charge the fee, …": halting one action of ours, not the contact.
    const next = ts.slice(last + 1, last + 8).map((t) => t.word);
    while (next.length && /^[.,?]$/.test(next[0]!)) next.shift();
    const m =
      /^(?:before (?:you|u) (?:charge|debit|take|process|run|add|cancel|report)|wait|hold on|(?:don't|do not|dont) (?:charge|debit|take|process|run|cash|deposit|report))\b/.exec(
        next.join(' '),
      );
    return m ? `halting an action: ${m[0]}` : null;
  }
  if (name === 'rhetorical') return rhetorical(ts, first);
  if (name === 'hypothetical') {
    const w = back(3).find((t) => /^(?:if|unless|whether)$/.test(t.word));
    return w ? `hypothetical: ${w.word}` : null;
  }
  if (name === 'quoted') {
    // "Reply STOP to opt out": our own message's instruction, quoted back.
    const sentence = ts
      .filter((t) => t.sentence === ts[first]!.sentence)
      .map((t) => t.word)
      .join(' ');
    const q =
      /\b(?:reply|replying|text|txt|send|type|respond) (?:with )?(?:stop|unsubscribe|end|quit|td|cancel)\b|\bclick (?:here|unsubscribe|the link|below)\b/.exec(
        sentence,
      );
    if (q) return `quoted: ${q[0]}`;
    // "回复TD退订": a keyword right after Chinese "reply", quoted from our message.
    const pre = original.slice(Math.max(0, ts[first]!.start - 4), ts[first]!.start);
    return /(?:回复|回覆|输入|輸入|发送|發送)\s*$/.test(pre) ? `quoted: ${pre.trim()}${ts[first]!.word}` : null;
  }
  if (name === 'past') {
    const p = back(3).find((t) => /^(?:made|sent|did|paid|submitted|was|already|mailed)$/.test(t.word));
    return p ? `past: ${p.word}` : null;
  }
  if (name === 'payday') {
    const cond = back(4).find((t) => /^(?:when|once|after|until|til|till|if|before)$/.test(t.word));
    if (cond) return `condition: ${cond.word}`;
    const prev = back(1)[0]?.word ?? '';
    if (/^(?:get|getting|gets|got|be|being|will|i'll|ill)$/.test(prev) || /^(?:get|getting|gets)$/.test(firstWord))
      return `payday: ${prev} paid`;
    return futurePaid(back(4).map((t) => t.word));
  }
  return null;
}

/** The words after a match in its clause, and on through a list of channels ("stop calling, texting and emailing me"). */
function wordsAfter(ts: Token[], last: number): string {
  const out: string[] = [];
  for (let i = last + 1; i < ts.length && out.length < 10; i++) {
    const w = ts[i]!.word;
    // "Stop the texts but you can still email me": what follows "but" is allowed, not stopped.
    if (w === '.' || w === '?' || w === 'but') break;
    // "stop calling and just mail me": the channel asked for after "and", not another one stopped.
    if (
      w === 'and' &&
      /^(?:(?:just|only|instead) )?(?:e ?mail|mail|write|text|txt|call|send|contact|message) (?:me|to me)\b/.test(
        ts
          .slice(i + 1, i + 4)
          .map((t) => t.word)
          .join(' '),
      )
    )
      break;
    // "Stop the calls, texting is fine": a channel allowed after the comma, not another one stopped.
    if (w === ',' && /^(?:is|are|'s)$/.test(ts[i + 2]?.word ?? '')) break;
    if (
      w === ',' &&
      !/^(?:texting|calling|emailing|messaging|phoning|ringing|or|and)$/.test(ts[i + 1]?.word ?? '') &&
      // "by phone, text, or email": a list of channels.
      !(
        /^(?:text|texts|sms|email|emails|phone|calls)$/.test(ts[i + 1]?.word ?? '') &&
        /^(?:,|or|and)$/.test(ts[i + 2]?.word ?? '')
      )
    )
      break;
    out.push(w);
  }
  return out.join(' ');
}

export interface EnglishReading {
  hits: ReplyHit[];
  dates: Array<{ date: string; sentence: number; at: number; end?: number }>;
  amounts: Array<{ amount: string; sentence: number; at: number }>;
  periods: number[];
  vague: number[];
  words: number;
  /** Read as Spanish (spanish.ts): the locale says so, or most of its words are Spanish. */
  spanish: boolean;
}

/**
 * A time to pay that is no calendar day: "next week", "payday", and the money it waits for ("when I get my tax
 * refund", "as soon as my check clears", "once my disability check comes in").
 */
const PERIOD =
  /\b(?:in (?:a|one|two|three|four|\d+|a couple(?: of)?|a few|few) (?:weeks?|wks?)|(?:the )?(?:first|second|third|last|1st|2nd|3rd) (?:week|half) of|end of (?:the |this |next )?week|next week|this week|this weekend|the weekend|payday|pay day|next month|few days|couple (?:of )?days|end of (?:the )?week|(?:when|once|as soon as|after) (?:i (?:get|receive) |my |the )(?:[a-z]+ ){0,2}?(?:check|paycheck|refund|disability|benefits|unemployment|stimulus|bonus|settlement|pension|social security|ssi|ssdi|insurance|tax return|inheritance|back pay|severance)\b)/g;
const VAGUE =
  /\b(?:soon|asap|eventually|someday|sometime|when i can|as soon as|when i get|if i can|once i|when possible|at some point|later|in the future|one day|when things|when able|whenever)\b/g;

/** The words a reply that only names a day may have beside it: "Jan 5th I promise", "Sat the 12th, whole thing". */
const BESIDE_A_DAY =
  /^(?:i|promise|swear|whole|thing|the|all|of|it|in|full|ok|okay|k|sure|then|latest|at|by|on|or|before|sat|sun|mon|tue|wed|thu|thur|[.,])$/;
const DAY_ALONE: ReplyRule = { rule: 'promise-day-alone', intent: 'promise', pattern: EN_DATE };

/**
 * A reply that names a day and nothing else ("day after tomorrow", "first of the year", "Jan 5th I promise"): the day
 * it will pay. Not a question ("Friday?" asks), nor a day beside anything but a sum and a pledge.
 */
function dayAlone(stream: string, ts: Token[], spanish: boolean): ReplyHit | null {
  if (!ts.length || ts.length > 10 || ts.some((t) => t.word === '?')) return null;
  let rest = stream.replace(new RegExp(EN_DATE.source, 'g'), ' ').replace(new RegExp(EN_AMOUNT.source, 'g'), ' ');
  // "la próxima quincena", "el viernes sin falta": a Spanish period, or a day with the words that go with it.
  if (spanish) rest = rest.replace(new RegExp(ES_PERIOD.source, 'giu'), ' ');
  if (!rest.split(' ').every((w) => !w || BESIDE_A_DAY.test(w) || (spanish && ES_BESIDE_A_DAY.test(w)))) return null;
  return {
    rule: DAY_ALONE,
    start: ts[0]!.start,
    end: ts[ts.length - 1]!.end,
    clause: stream,
    after: '',
    suppressed: null,
    channels: [],
    sentence: 0,
  };
}

export function readEnglish(text: string, day: DateTime, locale?: string): EnglishReading {
  const plain = tokens(text);
  const spanish = isSpanish(
    plain.map((t) => t.word),
    locale,
  );
  const ts = spanish ? tokens(text, true) : plain;
  const { stream, wordAt: tokenAt } = wordStream(ts);
  const sentences = new Map<number, string>();
  const sentenceWords = (s: number) => {
    let w = sentences.get(s);
    if (w === undefined)
      sentences.set(
        s,
        (w = ts
          .filter((t) => t.sentence === s)
          .map((t) => t.word)
          .join(' ')),
      );
    return w;
  };
  const hits: ReplyHit[] = [];
  for (const rule of [...ENGLISH_REPLY_RULES, ...SPANISH_REPLY_RULES]) {
    rule.pattern.lastIndex = 0;
    for (const m of stream.matchAll(rule.pattern)) {
      if (!m[0].trim()) continue;
      let first = tokenAt(m.index + (m[0].length - m[0].trimStart().length));
      let last = tokenAt(m.index + m[0].trimEnd().length - 1);
      while (first < last && /^[.,?]$/.test(ts[first]!.word)) first++;
      while (last > first && /^[.,]$/.test(ts[last]!.word)) last--;
      let suppressed: string | null = null;
      for (const c of rule.checks ?? []) {
        if (c === 'question') continue;
        suppressed =
          ROUND6_CHECKS[c]?.(ts, first, last) ??
          ROUND7_CHECKS[c]?.(ts, first, last) ??
          ROUND8_CHECKS[c]?.(ts, first, last) ??
          SPANISH_CHECKS[c]?.(ts, first, last) ??
          check(c, ts, first, last, text);
        if (suppressed) break;
      }
      const afterWords = wordsAfter(ts, last);
      const { named, all } = channelsNamed(rule.own ? m[0] : `${m[0]} ${afterWords}`, false);
      hits.push({
        rule,
        start: ts[first]!.start,
        end: ts[last]!.end,
        clause: sentenceWords(ts[first]!.sentence),
        after: afterWords,
        suppressed,
        channels: named.length ? named : all ? ['sms', 'voice', 'email'] : [],
        sentence: ts[first]!.sentence,
      });
    }
  }
  const at = (m: RegExpMatchArray) => ts[tokenAt(m.index!)]!;
  // "after the 1st": from a day on, not on it; a period, no date.
  const after = (m: RegExpMatchArray) => /\b(?:after|past) $/.test(stream.slice(Math.max(0, m.index! - 6), m.index));
  const dates = [...stream.matchAll(EN_DATE)].flatMap((m) => {
    const date = after(m) ? undefined : englishDate(m[0], day);
    const end = ts[tokenAt(m.index! + m[0].length - 1)]!.end;
    return date ? [{ date, sentence: at(m).sentence, at: at(m).start, end }] : [];
  });
  const amounts = [...stream.matchAll(EN_AMOUNT)].flatMap((m) => {
    const amount = englishAmount(m);
    return amount ? [{ amount, sentence: at(m).sentence, at: at(m).start }] : [];
  });
  const periods = [
    ...[...stream.matchAll(PERIOD)].map((m) => at(m).sentence),
    ...[...stream.matchAll(EN_DATE)].filter(after).map((m) => at(m).sentence),
  ];
  const vague = [...stream.matchAll(VAGUE)].map((m) => at(m).sentence);
  const alone = dayAlone(stream, ts, spanish);
  if (alone && (dates.length || (spanish && ES_PERIOD.test(text)))) hits.push(alone);
  return { hits, dates, amounts, periods, vague, words: ts.filter((t) => /[a-z0-9]/.test(t.word)).length, spanish };
}
