/**
 * English wording rules over a token stream (lower-case words joined by single spaces), after
 * normalisation: look-alike letters resolved, invisible characters dropped, leetspeak decoded
 * ("4rr3st", "ja1l", "g@rnish"), letters spelled out with separators joined ("a-r-r-e-s-t",
 * "s.u.e"), and split words rejoined ("arr est"). A finding in a sentence that promises not to do
 * the act, warns against impostors, or names a place or a job is suppressed, and says why.
 */
import { latinView, wordStream } from './normalise.js';
import { type Hit, type Rule, W } from './types.js';

/** Who a disclosure is aimed at, as a noun after "your" (or on its own: "the family"). */
const AUDIENCE =
  "(?:boss|employer|manager|supervisor|hr department|hr|colleagues|coworkers|co workers|workmates|team at work|family|whole family|extended family|wife|husband|partner|spouse|girlfriend|boyfriend|fianc[ée]e?|parents|mother|father|mum|mom|dad|son|daughter|kids|children|brothers?|sisters?|siblings|cousins|aunts?|uncles?|grandparents|grandmother|grandfather|in laws|relatives|relations|neighbou?rs|(?<=(?:your|the|whole|entire) )(?:street|block|building)|neighbou?rhood|village|town|community|congregation|church|church community|pastor|priest|mosque|temple|synagogue|parish|landlord|roommates?|flatmates?|housemates?|teammates|classmates|friends|best friend|references|followers|contacts|(?:kids'?|children'?s?) school|everyone at your work|everyone you know)";
/** Everyone in a place of the borrower's life ("everyone at your church", "people in your building"). */
const CIRCLE =
  "(?:everyone|everybody|people|all the people|the whole \\w+|half (?:of )?(?:your|the) \\w+) (?:at|in|from|on|around) your (?:church|congregation|mosque|temple|synagogue|parish|work|workplace|job|office|company|team|department|building|street|block|neighbou?rhood|estate|town|village|community|family|life|phone|contacts|school|kids'? school|children'?s school|gym|club|circle)";
/** Adverbs between "will" and the learning ("will soon all know"); no negation among them. */
const ADVERB =
  '(?:soon|all|also|quickly|finally|surely|definitely|certainly|then|be|too|now|very soon|every one of them)';
/** What the audience will do when it learns: hear, find out, know, talk. */
const LEARN_EN =
  '(?:know|knows|find out|finds out|found out|hears?|hear about|learn|learns|learn about|discover|discovers|be told|be informed|be notified|be made aware|be aware|become aware|receive|get a call|get the (?:full |whole )?story|hear the (?:full |whole )?story|think|like to hear|to hear|to know|read about|be reading about|be talking|talk about|be asking|wonder why|gossip|see (?:who|what|the truth|you for))';

