/**
 * Wording rules (pure): threats, insults, profanity and fake legal or government wording, in
 * English and Chinese. Matching is robust to case, full-width characters and inserted spaces
 * ("a r r e s t", "arr est", "起 诉"), and works on whole words in English so that "policy",
 * "issue" and "pursue" are not "police" and "sue". Sources: FDCPA §806/§807, 12 CFR
 * 1006.14(c)–(g), 1006.18; NIFA collection convention (2018) art. 16; CBA guideline (2026).
 */

export type Severity = 'error' | 'warning';

export interface WordingFinding {
  severity: Severity;
  rule: string;
  message: string;
  /** Offsets into the text that was checked. */
  start: number;
  end: number;
}

interface EnglishRule {
  rule: string;
  severity: Severity;
  message: string;
  /** Over the token stream: lower-case words joined by single spaces. */
  pattern: RegExp;
}

interface ChineseRule {
  rule: string;
  severity: Severity;
  message: string;
  /** Over the text with spaces and punctuation removed. */
  pattern: RegExp;
}

const W = (words: string) => new RegExp(`\\b(?:${words})\\b`, 'g');

export const ENGLISH_RULES: readonly EnglishRule[] = [
  {
    rule: 'threat-violence',
    severity: 'error',
    message: 'threatens violence or harm',
    pattern: W("kill(?:ed|ing)?|violence|violent|(?:hurt|harm|beat|find) you|break your \\w+|you(?:'ll| will) regret|watch your back|or else"),
  },
  {
    rule: 'threat-arrest',
    severity: 'error',
    message: 'threatens arrest, jail or the police',
    pattern: W('arrest(?:ed|s|ing)?|jail(?:ed|s)?|prison|imprison(?:ed|ment)?|incarcerat\\w*|locked up|handcuff\\w*|police|cops?|sheriff|warrants?'),
  },
  {
    rule: 'threat-legal-action',
    severity: 'error',
    message: 'threatens legal action (a lawsuit, court) — only lawful when actually intended, and not in an automated reminder',
    pattern: W('sue|sued|suing|lawsuits?|legal action|legal proceedings|litigation|take you to court|courts?|judge|judgm?ents?|summons(?:es)?|subpoenas?|our (?:attorneys?|lawyers?)'),
  },
  {
    rule: 'threat-seizure',
    severity: 'error',
    message: 'threatens seizure, garnishment or repossession',
    pattern: W(
      'seiz(?:e|ed|es|ing|ure)|garnish(?:ed|es|ing|ment)?|repossess(?:ed|ion|ing)?|confiscat\\w*|foreclos\\w*|levy|liens?|freeze your (?:account|assets|wages)|take your (?:house|home|car|property|wages|salary|pay)',
    ),
  },
  {
    rule: 'third-party-disclosure',
    severity: 'error',
    message: 'threatens to tell the borrower’s family, employer or contacts',
    pattern: W(
      '(?:tell|contact|inform|notify|call|email|text|alert|visit|message) (?:your |all your |\\w+ )?(?:family|relatives|employer|boss|manager|coworkers|co-workers|colleagues|friends|neighbou?rs|contacts|workplace|spouse|parents|references)',
    ),
  },
  {
    rule: 'home-visit',
    severity: 'error',
    message: 'threatens a visit to the borrower’s home or work',
    pattern: W('(?:come|visit|show up|turn up|stop by) (?:to|at) your (?:home|house|door|work|office|workplace)'),
  },
  {
    rule: 'publish-debt',
    severity: 'error',
    message: 'threatens to publish the debt or shame the borrower',
    pattern: W(
      'publish\\w*|publicly|(?:post|share|put|spread)\\w* (?:\\w+ ){0,3}(?:online|on social media|on facebook|on the internet)|shame|shaming|expose|humiliat\\w*|tell everyone|everyone will know|blacklist\\w*|name and shame',
    ),
  },
  {
    rule: 'fake-legal',
    severity: 'error',
    message: 'imitates legal or government documents',
    pattern: W(
      'official notice|legal notice|final warning|final notice|court order|government (?:agency|official|notice|action)|federal (?:agents?|agency|government|law|crime|offen[cs]e|investigation)|irs|department of justice|fbi|criminal|crimes?|(?:commit\\w*|charged? with|guilty of|investigated for) fraud|fraudulent|felony|prosecut\\w*|deport\\w*|immigration',
    ),
  },
  {
    rule: 'insult',
    severity: 'error',
    message: 'insults the borrower',
    pattern: W('deadbeats?|losers?|stupid|idiots?|moron\\w*|lazy|liars?|scum|pathetic|worthless|irresponsible|thie(?:f|ves)|cheat(?:er|ers|ing)?|useless|disgrace\\w*|shameful|freeloader\\w*'),
  },
  { rule: 'profanity', severity: 'error', message: 'profanity', pattern: W('fuck\\w*|shit\\w*|damn\\w*|bastards?|bitch\\w*|crap(?:py)?|assholes?|hell|piss\\w*|dick') },
];

