/**
 * The lint section of `npm run bench`: how long the wording linter takes on a 1,000-character SMS
 * as rendered (the worker's last check before every send), in English and in Chinese, with some
 * disguised words so normalisation has work to do. Target: under 5 ms.
 */
import { lintRenderedMessage } from '../src/policy/template-lint.js';
import type { Row } from './pipeline.js';

const EN =
  'Northwind Bank: hi Alex, a friendly reminder that your card payment of $120.50 was due on 20 November. If you have already paid, thank you. If now is a hard time, reply and we can agree a plan that fits your budget; we will never contact your employer or family. Call 0800 123 456, Mon-Fri 9am-6pm, or pay at https://pay.example.com/a/1234. Our Court Street branch is open until 6 pm. ';
const ZH =
  '【北风银行】陈明您好，温馨提醒：您尾号1234的信用卡本期应还860.00元已逾期3天。如已还款请忽略。如有困难，欢迎致电400-800-1234协商分期，我们不会联系您的家人或单位。谨防冒充公检法的诈骗电话。客服时间：工作日9:00-18:00。回复TD退订。';

function fill(base: string, n: number): string {
  let s = '';
  while (s.length < n) s += base;
  return s.slice(0, n);
}

function timeIt(text: string, runs: number): { p50: number; p99: number } {
  for (let i = 0; i < 50; i++) lintRenderedMessage(text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    lintRenderedMessage(text);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs / 2)]!, p99: times[Math.floor(runs * 0.99)]! };
}

export function lintSection(rows: Row[], quick: boolean): void {
  const runs = quick ? 200 : 1000;
  for (const [lang, text] of [
    ['English', fill(EN, 1000)],
    ['Chinese', fill(ZH, 1000)],
    ['English with disguises', fill(`${EN}We will have you 4rr3st3d. Y0u w1ll b\u0435 s\u200borry. `, 1000)],
  ] as const) {
    const { p50, p99 } = timeIt(text, runs);
    rows.push({
      section: 'lint',
      measure: `wording linter, 1,000-character SMS, ${lang}: p50`,
      value: Number(p50.toFixed(2)),
      unit: 'ms',
      note: `p99 ${p99.toFixed(2)} ms; target < 5 ms`,
    });
  }
}