export const ENGLISH_RULES: readonly Rule[] = [
  {
    rule: 'threat-violence',
    message: 'threatens violence or harm',
    pattern: W(
      "kill(?:ed|ing)?|violence|violent|(?:hurt|harm|beat|find|get) you|hunt(?:ed|ing)? (?:you|him|her|them)(?: down)?|ruin(?:ed)? (?:you|your (?:life|family|reputation|name|career|marriage|business))|break your \\w+|you(?:'ll| will) regret|watch your back|or else",
    ),
  },
  {
    rule: 'threat-arrest',
    message: 'threatens arrest, jail or the police',
    pattern: W(
      'arrest(?:ed|s|ing)?|jail(?:ed|s)?|prison|imprison(?:ed|ment)?|incarcerat\\w*|locked up|lock you up|handcuff\\w*|police|cops?|sheriff|warrants?|law enforcement',
    ),
  },
  {
    rule: 'threat-legal-action',
    message:
      'threatens legal action (a lawsuit, court) — only lawful when actually intended, and not in an automated reminder',
    pattern: W(
      'sue|sued|suing|file suit|lawsuits?|legal action|legal proceedings|litigation|take you to court|courts?|judge|judgm?ents?|summons(?:es)?|subpoenas?|our (?:attorneys?|lawyers?)|(?:attorneys?|lawyers?) will|the case against you',
    ),
  },
  {
    rule: 'threat-seizure',
    message: 'threatens seizure, garnishment or repossession',
    pattern: W(
      'seiz(?:e|ed|es|ing|ure)|garnish(?:ed|es|ing|ment)?|repossess(?:ed|ion|ing)?|confiscat\\w*|foreclos\\w*|levy|liens?|bailiffs?|freeze your (?:accounts?|assets|wages|savings)|take your (?:house|home|car|property|wages|salary|pay|savings)',
    ),
  },
  {
    rule: 'third-party-disclosure',
    message: 'threatens to tell, or implies telling, the borrower’s family, employer, neighbours or contacts',
    pattern: W(
      [
        '(?:tell|contact|inform|notify|call|email|text|alert|visit|message|write to|speak to|talk to|reach out to|let) (?:your |all your |\\w+ )?(?:family|relatives|employer|boss|manager|hr|coworkers|co-workers|colleagues|friends|neighbou?rs|contacts|workplace|spouse|wife|husband|parents|references|mother|father)',
        `(?:${AUDIENCE}|${CIRCLE})(?:'s)? (?:(?:will|is going to|are going to|would|might|is|are|shall|could|may) )?(?:${ADVERB} ){0,2}(?:be the next to hear|be (?:hearing|getting|receiving) (?:from us|a call|calls|letters?|the full story|all about)|${LEARN_EN})`,
        `(?:if|once|when|before) (?:your |all your |the )?(?:${AUDIENCE}|${CIRCLE}) (?:found out|knew|heard|learned|learnt|discovered|were told|was told|saw)`,
        "we have (?:your |the )?(?:employer'?s?|boss'?s?|family'?s?|parents'?|numbers of everyone|everyone)",
        '(?:word|news|the story|gossip) (?:will|is going to|could|would|tends to) (?:get|spread|go|travel|make its way) (?:around|round|out|fast|quickly)|news travels fast|what kind of (?:person|people|borrower) you (?:really )?are',
      ].join('|'),
    ),
  },
  {
    rule: 'home-visit',
    message: 'threatens, or implies, a visit to the borrower’s home or work',
    pattern: W(
      [
        '(?:come|coming|visit|show up|turn up|stop by|drop by|come by|meet you|pay you a visit) (?:\\w+ ){0,2}(?:to|at|outside) your (?:home|house|door|front door|work|workplace|office)',
        '(?:be|wait\\w*) (?:outside|at) your (?:home|house|door|front door|work|workplace|office)|(?:call|calling) (?:round )?at your (?:home|house)|on (?:their|our|its) way to your',
        'visit your (?:home|house|office|workplace)|pay you a visit|(?:drop|stop|come|swing) by your (?:home|house|door|work|workplace|office|place)',
        '(?:money|payment|cash|the balance) (?:from you )?(?:in person )?at your (?:home|house|workplace)',
        '(?:send|sent) (?:someone|somebody|anyone|people|an? \\w+|our \\w+) (?:round |over )?to your',
        '(?:someone|somebody|an agent|a collector|people) will be sent to your',
        '(?:collectors?|agents?|bailiffs?|representatives?) (?:is |are |will be )?(?:at|outside) your',
        'knock(?:ing)? on your door|at your (?:front )?door|home visits?|a visit to your|come round|collectors? (?:is|are) coming',
      ].join('|'),
    ),
  },
  {
    rule: 'publish-debt',
    message: 'threatens to publish the debt or shame the borrower',
    pattern: W(
      [
        'publish\\w*|publicly|make (?:your debt|it|this) public|(?:post|share|put|spread)\\w* (?:\\w+ ){0,3}(?:online|on social media|on facebook|on the internet)',
        '(?:post|share|send|put|circulate|spread)\\w* your (?:photo|picture|face|image|name|debt)',
        'your (?:photo|picture|face|image) will|(?:in|to) your (?:\\w+ )?(?:groups?|group chat)|everyone in your (?:contacts|phone|phone book|network)|all your (?:followers|contacts)',
        "shame|shaming|expose|humiliat\\w*|embarrass you|tell everyone|everyone will know|blacklist\\w*|name and shame|tag you in|local (?:news)?paper|on a poster|list of people who (?:do not|don't|never|refuse to) pay",
      ].join('|'),
    ),
  },
  {
    rule: 'fake-legal',
    message: 'imitates legal or government documents',
    pattern: W(
      'official notice|legal notice|final warning|final notice|court order|government (?:agency|official|notice|action)|federal (?:agents?|agency|authority|government|law|crime|offen[cs]e|investigation)|irs|department of justice|fbi|criminal|crimes?|(?:commit\\w*|charged? with|guilty of|investigated for) fraud|fraudulent|felony|prosecut\\w*|deport(?!es\\b)\\w*|immigration',
    ),
  },
  {
    rule: 'false-authority',
    message:
      'claims an official consequence the sender cannot impose (a prosecutor, a warrant, a blacklist, a travel ban)',
    pattern: W(
      'district attorney|travel ban|banned from (?:leaving|travel\\w*|flying)|not be allowed to (?:travel|leave)|(?:passport|visa|driving licen[cs]e|license) (?:will be |is being )?(?:revoked|cancelled|canceled|seized|suspended|withdrawn)|the authorities|tax (?:office|authorities)|national (?:debtor )?(?:blacklist|register)|not be able to get a job',
    ),
  },
  {
    rule: 'surveillance',
    message: 'tells the borrower they are watched or found (“we know where you live”)',
    pattern: W(
      [
        "we know (?:where you|where your|which school|what car|when you are in|when you're in|exactly where|your (?:address|routine|schedule|movements|daily)|you were)",
        'we have been (?:watching|following|tracking)|following your movements|tracked you down|where to find you|we will find you|find you wherever|wherever you go',
        "(?:can't|cannot|can not) hide from us|no point hiding|nowhere to hide|people in your area|we see you (?:are )?still going to work",
      ].join('|'),
    ),
  },
  {
    rule: 'veiled-threat',
    message: 'a veiled threat: menace without naming the act',
    pattern: W(
      [
        "regret (?:it|this|that)|(?:you(?:'ll| will) be|end up) sorry|wish (?:they|you) hadn'?t|at your (?:own )?peril|you have been warned",
        'things (?:will|could|are going to) get (?:ugly|nasty|very bad)|find out what happens|want to find out what|see what happens|what happens to people',
        'something (?:bad )?(?:to )?happens? to you|(?:shame|pity) (?:if|to lose)|think (?:about|of) your (?:family|children|kids|job) before|the hard way|do this the easy way|(?:money|get paid),? one way or another',
        "make your life (?:very )?(?:difficult|hard|hell|miserable|a misery)|(?:there will be|face the|suffer the) consequences|(?:don't|do not|dont) (?:make|force) us|come looking for you|(?:you(?:'ll| will)|going to) pay for this",
      ].join('|'),
    ),
  },
  {
    rule: 'insult',
    message: 'insults the borrower',
    pattern: W(
      'deadbeats?|losers?|stupid|idiots?|moron\\w*|lazy|liars?|scum|pathetic|worthless|irresponsible|thie(?:f|ves)|cheat(?:er|ers|ing)?|useless|disgrace\\w*|shameful|freeloader\\w*',
    ),
  },
  {
    rule: 'profanity',
    message: 'profanity',
    pattern: W('fuck\\w*|shit\\w*|damn\\w*|bastards?|bitch\\w*|crap(?:py)?|assholes?|hell|piss\\w*|dick'),
  },
];