export const CHINESE_RULES: readonly ChineseRule[] = [
  { rule: 'threat-violence', severity: 'error', message: '暴力威胁 (threatens violence)', pattern: /弄死|打死|打断|后果自负|小心你|收拾你|找人收拾|派人|要你好看|砍/g },
  {
    rule: 'threat-arrest',
    severity: 'error',
    message: '以拘留、坐牢或报警相威胁 (threatens arrest, jail or the police)',
    pattern: /逮捕|拘留|坐牢|判刑|入狱|监狱|抓你|抓捕|警察|公安|报警|派出所|通缉/g,
  },
  { rule: 'threat-legal-action', severity: 'error', message: '以诉讼相威胁 (threatens legal action)', pattern: /起诉|诉讼|法院|传票|律师函|法律行动|追究.{0,4}法律责任|立案|强制执行/g },
  { rule: 'threat-seizure', severity: 'error', message: '以查封、扣押相威胁 (threatens seizure)', pattern: /查封|扣押|冻结|拍卖|没收|扣工资|扣押工资/g },
  {
    rule: 'third-party-disclosure',
    severity: 'error',
    message: '扬言告知家人、单位或通讯录联系人 (threatens to tell family, employer or contacts)',
    pattern:
      /通讯录|(?:通知|告诉|联系|打电话给|致电|找|告知|发给|发送给)(?:您的|你的)(?:家人|家属|亲友|亲戚|朋友|同事|单位|领导|公司|邻居|父母|配偶|紧急联系人)|(?:通知|告诉|告知|打电话给|致电)(?:您|你)?(?:家人|家属|亲友|亲戚|同事|单位|领导|邻居|父母|配偶|紧急联系人)/g,
  },
  { rule: 'home-visit', severity: 'error', message: '扬言上门 (threatens a home or work visit)', pattern: /上门|登门|到您家|到你家|去您单位|去你单位/g },
  { rule: 'publish-debt', severity: 'error', message: '扬言曝光或公开债务 (threatens to publish the debt)', pattern: /曝光|公之于众|公开您的|公开你的|朋友圈|微博|贴出|黑名单|失信/g },
  {
    rule: 'fake-legal',
    severity: 'error',
    message: '冒充法律或政府文书 (imitates legal or government documents)',
    pattern: /最后通牒|最后警告|法院通知|检察院|公安局|政府部门|官方通知|红头文件|刑事|涉嫌犯罪|构成犯罪|涉嫌诈骗|诈骗罪|恶意透支|上征信|征信黑名单/g,
  },
  { rule: 'insult', severity: 'error', message: '侮辱性言辞 (insults the borrower)', pattern: /老赖|骗子|无赖|废物|不要脸|丢人|可耻|人渣|蠢货/g },
  { rule: 'profanity', severity: 'error', message: '脏话 (profanity)', pattern: /他妈|妈的|傻逼|傻b|混蛋|王八蛋|操你/g },
];

interface Normalised {
  text: string;
  /** For each character of `text`, the offset of the character it came from. */
  map: number[];
}

/** NFKC (full-width → ASCII), lower case, keeping a map back to the original offsets. */
function normalise(input: string, keep: (ch: string) => boolean): Normalised {
  let text = '';
  const map: number[] = [];
  let offset = 0;
  for (const cp of input) {
    const n = cp.normalize('NFKC').toLowerCase();
    for (const ch of n) {
      if (keep(ch)) {
        text += ch;
        map.push(offset);
      }
    }
    offset += cp.length;
  }
  return { text, map };
}

interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD_CHAR = /[a-z0-9']/;

function tokens(n: Normalised): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < n.text.length) {
    if (!WORD_CHAR.test(n.text[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n.text.length && WORD_CHAR.test(n.text[j]!)) j++;
    out.push({ word: n.text.slice(i, j).replace(/^'+|'+$/g, ''), start: n.map[i]!, end: n.map[j - 1]! + 1 });
    i = j;
  }
  return out.filter((t) => t.word.length > 0);
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
    } else {
      out.push(ts[i]!);
      i++;
    }
  }
  return out;
}

function matchStream(ts: Token[], rules: readonly EnglishRule[]): WordingFinding[] {
  // The stream with token boundaries; a match is mapped back through the token offsets.
  let stream = '';
  const starts: number[] = [];
  for (const t of ts) {
    if (stream.length > 0) stream += ' ';
    starts.push(stream.length);
    stream += t.word;
  }
  const tokenAt = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const out: WordingFinding[] = [];
  for (const r of rules) {
    r.pattern.lastIndex = 0;
    for (const m of stream.matchAll(r.pattern)) {
      const first = ts[tokenAt(m.index)]!;
      const last = ts[tokenAt(m.index + m[0].length - 1)]!;
      out.push({ severity: r.severity, rule: r.rule, message: r.message, start: first.start, end: last.end });
    }
  }
  return out;
}

const WHOLE = new Map<EnglishRule, RegExp>();
const wholeOf = (r: EnglishRule) => {
  let re = WHOLE.get(r);
  if (!re) {
    re = new RegExp(`^(?:${r.pattern.source})$`);
    WHOLE.set(r, re);
  }
  return re;
};

/** Two or three adjacent fragments that only make a flagged word together ("arr est", "pol ice"). */
function splitWords(ts: Token[], rules: readonly EnglishRule[]): WordingFinding[] {
  const out: WordingFinding[] = [];
  for (let i = 0; i < ts.length; i++) {
    for (let span = 2; span <= 3 && i + span <= ts.length; span++) {
      const parts = ts.slice(i, i + span);
      if (parts.some((p) => p.word.length > 6)) continue;
      const joined = parts.map((p) => p.word).join('');
      for (const r of rules) {
        const whole = wholeOf(r);
        // Only a fragment split: the pieces on their own must not already be ordinary words of the rule.
        if (whole.test(joined) && !parts.some((p) => whole.test(p.word))) {
          out.push({ severity: r.severity, rule: r.rule, message: r.message, start: parts[0]!.start, end: parts[span - 1]!.end });
        }
      }
    }
  }
  return out;
}

function english(text: string): WordingFinding[] {
  const n = normalise(text, () => true);
  const ts = tokens(n);
  return [...matchStream(ts, ENGLISH_RULES), ...matchStream(joinSpelledOut(ts), ENGLISH_RULES), ...splitWords(ts, ENGLISH_RULES)];
}

function chinese(text: string): WordingFinding[] {
  // Spaces and punctuation removed, so "起 诉" and "起-诉" read as 起诉.
  const n = normalise(text, (ch) => /[\p{L}\p{N}]/u.test(ch));
  const out: WordingFinding[] = [];
  for (const r of CHINESE_RULES) {
    r.pattern.lastIndex = 0;
    for (const m of n.text.matchAll(r.pattern)) {
      out.push({ severity: r.severity, rule: r.rule, message: r.message, start: n.map[m.index]!, end: n.map[m.index + m[0].length - 1]! + 1 });
    }
  }
  return out;
}

const HAN = /\p{Script=Han}/u;

/** Every wording finding in a text, English and Chinese rules both applied, de-duplicated. */
export function lintWording(text: string): WordingFinding[] {
  // Every Chinese rule needs a Han character (Kangxi radicals and compatibility ideographs are Han
  // too), so a text without one skips them: most rendered messages are not Chinese.
  const all = HAN.test(text) ? [...english(text), ...chinese(text)] : english(text);
  const seen = new Set<string>();
  return all
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((f) => {
      const key = `${f.rule}:${f.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
