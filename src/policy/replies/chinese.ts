/**
 * The Chinese reading of a reply, clause by clause (split at punctuation and line breaks), each
 * clause in the simplified letters-and-digits view, with the checks that explain a match away:
 * a negator before it (我不是要退订), a callback the borrower forbids (别给我打电话), a wish
 * (想下周还), a past payment read as a promise, a future date in a "paid" clause.
 */
import type { DateTime } from 'luxon';
import { chineseView } from '../wording/normalise.js';
import { channelsNamed } from './channels.js';
import { CHINESE_REPLY_RULES } from './chinese-rules.js';
import type { Channel } from '../../domain/channels.js';
import type { ReplyHit } from './types.js';
import { chineseAmount, chineseDate, ZH_AMOUNT, ZH_DATE } from './when.js';

const CLAUSE = /[^，。！？；、,.!?;\n～~…:：（）()“”"]+/g;

function check(name: string, clause: string, from: number, to: number, earlier: string, whole: string): string | null {
  const before = clause.slice(Math.max(0, from - 4), from);
  if (name === 'zh-quoted') {
    // 回复TD退订, 请点击退订: our own message's instruction, quoted back.
    // A reply that is only 回复TD退订 means it: the borrower copied the instruction to follow it (not 回覆STOP退訂 ok).
    const q = /(?:回复|回覆|回|点击|点|按|发送|输入)(?:td|t|stop|n|0)?$/.exec(clause.slice(0, from));
    return q && (clause !== whole || to < clause.length) ? `quoted: ${q[0]}` : null;
  }
  if (name === 'zh-question') {
    // 说了多少次: a reproach; 我记着呢: 着呢 states, it does not ask.
    if (/(?:说|讲|告诉你们)了$/.test(clause.slice(0, from))) return 'rhetorical: 说了多少次';
    return /着呢$/.test(clause.slice(from, to)) ? 'a statement: 着呢' : null;
  }
  if (name === 'zh-negation') {
    const neg = /不是|没说|并不|不会|没有要|我没|谁说|并没/.exec(before);
    return neg ? `negation: ${neg[0]}` : null;
  }
  if (name === 'zh-callback-negation') {
    const neg = /别|不要|不用|勿|不许|不准|不必|甭|停止|唔好|唔使|咪/.exec(before + clause.slice(from, to));
    return neg ? `negation: ${neg[0]}` : null;
  }
  if (name === 'zh-wish') {
    const w = /想|希望|争取|尽量|努力|看看|如果|要是|等我有钱|有钱了|有钱就|可能|也许|估计/.exec(clause.slice(0, from));
    return w ? `wish: ${w[0]}` : null;
  }
  if (name === 'zh-past') {
    const past = /已经|已于|已|昨天|前天|刚才|刚刚|上周|上个月/.exec(clause.slice(0, from));
    if (past) return `past: ${past[0]}`;
    return /^(?:过去|过来|完|清|好)?了(?!吗)/.test(clause.slice(to, to + 3)) &&
      !/明|后天|下|号|月底/.test(earlier.slice(-12) + clause.slice(0, from))
      ? 'past: 了'
      : null;
  }
  if (name === 'zh-paid-future') {
    // 明天顺路去网点停一下，把钱还了: the day may sit in the clause before.
    const f = /明天|后天|听日|下周|下星期|月底|会|准备|打算/.exec(earlier.slice(-12) + clause.slice(0, from));
    return f ? `future: ${f[0]}` : null;
  }
  return null;
}

export interface ChineseReading {
  hits: ReplyHit[];
  dates: Array<{ date: string; sentence: number; at: number }>;
  amounts: Array<{ amount: string; sentence: number; at: number }>;
  /** Clauses that end in a question mark. */
  asked: Array<{ sentence: number; start: number; end: number }>;
  chars: number;
}

/** Verbs of sending (发, 传, send): with no channel named, the channel the reply came on. */
const SEND = /发|传|寄|推|send/;

export function readChinese(text: string, day: DateTime, clauseBase = 1000, channel?: Channel): ChineseReading {
  const hits: ReplyHit[] = [];
  const dates: ChineseReading['dates'] = [];
  const amounts: ChineseReading['amounts'] = [];
  const asked: ChineseReading['asked'] = [];
  let index = clauseBase;
  let chars = 0;
  let earlier = '';
  const whole = chineseView(text).text;
  for (const c of text.matchAll(CLAUSE)) {
    const sentence = index++;
    const view = chineseView(c[0]);
    if (!view.text) continue;
    chars += view.text.length;
    const off = (i: number) => c.index + view.map[i]!;
    if (/^[?？]/.test(text.slice(c.index + c[0].length)) && /\p{Script=Han}/u.test(c[0]))
      asked.push({ sentence, start: off(0), end: c.index + c[0].length + 1 });
    for (const rule of CHINESE_REPLY_RULES) {
      rule.pattern.lastIndex = 0;
      for (const m of view.text.matchAll(rule.pattern)) {
        const to = m.index + m[0].length;
        let suppressed: string | null = null;
        for (const name of rule.checks ?? []) {
          suppressed = check(name, view.text, m.index, to, earlier, whole);
          if (suppressed) break;
        }
        // The words after, up to a turn to what the borrower does want (别发短信了能直接打电话吗).
        const after = view.text.slice(to, to + 6).replace(/(?:能|可以|改|但|只|有事).*$/, '');
        const own = channelsNamed(m[0] + after, true);
        const near = channelsNamed(view.text.slice(Math.max(0, m.index - 6), m.index), true);
        // 别打也别发: a bare "send" is the reply's own channel, beside whatever the clause names.
        const named = own.named.length
          ? own.named
          : [...near.named, ...(rule.intent === 'revoke' && channel && SEND.test(m[0]) ? [channel] : [])];
        const all = own.all || near.all;
        hits.push({
          rule,
          start: off(m.index),
          end: off(to - 1) + 1,
          clause: view.text,
          after,
          suppressed,
          channels: named.length ? [...new Set(named)] : all ? ['sms', 'voice', 'email'] : [],
          sentence,
        });
      }
    }
    for (const m of view.text.matchAll(ZH_DATE)) {
      const date = chineseDate(m[0], day);
      if (date) dates.push({ date, sentence, at: off(m.index) });
    }
    for (const m of view.text.matchAll(ZH_AMOUNT)) {
      // 十五号 is a day, not fifteen yuan.
      if (/^[号日月]/.test(view.text.slice(m.index + m[0].length))) continue;
      const amount = chineseAmount(m);
      if (amount) amounts.push({ amount, sentence, at: off(m.index) });
    }
    earlier += view.text;
  }
  return { hits, dates, amounts, asked, chars };
}