interface Token {
  word: string;
  start: number;
  end: number;
}

/** Digits and symbols that stand for letters inside a word (obscenity's leetspeak table, with 1 and | read as i or l). */
const LEET: Record<string, [string, string]> = {
  '0': ['o', 'o'],
  '1': ['i', 'l'],
  '3': ['e', 'e'],
  '4': ['a', 'a'],
  '5': ['s', 's'],
  '6': ['g', 'g'],
  '7': ['t', 't'],
  '@': ['a', 'a'],
  $: ['s', 's'],
  '|': ['i', 'l'],
  '!': ['i', 'i'],
};
/** Stands in the working text for a letter of another script that no Latin letter resembles (see `softLetters`). */
const WILD = '\ue000';
const RUN = /[a-z0-9'@$|!\ue000]+/g;
/** Letters of alphabetic scripts other than Latin (Cyrillic, Greek, Armenian, Cherokee…): the ones a look-alike trick borrows. */
const FOREIGN_LETTER = /\p{L}/u;
// eslint-disable-next-line no-control-regex -- any character outside ASCII
const NON_ASCII = /[^\u0000-\u007f]/;
const NOT_FOREIGN = /[\p{Script=Latin}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The normalised text with each character that came from a letter of another alphabet marked: the
 * look-alike table maps "у" to "y" and "и" to "n", which is right for a "yes" and wrong for an
 * "sиe" or a "hуnt" (a Cyrillic letter standing for the `u` it does not resemble). Where such a
 * letter has no Latin reading at all it becomes WILD, so it no longer splits the word.
 */
function softLetters(original: string, text: string, map: number[]): { text: string; soft: boolean[] } {
  // Most texts are ASCII, or have no letter of another alphabet: nothing is soft.
  if (!NON_ASCII.test(original)) return { text, soft: [] };
  let out = '';
  const soft: boolean[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const cp = original.codePointAt(map[i]!)!;
    if (cp < 0x80) {
      soft.push(false);
      out += ch;
      continue;
    }
    const from = String.fromCodePoint(cp);
    const foreign = cp >= 0x80 && FOREIGN_LETTER.test(from) && !NOT_FOREIGN.test(from);
    soft.push(foreign);
    out += foreign && !/[a-z]/.test(ch) ? WILD : ch;
  }
  return { text: out, soft };
}

/** Every word the rules spell out (the vocabulary a borrowed letter may stand in for), by rule list. */
const VOCABULARY = new WeakMap<readonly Rule[], Set<string>>();
const vocabularyOf = (rules: readonly Rule[]) => {
  let v = VOCABULARY.get(rules);
  if (!v) VOCABULARY.set(rules, (v = new Set(rules.flatMap((r) => r.pattern.source.match(/[a-z]{3,}/g) ?? []))));
  return v;
};
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/**
 * Words the rules spell out only around the act ("you will regret", "la vamos a"): no split
 * fragment is read as one of them, so they give no start.
 */
const GLUE =
  /^(?:you|your|yours|the|will|and|are|for|with|our|have|has|had|not|all|can|get|who|what|this|that|them|him|her|out|about|been|was|were|would|could|might|going|into|from|there|they|their|when|now|too|very|then|una|los|las|del|que|sus|con|por|para|tus|nos|les|todos|todas|todo|usted)$/;
/** The rules by the first three letters of each word they spell out that can stand for the act. */
const STARTS = new WeakMap<readonly Rule[], Map<string, Rule[]>>();
const startsOf = (rules: readonly Rule[]) => {
  let v = STARTS.get(rules);
  if (!v) {
    v = new Map();
    for (const r of rules)
      for (const w of new Set(r.pattern.source.match(/[a-z]{3,}/g) ?? []))
        if (!GLUE.test(w)) {
          const list = v.get(w.slice(0, 3)) ?? [];
          if (!list.includes(r)) list.push(r);
          v.set(w.slice(0, 3), list);
        }
    STARTS.set(rules, v);
  }
  return v;
};

/**
 * A word of Latin letters with one or two letters of another alphabet in it ("sиe", "rцin",
 * "hуnt"): read each borrowed letter as any Latin letter, and keep the reading that makes a word of
 * the rules (a whole-word match first, then any word the rules spell out). A word that makes none
 * is left as the look-alike table read it, and a WILD letter splits it as before.
 */
function resolveSoft(word: string, softAt: number[], rules: readonly Rule[]): string | null {
  const latin = [...word].filter((c, i) => /[a-z]/.test(c) && !softAt.includes(i)).length;
  if (softAt.length === 0 || softAt.length > 2 || latin < 2 || latin < softAt.length + 1) return null;
  const any = anyWholeOf(rules);
  const vocabulary = vocabularyOf(rules);
  const plain = word.replaceAll(WILD, '');
  if (!word.includes(WILD) && (any.test(plain) || vocabulary.has(plain))) return null;
  const candidates: string[] = [];
  const fill = (w: string[], k: number) => {
    if (k === softAt.length) {
      candidates.push(w.join(''));
      return;
    }
    for (const l of LETTERS) {
      w[softAt[k]!] = l;
      fill(w, k + 1);
    }
  };
  fill([...word], 0);
  return candidates.find((c) => any.test(c)) ?? candidates.find((c) => vocabulary.has(c)) ?? null;
}

/** Tokens of the normalised text, twice: leet read with 1 as i, and with 1 as l ("ja1l", "ki11"). */
function tokenStreams(
  original: string,
  normalised: string,
  map: number[],
  rules: readonly Rule[],
): [Token[], Token[] | null] {
  const a: Token[] = [];
  const b: Token[] = [];
  let ambiguous = false;
  const { text, soft } = softLetters(original, normalised, map);
  const push = (raw: string, from: number, softAt: number[]) => {
    const span = { start: map[from]!, end: map[from + raw.length - 1]! + 1 };
    if (!/[a-z]/.test(raw)) {
      const digits = raw.replace(/[^0-9]/g, '');
      if (digits) {
        a.push({ word: digits, ...span });
        b.push({ word: digits, ...span });
      }
      return;
    }
    let wa = '';
    let wb = '';
    for (const ch of raw) {
      const l = LEET[ch];
      wa += l ? l[0] : ch;
      wb += l ? l[1] : ch;
    }
    const ra = resolveSoft(wa, softAt, rules);
    const rb = resolveSoft(wb, softAt, rules);
    if ((ra === null && wa.includes(WILD)) || (rb === null && wb.includes(WILD))) {
      // No reading: the borrowed letter splits the word, as any other character would.
      let at = 0;
      for (const part of raw.split(WILD)) {
        if (part) push(part, from + at, []);
        at += part.length + 1;
      }
      return;
    }
    wa = ra ?? wa;
    wb = rb ?? wb;
    if (wa !== wb) ambiguous = true;
    a.push({ word: wa.replace(/^'+|'+$/g, ''), ...span });
    b.push({ word: wb.replace(/^'+|'+$/g, ''), ...span });
  };
  for (const m of text.matchAll(RUN)) {
    let raw = m[0];
    let from = m.index;
    const lead = /^['!|]+/.exec(raw)?.[0].length ?? 0;
    raw = raw.slice(lead);
    from += lead;
    raw = raw.replace(/['!|]+$/, '');
    if (!raw) continue;
    const softAt = [...raw].flatMap((_, i) => (soft[from + i] ? [i] : []));
    push(raw, from, softAt);
  }
  return [a.filter((t) => t.word), ambiguous ? b.filter((t) => t.word) : null];
}

/**
 * Runs of three or more single letters ("a r r e s t", "s.u.e") become one word. With `keepLead`,
 * a one-letter word before the run stays a word of its own ("vamos a d-e-m-a-n-d-a-r").
 */
function joinSpelledOut(ts: Token[], keepLead = false): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < ts.length) {
    let j = i;
    while (j < ts.length && ts[j]!.word.length === 1 && /[a-z]/.test(ts[j]!.word)) j++;
    if (keepLead && j - i >= 4 && /^[aeiouy]$/.test(ts[i]!.word)) out.push(ts[i++]!);
    if (j - i >= 3) {
      out.push({
        word: ts
          .slice(i, j)
          .map((t) => t.word)
          .join(''),
        start: ts[i]!.start,
        end: ts[j - 1]!.end,
      });
      i = j;
    } else out.push(ts[i++]!);
  }
  return out;
}

function matchStream(ts: Token[], rules: readonly Rule[]): Hit<Token>[] {
  const { stream, wordAt: tokenAt } = wordStream(ts);
  const out: Hit<Token>[] = [];
  for (const r of rules) {
    r.pattern.lastIndex = 0;
    for (const m of stream.matchAll(r.pattern))
      out.push({
        rule: r,
        tokens: ts,
        first: tokenAt(m.index),
        last: tokenAt(m.index + m[0].length - 1),
        matched: m[0],
      });
  }
  return out;
}

const WHOLE = new Map<Rule, RegExp>();
const wholeOf = (r: Rule) => {
  let re = WHOLE.get(r);
  if (!re) WHOLE.set(r, (re = new RegExp(`^(?:${r.pattern.source})$`)));
  return re;
};

/** Any of the rules' whole-word patterns: most joined fragments match none, and one test says so. */
const ANY_WHOLE = new WeakMap<readonly Rule[], RegExp>();
const anyWholeOf = (rules: readonly Rule[]) => {
  let re = ANY_WHOLE.get(rules);
  if (!re) ANY_WHOLE.set(rules, (re = new RegExp(`^(?:${rules.map((r) => `(?:${r.pattern.source})`).join('|')})$`)));
  return re;
};

/** Two or three adjacent fragments that only make a flagged word together ("arr est", "pol ice"). */
function splitWords(ts: Token[], rules: readonly Rule[]): Hit<Token>[] {
  const out: Hit<Token>[] = [];
  const starts = startsOf(rules);
  for (let i = 0; i < ts.length; i++) {
    if (ts[i]!.word.length > 6) continue;
    let joined = ts[i]!.word;
    // Every word a rule matches starts with one of that rule's spelled-out stems: most fragments
    // start with none, and a map look-up says which rules to try.
    const candidates = starts.get(`${joined}${ts[i + 1]?.word ?? ''}`.slice(0, 3));
    if (!candidates) continue;
    for (let span = 2; span <= 3 && i + span <= ts.length; span++) {
      const next = ts[i + span - 1]!.word;
      if (next.length > 6) break;
      joined += next;
      const parts = ts.slice(i, i + span);
      for (const r of candidates) {
        const whole = wholeOf(r);
        // Only a fragment split: the pieces on their own must not already be ordinary words of the rule.
        if (whole.test(joined) && !parts.some((p) => whole.test(p.word)))
          out.push({ rule: r, tokens: ts, first: i, last: i + span - 1, matched: joined });
      }
    }
  }
  return out;
}

/** The matches of Latin-script rules (English, Spanish: one list, so the text is read once). */
export function latinHits(text: string, rules: readonly Rule[] = ENGLISH_RULES): Hit<Token>[] {
  const n = latinView(text);
  const [a, b] = tokenStreams(text, n.text, n.map, rules);
  const streams = b ? [a, b] : [a];
  return streams.flatMap((ts) => {
    const joined = joinSpelledOut(ts);
    const kept = joinSpelledOut(ts, true);
    return [
      ...matchStream(ts, rules),
      // Only where letters were spelled out does the joined stream differ from the words.
      ...(joined.length === ts.length ? [] : matchStream(joined, rules)),
      // Only where a one-letter word stood before a spelled-out run does keeping it apart differ.
      ...(kept.length === joined.length ? [] : matchStream(kept, rules)),
      ...splitWords(ts, rules),
    ];
  });
}
