/**
 * English wording rules over a token stream (lower-case words joined by single spaces), after
 * normalisation: look-alike letters resolved, invisible characters dropped, leetspeak decoded
 * ("4rr3st", "ja1l", "g@rnish"), letters spelled out with separators joined ("a-r-r-e-s-t",
 * "s.u.e"), and split words rejoined ("arr est"). A finding in a sentence that promises not to do
 * the act, warns against impostors, or names a place or a job is suppressed, and says why.
 */
import { latinView, wordStream } from './normalise.js';
import { type Hit, type Rule, W } from './types.js';

export const ENGLISH_RULES: readonly Rule[] = [
  {
    rule: 'threat-violence',
    message: 'threatens violence or harm',
    pattern: W(
      "kill(?:ed|ing)?|violence|violent|(?:hurt|harm|beat|find|get) you|break your \\w+|you(?:'ll| will) regret|watch your back|or else",
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
        "(?:boss|employer|manager|hr department|colleagues|coworkers|co-workers|team at work|family|wife|husband|partner|spouse|parents|mother|father|mum|mom|dad|in-laws|neighbou?rs|street|village|town|community|friends|relatives|references|followers|(?:kids'?|children'?s?) school|everyone at your work|everyone you know)(?:'s)? (?:(?:will|is going to|are going to|would|might|is|are) )?(?:be the next to hear|(?:know|knows|find out|finds out|found out|hears?|learn|learns|be told|be informed|receive|get a call|think|like to hear|to hear|to know))",
        "we have (?:your |the )?(?:employer'?s?|boss'?s?|family'?s?|parents'?|numbers of everyone|everyone)",
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
      'official notice|legal notice|final warning|final notice|court order|government (?:agency|official|notice|action)|federal (?:agents?|agency|authority|government|law|crime|offen[cs]e|investigation)|irs|department of justice|fbi|criminal|crimes?|(?:commit\\w*|charged? with|guilty of|investigated for) fraud|fraudulent|felony|prosecut\\w*|deport\\w*|immigration',
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
const RUN = /[a-z0-9'@$|!]+/g;

/** Tokens of the normalised text, twice: leet read with 1 as i, and with 1 as l ("ja1l", "ki11"). */
function tokenStreams(text: string, map: number[]): [Token[], Token[] | null] {
  const a: Token[] = [];
  const b: Token[] = [];
  let ambiguous = false;
  for (const m of text.matchAll(RUN)) {
    let raw = m[0];
    let from = m.index;
    const lead = /^['!|]+/.exec(raw)?.[0].length ?? 0;
    raw = raw.slice(lead);
    from += lead;
    raw = raw.replace(/['!|]+$/, '');
    if (!raw) continue;
    const span = { start: map[from]!, end: map[from + raw.length - 1]! + 1 };
    if (!/[a-z]/.test(raw)) {
      const digits = raw.replace(/[^0-9]/g, '');
      if (digits) {
        a.push({ word: digits, ...span });
        b.push({ word: digits, ...span });
      }
      continue;
    }
    let wa = '';
    let wb = '';
    for (const ch of raw) {
      const l = LEET[ch];
      wa += l ? l[0] : ch;
      wb += l ? l[1] : ch;
    }
    if (wa !== wb) ambiguous = true;
    a.push({ word: wa.replace(/^'+|'+$/g, ''), ...span });
    b.push({ word: wb.replace(/^'+|'+$/g, ''), ...span });
  }
  return [a.filter((t) => t.word), ambiguous ? b.filter((t) => t.word) : null];
}

/** Runs of three or more single letters ("a r r e s t", "s.u.e") become one word. */
function joinSpelledOut(ts: Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < ts.length) {
    let j = i;
    while (j < ts.length && ts[j]!.word.length === 1 && /[a-z]/.test(ts[j]!.word)) j++;
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
  const any = anyWholeOf(rules);
  for (let i = 0; i < ts.length; i++) {
    if (ts[i]!.word.length > 6) continue;
    let joined = ts[i]!.word;
    for (let span = 2; span <= 3 && i + span <= ts.length; span++) {
      const next = ts[i + span - 1]!.word;
      if (next.length > 6) break;
      joined += next;
      if (!any.test(joined)) continue;
      const parts = ts.slice(i, i + span);
      for (const r of rules) {
        const whole = wholeOf(r);
        // Only a fragment split: the pieces on their own must not already be ordinary words of the rule.
        if (whole.test(joined) && !parts.some((p) => whole.test(p.word)))
          out.push({ rule: r, tokens: ts, first: i, last: i + span - 1, matched: joined });
      }
    }
  }
  return out;
}

export function englishHits(text: string): Hit<Token>[] {
  const n = latinView(text);
  const [a, b] = tokenStreams(n.text, n.map);
  const streams = b ? [a, b] : [a];
  return streams.flatMap((ts) => [
    ...matchStream(ts, ENGLISH_RULES),
    ...matchStream(joinSpelledOut(ts), ENGLISH_RULES),
    ...splitWords(ts, ENGLISH_RULES),
  ]);
}
