/**
 * Linting a draft template that is not in the catalogue yet (the console's editor): compile it
 * with the catalogue's partials, render it with generic sample data, and run the linter.
 */
import { SENDER_KINDS, type SenderKind } from '../domain/sender.js';
import type { Profile } from '../policy/profile.js';
import { type LintFinding, lintTemplate } from '../policy/template-lint.js';
import { sampleContext } from './context.js';
import { FrontMatterError } from './front-matter.js';
import { OutputBudgetError } from './handlebars.js';
import { SMS_MAX_CHARACTERS, smsFacts } from './sms-facts.js';
import { partialNames, renderVariant, type TemplateChannel, variantFromSources } from './variant.js';

/** What a draft may render to, in characters (partials included); past it the draft is an error. */
export const DRAFT_MAX_OUTPUT = 100_000;

/** The US sample's account: English and Spanish drafts render the same debt. */
const US_DEBT = {
  accountRef: '4111111111111234',
  creditor: 'Northwind Bank',
  amountDue: { amount: '120.50', currency: 'USD' },
  dueDate: '2026-11-20',
  daysOverdue: 3,
  minimumPayment: { amount: '35.00', currency: 'USD' },
  paymentUrl: 'https://pay.example.com/a/1234',
};

const GENERIC_SAMPLE = {
  sampleData: {
    borrower: { name: 'Alex Chen' },
    debt: US_DEBT,
    contact: {
      name: 'Northwind Customer Care',
      agent: 'Jordan Lee',
      phone: '+1 800 555 0199',
      hours: 'Mon-Fri 9am-6pm',
    },
  },
  sampleDataByLocale: {
    'zh-CN': {
      borrower: { name: '陈明' },
      debt: {
        accountRef: '6222020200112345',
        creditor: '北风银行',
        amountDue: { amount: '860.00', currency: 'CNY' },
        dueDate: '2026-11-20',
        daysOverdue: 3,
        minimumPayment: { amount: '200.00', currency: 'CNY' },
        paymentUrl: 'https://pay.example.com/a/2345',
      },
      contact: { name: '北风客户服务中心', agent: '李娜', phone: '400-800-1234', hours: '工作日 9:00-18:00' },
    },
    'es-US': {
      borrower: { name: 'Carmen Ruiz' },
      debt: US_DEBT,
      contact: {
        name: 'Servicio al Cliente de Northwind',
        agent: 'Diego Ramos',
        phone: '+1 800 555 0199',
        hours: 'de lunes a viernes, de 9:00 a 18:00',
      },
    },
  },
};

/** The sample a draft in a locale is rendered with: its language's (zh-*: zh-CN, es-*: es-US), else English. */
function sampleLocale(locale: string): string {
  const lang = locale.toLowerCase().split('-')[0];
  return lang === 'zh' ? 'zh-CN' : lang === 'es' ? 'es-US' : 'en-US';
}

export interface DraftLintInput {
  source: string;
  channel: TemplateChannel;
  locale: string;
  profile: Profile;
  smsMaxSegments: number;
  partials: Record<string, string>;
  /** Also list wording matches that did not fire, each with `suppressed` (the lint API's debug view). */
  debug?: boolean;
  /** The kinds of sender the draft may be sent for (default: both). */
  kinds?: readonly SenderKind[];
}

export function lintDraft(input: DraftLintInput): LintFinding[] {
  const used: Record<string, string> = {};
  const findings: LintFinding[] = [];
  for (const name of partialNames(input.source)) {
    if (!Object.hasOwn(input.partials, name))
      findings.push({
        severity: 'error',
        rule: 'unknown-partial',
        message: `no partial "${name}" in templates/_partials`,
        line: 1,
        column: 1,
        excerpt: '',
      });
    else used[name] = input.partials[name]!;
  }
  let rendered: { text: string; segments?: number; encoding?: string } | undefined;
  let renderError: string | undefined;
  const renderedByKind: Partial<Record<SenderKind, string>> = {};
  try {
    const variant = variantFromSources(
      {
        key: 'draft',
        channel: input.channel,
        locale: input.locale,
        sources: {
          template: input.source,
          ...(input.channel === 'email' ? { layout: input.partials['email-layout'] } : {}),
          partials: used,
        },
      },
      { maxOutput: DRAFT_MAX_OUTPUT },
    );
    const lang = sampleLocale(input.locale);
    const kinds = input.kinds ?? SENDER_KINDS;
    for (const kind of kinds)
      renderedByKind[kind] = renderVariant(variant, sampleContext(GENERIC_SAMPLE, lang, kind), 'UTC').text;
    // The longest rendering (an agency's carries the disclosure) decides the length checks.
    const out = { text: kinds.map((k) => renderedByKind[k]!).reduce((a, b) => (b.length > a.length ? b : a)) };
    const limit = input.channel === 'sms' ? SMS_MAX_CHARACTERS : DRAFT_MAX_OUTPUT;
    if (out.text.length > limit) {
      findings.push(
        tooLong(
          `renders to ${out.text.length.toLocaleString('en-US')} characters with the sample data; ${input.channel === 'sms' ? 'an SMS' : 'a draft'} may be at most ${limit.toLocaleString('en-US')}`,
        ),
      );
    } else {
      const facts = input.channel === 'sms' ? smsFacts(out.text) : undefined;
      rendered = { text: out.text, ...(facts ? { segments: facts.segments, encoding: facts.encoding } : {}) };
    }
  } catch (err) {
    const message = (err as Error).message;
    const line = /line (\d+)/.exec(message);
    if (err instanceof FrontMatterError) {
      findings.push({
        severity: 'error',
        rule: 'front-matter',
        message,
        line: err.line,
        column: 1,
        excerpt: input.source.split('\n')[err.line - 1]?.slice(0, 80) ?? '',
      });
    } else if (err instanceof OutputBudgetError) {
      findings.push(
        tooLong(
          `the draft ${message} with the sample data (they multiply); a draft may render to at most ${DRAFT_MAX_OUTPUT.toLocaleString('en-US')}`,
        ),
      );
    } else if (/Parse error|Expecting|doesn't match/.test(message)) {
      findings.push({
        severity: 'error',
        rule: 'syntax-error',
        message: message.split('\n')[0]!,
        line: line ? Number(line[1]) : 1,
        column: 1,
        excerpt: '',
      });
    } else {
      renderError = message;
    }
  }
  return [
    ...findings,
    ...lintTemplate({
      source: input.source,
      channel: input.channel,
      locale: input.locale,
      profile: input.profile,
      smsMaxSegments: input.smsMaxSegments,
      rendered,
      renderError,
      debug: input.debug,
      ...(rendered ? { renderedByKind } : {}),
    }),
  ];
}

function tooLong(message: string): LintFinding {
  return { severity: 'error', rule: 'rendered-too-long', message, line: 1, column: 1, excerpt: '' };
}
