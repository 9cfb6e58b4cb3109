/**
 * The Chinese reading of a reply, clause by clause (split at punctuation and line breaks), each
 * clause in the simplified letters-and-digits view, with the checks that explain a match away:
 * a negator before it (我不是要退订), a callback the borrower forbids (别给我打电话), a wish
 * (想下周还), a past payment read as a promise, a future date in a "paid" clause.
 */
import type { DateTime } from 'luxon';
import { chineseView } from '../wording/normalise.js';
import { channelsNamed } from './channels.js';
import { CHINESE_REPLY_RULES, PEOPLE, ZH_FIRM } from './chinese-rules.js';
import type { Channel } from '../../domain/channels.js';
import type { ReplyHit } from './types.js';
import { chineseAmount, chineseDate, chineseNumber, ZH_AMOUNT, ZH_DATE, ZH_NUM } from './when.js';

/**
 * A clause ends at punctuation, but not at the comma, point or colon inside a number (4,560.00元,
 * 18:00), nor at a short aside in brackets (已于今日（12月2日）通过网银…), nor at
 * the enumeration comma 、, which joins the words of one clause (以電話、短訊及電郵聯絡本人); a space
 * after a closing particle ends one too (這是真的嗎 該不會是…).
 */
const CLAUSE =
  /(?:(?<![吗嗎呢么麼吧])[^\S\n]|[^\s，。！？；,.!?;～~…:：（）()“”"]|(?<=\d)[,.:：](?=\d)|[（(][^（）()，。！？\n]{1,12}[)）])+/g;

/** Someone else the reply is about. */
const THIRD_PARTY = `我?的?${PEOPLE}`;

/** 壹仟伍佰: the numerals of cheques and receipts, read as everyday ones (one character each, so positions hold). */
const FINANCIAL: Record<string, string> = {
  壹: '一',
  贰: '二',
  貳: '二',
  叁: '三',
  參: '三',
  肆: '四',
  伍: '五',
  陆: '六',
  陸: '六',
  柒: '七',
  捌: '八',
  玖: '九',
  拾: '十',
  佰: '百',
  仟: '千',
  萬: '万',
};
const everyday = (s: string) => s.replace(/[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬]/g, (c) => FINANCIAL[c]!);

/** A payment claimed anywhere in the reply: what zh-paid-already matches. */
const PAID_CLAIM = new RegExp(CHINESE_REPLY_RULES.find((r) => r.rule === 'zh-paid-already')!.pattern.source);

/** Checks of a clause alone: paying as the condition of it stopping, asking whether a plan may be had. */
function askedNotDone(name: string, clause: string, from: number, to: number): string | null {
  if (name === 'zh-condition') {
    // 还多少可以停止催收, 还清了就能不催了吗: paying as the condition of it stopping, asked, not a request.
    const cond = /(?:还|付|交|缴|结清|还清|pay)[^，]{0,6}?(?:就|才)?(?:可以|能|会|能够)$/.exec(clause.slice(0, from));
    if (cond) return `a condition: ${cond[0]}`;
    // 要怎样你们才会停止催收: asking how to bring it about, not asking for it.
    const how = /(?:怎样|怎么|如何|咋|点样)[^，]{0,6}?(?:才|就)(?:会|能|可以|肯)?$/.exec(clause.slice(0, from));
    if (how) return `asks how: ${how[0]}`;
    // 停止催收需要什么条件: asking what it takes, not asking for it.
    const takes = /^(?:收|款)?(?:的话)?(?:需要|要|得)(?:什么|啥|哪些|多少|怎么|怎样|满足)/.exec(clause.slice(to));
    return takes ? `asks what it takes: ${takes[0]}` : null;
  }
  if (name === 'zh-asked-plan') {
    // 是否可以申请分12期还款, 能否办分期: asking whether a plan may be had (分六期还行吗 proposes one).
    const q = /(?:是否|请问)|(?:能否|可否|能不能|可不可以|可以|可唔可以)[^，]{0,3}?(?:申请|办理?)$/.exec(
      clause.slice(0, from),
    );
    return q ? `asked: ${q[0]}` : null;
  }
  return null;
}

/** Why a question word does not ask: a reproach, a statement, an idiom, a rebuke, a dare or a worry. */
function notAsking(clause: string, from: number, to: number): string | null {
  // 说了多少次: a reproach; 我记着呢: 着呢 states, it does not ask.
  if (/(?:说|讲|告诉你们)了$/.test(clause.slice(0, from))) return 'rhetorical: 说了多少次';
  if (/着呢$/.test(clause.slice(from, to))) return 'a statement: 着呢';
  // 能还多少算多少: "whatever I can", not asking how much.
  if (/^算(?:多少|几多)/.test(clause.slice(to)) || /(?:多少|几多)算$/.test(clause.slice(0, from)))
    return 'an idiom: 多少算多少';
  // 开车呢, 在开会呢: what the borrower is doing now, not a question.
  if (/(?:开车|开会|上班|睡觉|吃饭|上课|工作|忙)(?:着)?呢$/.test(clause)) return 'a statement: 在…呢';
  if (
    /^(?:我|我们|人)?(?:正|还|仲|现在|目前)?(?:在|喺)[^，谁哪啥什怎几多吗]{1,12}呢$|^[^，谁哪啥什怎几多吗]{1,8}紧[^，谁哪啥什怎几多吗]{0,4}呢$/.test(
      clause,
    )
  )
    return 'a statement: 在…呢';
  // 客气点好吗, 尊重一点行不行: a rebuke put as a request.
  if (/(?:点|一点|些|一些)(?:好吗|行吗|可以吗|好不好|行不行|得唔得)$/.test(clause)) return 'a rebuke: …点好吗';
  // 有病嗎, 不怕被檢舉嗎, 吓唬谁呢: an insult or a dare put as a question.
  // 你们系统是摆设吗, 被同事看到了怎么办: a put-down or a worry put as a question.
  if (/(?:摆设|有意思)[吗么嘛呢]?$|(?:看到|看见|知道)了?怎么办$/.test(clause)) return `rhetorical: ${clause.slice(-5)}`;
  // 如有疑问请回复: a courtesy, not a question.
  if (/(?:如|若|如果)(?:有|需)[^，]{0,6}$/.test(clause.slice(0, from))) return 'a courtesy: 如有…';
  // 凭什么打给我同学: "by what right", a reproach, not asking.
  if (/^凭什么$/.test(clause.slice(from, to)) && /^(?:打|发|催|找|骚扰|联系|告诉)/.test(clause.slice(to)))
    return 'rhetorical: 凭什么';
  const dare =
    /(?:有病|有毛病|疯了|疯咗|癫咗|癫|痴线|黐线|傻咗|要脸|不怕.{1,8}?|吓唬谁|吓谁|骗谁|糊弄谁|是人(?:说的|讲的)?话|还是人|是人|黑社会|土匪|强盗|有事|(?:什么|啥)(?:服务|态度|玩意))[吗么嘛呢]?$/.exec(
      clause,
    );
  return dare ? `rhetorical: ${dare[0]}` : null;
}

/**
 * How many days ago a month and day the words name fell (12月1日 read on 2 December: 1), taking the
 * year that puts it within two months back or ten ahead (1月10号 read then: next year's, -39).
 */
const MONTH_DAY = new RegExp(`(${ZH_NUM})月(${ZH_NUM})(?:号|日)`);
function daysAgo(words: string, day: DateTime): { ago: number; words: string } | null {
  const m = MONTH_DAY.exec(words);
  if (!m) return null;
  const then = day.set({ month: chineseNumber(m[1]!) ?? 0, day: chineseNumber(m[2]!) ?? 0 });
  if (!then.isValid) return null;
  const ago = (t: DateTime) => Math.round(day.diff(t, 'days').days);
  const n =
    ago(then) > 62 ? ago(then.plus({ years: 1 })) : ago(then) < -303 ? ago(then.minus({ years: 1 })) : ago(then);
  return { ago: n, words: m[0] };
}

function check(
  name: string,
  clause: string,
  from: number,
  to: number,
  earlier: string,
  whole: string,
  day: DateTime,
): string | null {
  if (name === 'zh-condition' || name === 'zh-asked-plan') return askedNotDone(name, clause, from, to);
  const before = clause.slice(Math.max(0, from - 4), from);
  if (name === 'zh-quoted') {
    // 回复TD退订, 请点击退订: our own message's instruction, quoted back.
    // A reply that is only 回复TD退订 means it: the borrower copied the instruction to follow it (not 回覆STOP退訂 ok).
    const q = /(?:回复|回覆|回|点击|点|按|发送|输入)(?:td|t|stop|n|0)?$/.exec(clause.slice(0, from));
    return q && (clause !== whole || to < clause.length) ? `quoted: ${q[0]}` : null;
  }
  if (name === 'zh-question') return notAsking(clause, from, to);
  if (name === 'zh-check-payment') {
    // 已经还款2000元，请核实: checking a payment the reply claims, not contesting the debt.
    if (!/^(?:核实|核对)$/.test(clause.slice(from, to))) return null;
    const paid = PAID_CLAIM.exec(whole);
    return paid ? `checking a payment: ${paid[0]}` : null;
  }
  if (name === 'zh-halt') {
    // 停！先别扣费: halting a charge, not the contact.
    const at = whole.indexOf(clause);
    return /^(?:停|停止|停一下)$/.test(clause) &&
      at >= 0 &&
      /^(?:先|等等|等一下)?(?:别|不要|勿)(?:扣|收|划|转|拿)/.test(whole.slice(at + clause.length))
      ? 'halting a charge'
      : null;
  }
  if (name === 'zh-dont-before') {
    // 别停发账单: "don't stop sending", the opposite of a revocation.
    const neg = /(?:别|不要|不用|勿|不想|唔好)$/.exec(clause.slice(0, from));
    return neg ? `negation: ${neg[0]}` : null;
  }
  if (name === 'zh-not-done') {
    // 我拉黑的是骗子电话, 免得…拉黑, 退订了会影响…吗: naming the act, not doing it.
    if (/^的(?:是|那)/.test(clause.slice(to))) return 'a description: …的是';
    if (/^了[吗么嘛]$/.test(clause.slice(to))) return 'asks whether it was done';
    const lest = /免得|以免|省得|怕|担心/.exec(clause.slice(0, from));
    if (lest) return `averted: ${lest[0]}`;
    // 会不会, 会唔会: the Chinese yes-no question asks without 吗.
    return /^(?:通知|提醒|推送|服务)?(?:了|的话|后|之后|以后)?(?:还)?(?:会|能|要|是否|影响)/.test(clause.slice(to)) &&
      (/[吗么呢]$/.test(clause) || /会不会|会唔会|能不能|有没有|有冇|影不影响|是否/.test(clause.slice(to)))
      ? 'a question about it'
      : null;
  }
  if (name === 'zh-third-party') {
    // 不要再打电话给我爸妈了: calls to someone else, not the borrower's own line (as 不要给我家人打电话).
    const m = new RegExp(`^(?:电话)?(?:给|打给|去)?我?的?${PEOPLE}`).exec(clause.slice(to));
    if (m) return `about a third party: ${m[0]}`;
    // 不要再联系我的单位: contacting the workplace is contacting others (calls to one's own work line are 打到我单位).
    const work = /(?:联系|联络|找|骚扰|打扰)$/.test(clause.slice(from, to))
      ? /^我?的?(?:单位|公司|老板|上司|雇主|工作单位)/.exec(clause.slice(to))
      : null;
    if (work) return `about a third party: ${work[0]}`;
    // 别再打我妈电话了: the someone else inside the words matched.
    const inside = new RegExp(`(?:打|给|找|联系|骚扰|催)(?:给)?我?的?${PEOPLE}`).exec(clause.slice(from, to));
    return inside ? `about a third party: ${inside[0]}` : null;
  }
  if (name === 'zh-others-named') {
    // 不要打扰我家人 他们跟这个没关系 再打我就投诉: "call again" is about the family named before, not the borrower.
    const prior = whole.slice(0, Math.max(0, whole.indexOf(clause))) + clause.slice(0, from);
    const others = new RegExp(`(?:打扰|打给|打|联系|骚扰|找)${THIRD_PARTY}`).exec(prior);
    return others && !/(?:打给|联系|骚扰|打扰|找|给)我(?:了|吧|啦|$)/.test(prior)
      ? `about a third party: ${others[0]}`
      : null;
  }
  if (name === 'zh-concessive') {
    // 不用提醒我也记得: "I remember without being reminded", not a request.
    return /^(?:不用|不必|唔使)/.test(clause.slice(from, to)) && /^[^，。]{0,3}[也都]/.test(clause.slice(to))
      ? 'concessive: 不用…也'
      : null;
  }
  if (name === 'zh-negation') {
    const neg = /不是(?![他她它]|本人)|没说|并不|不会|没有要|我没|谁说|并没/.exec(before);
    if (neg) return `negation: ${neg[0]}`;
    // 别停止短信提醒: "don't stop" the reminders, the opposite of a revocation.
    const keep = /^(?:暂停|停|终止|中止)/.test(clause.slice(from))
      ? /(?:别|不要|不用|勿|唔好|不能|不可以)$/.exec(clause.slice(0, from))
      : null;
    return keep ? `negation: ${keep[0]}` : null;
  }
  if (name === 'zh-callback-negation') {
    // 别再用机器人打给我, 请终止对本人的电话联系: the "don't" a few words before, unless the clause turns
    // to what the borrower does want (别发短信了能直接打电话吗: after 了 or 能).
    const prior = clause
      .slice(Math.max(0, from - 8), from)
      .split(/能|可以|但|只|改|有事|直接|而是|了|啦|吧|喇/)
      .pop()!;
    const neg = /别|不要|不用|勿|不许|不准|不必|甭|停止|暂停|终止|中止|唔好|唔使|咪|休想/.exec(
      prior + clause.slice(from, to),
    );
    if (neg) return `negation: ${neg[0]}`;
    // 贵司在凌晨一点给我打电话, 多次致电我: a call that happened, told, not one asked for.
    const told =
      /又|多次|屡次|一直|天天|每天|老是|总是|不停|反复|昨天|昨晚|前天|刚才|刚刚|凌晨|半夜|深夜|大清早|一大早|竟然|居然|却|甚至|还在|仍/.exec(
        clause.slice(Math.max(0, from - 10), from),
      );
    return told ? `a call that happened: ${told[0]}` : null;
  }
  if (name === 'zh-wish') {
    const w = /想|希望|争取|尽量|努力|看看|如果|要是|等我有钱|有钱了|有钱就|可能|也许|估计/.exec(clause.slice(0, from));
    return w ? `wish: ${w[0]}` : null;
  }
  if (name === 'zh-past') {
    const past = /已经|已于|已|昨天|前天|刚才|刚刚|上周|上个?月|上个?(?:礼拜|星期)/.exec(clause.slice(0, from));
    if (past) return `past: ${past[0]}`;
    // 我于12月1日通过支付宝还款: a day already gone, with nothing that looks ahead (将于, 拟, 会).
    const was = /将|拟|会|承诺|保证|准备|打算|预计|计划|争取/.test(clause.slice(0, to))
      ? null
      : daysAgo(clause.slice(0, to), day);
    if (was && was.ago >= 1) return `past: ${was.words}`;
    return /^(?:过去|过来|完|清|好)?了(?!吗)/.test(clause.slice(to, to + 3)) &&
      !/明|后天|下|号|月底/.test(earlier.slice(-12) + clause.slice(0, from))
      ? 'past: 了'
      : null;
  }
  if (name === 'zh-paid-future') {
    // 明天顺路去网点停一下，把钱还了: the day may sit in the clause before.
    const f =
      /明天|明日|明早|后天|后日|听日|听朝|下周|下星期|下礼拜|下个?月|月底|月尾|月末|过两|过几|会|准备|打算|将|拟|届时/.exec(
        earlier.slice(-16) + clause.slice(0, to),
      );
    if (f) return `future: ${f[0]}`;
    // 我于12月20日缴款: a day still to come.
    const when = daysAgo(clause.slice(0, to), day);
    if (when && when.ago < 0) return `future: ${when.words}`;
    // 已经还了六期: instalments paid, the history of the loan, not a claim that it is paid.
    if (/^了?[\d一二两三四五六七八九十几]{1,2}期/.test(clause.slice(to))) return 'instalments paid: a history';
    // 还了之后多久能恢复额度: paying as a condition, not a payment made.
    const cond = /^(?:之后|以后|后|再|的话|就(?:可以|能|会|不))/.exec(clause.slice(to));
    if (cond) return `a condition: ${cond[0]}`;
    // 怎么样才算结清完毕: what would count as paid, asked.
    const asked = /(?:才算|才能|算不算|是否|有没有)$/.exec(clause.slice(0, from));
    if (asked) return `asked: ${asked[0]}`;
    // 我是按时还的, 每月都准时付的: a habit, not a payment just made.
    const habit = /(?:按时|准时|每个?月都?|一直都?)$/.exec(clause.slice(0, from));
    return habit ? `a habit: ${habit[0]}` : null;
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
  /** A period, plan or pledge that makes a promise firm without a date or an amount (ZH_FIRM). */
  firm: boolean;
}

/** The view with a decimal point put back between two digits where the original has one (99.5元, 2.5k). */
function pointed(text: string, map: readonly number[], original: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    out += text[i];
    at.push(i);
    const gap = i + 1 < text.length ? original.slice(map[i]! + 1, map[i + 1]) : '';
    if (/^[.．]$/.test(gap) && /\d/.test(text[i]!) && /\d/.test(text[i + 1]!)) {
      out += '.';
      at.push(i);
    }
  }
  return { text: out, at };
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
  let firm = false;
  const whole = chineseView(text).text;
  for (const c of text.matchAll(CLAUSE)) {
    const sentence = index++;
    const view = chineseView(c[0]);
    if (!view.text) continue;
    chars += view.text.length;
    firm ||= ZH_FIRM.test(view.text);
    const off = (i: number) => c.index + view.map[i]!;
    // 到底还要催几次？？？: the clause asks with every mark after it.
    const marks = /^[?？]+/.exec(text.slice(c.index + c[0].length));
    if (marks && /\p{Script=Han}/u.test(c[0]))
      asked.push({ sentence, start: off(0), end: c.index + c[0].length + marks[0].length });
    for (const rule of CHINESE_REPLY_RULES) {
      rule.pattern.lastIndex = 0;
      for (const m of view.text.matchAll(rule.pattern)) {
        const to = m.index + m[0].length;
        let suppressed: string | null = null;
        for (const name of rule.checks ?? []) {
          suppressed = check(name, view.text, m.index, to, earlier, whole, day);
          if (suppressed) break;
        }
        // The words after, up to a turn to what the borrower does want (别发短信了能直接打电话吗).
        // 别打电话 发短信就行: the channel that will do is wanted, not revoked.
        const after = view.text
          .slice(to, to + 10)
          .replace(/(?:能|可以|改|但|只|有事).*$/, '')
          .replace(/(?:发|打|用|寄|传|走)[^，]{0,4}?(?:就行|就好|就可以|即可|便可|就得).*$/, '')
          .slice(0, 6);
        const own = channelsNamed(m[0] + after, true);
        const near = channelsNamed(view.text.slice(Math.max(0, m.index - 6), m.index), true);
        // 别打也别发: a bare "send" is the reply's own channel, beside whatever the clause names
        // (not in 只能寄信, where the verb is how the borrower does want to hear).
        const bare = rule.intent === 'revoke' && rule.scope === 'words' && channel && SEND.test(m[0]);
        const named = own.named.length ? own.named : [...near.named, ...(bare ? [channel] : [])];
        // 任何形式的催收, 一切方式: every form of contact is every channel, when none is named.
        const all = own.all || near.all || /(?:任何|一切|所有)(?:的)?(?:形式|方式|途径|渠道)/.test(m[0]);
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
    // The view keeps letters and digits only: put back the point of 99.5元 and 2.5k.
    const money = pointed(everyday(view.text), view.map, c[0]);
    for (const m of money.text.matchAll(ZH_AMOUNT)) {
      // 十五号 is a day, not fifteen yuan.
      if (/^[号日月]/.test(money.text.slice(m.index + m[0].length))) continue;
      const amount = chineseAmount(m);
      if (amount) amounts.push({ amount, sentence, at: off(money.at[m.index]!) });
    }
    earlier += view.text;
  }
  return { hits, dates, amounts, asked, chars, firm };
}
