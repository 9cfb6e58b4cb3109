/**
 * The template linter (pure): wording rules on a template's own text, the elements every
 * message must carry for its channel and profile (opt-out line, who is writing, the debt
 * collector disclosure), nothing about the debt in a limited-content voicemail, and the SMS
 * segment limit. Used by the catalogue loader, the preview, the lint endpoint and
 * `npm run lint:templates`; the worker lints each rendered message with `lintRenderedMessage`.
 */
import type { TemplateChannel } from '../domain/channels.js';
import type { SenderKind } from '../domain/sender.js';
import type { Profile } from './profile.js';
import { explainWording, lintWording, type Severity, type Suppression, type WordingFinding } from './wording-rules.js';

export interface LintFinding {
  severity: Severity;
  rule: string;
  message: string;
  line: number;
  column: number;
  excerpt: string;
  /** Wording findings: the regulation the rule serves. */
  regulation?: string;
  /** Wording findings: the normalised text that matched ("4rr3st" reads "arrest"). */
  matched?: string;
  /** Wording findings: the offsets of the original characters in the source. */
  start?: number;
  end?: number;
  /** Debug view only: a match that did not fire, and why. */
  suppressed?: Suppression;
}

export type TemplateChannelName = TemplateChannel;

export interface TemplateLintInput {
  /** The file as written (email with its front matter). */
  source: string;
  channel: TemplateChannelName;
  locale: string;
  profile: Profile;
  smsMaxSegments: number;
  /** The template rendered with sample data, when that worked. */
  rendered?: { text: string; segments?: number; encoding?: string } | undefined;
  renderError?: string | undefined;
  /** opt-out-confirmation templates confirm an opt-out instead of offering one. */
  confirmsOptOut?: boolean | undefined;
  /** The text as rendered with sample data for each kind of sender it may be sent for. */
  renderedByKind?: Partial<Record<SenderKind, string>> | undefined;
  /** Also list the wording matches that did not fire (negation, impostor warning, place or job), with `suppressed`. */
  debug?: boolean | undefined;
}

const OPT_OUT: Record<string, RegExp> = {
  en: /\breply\b.{0,25}\bstop\b|\btext stop\b|\bunsubscribe\b|\bopt[ -]?out\b|\bto stop these\b/i,
  zh: /退订/,
  es: /\bresponda\b.{0,30}\b(?:stop|alto|baja)\b|\bdarse de baja\b/i,
};

/** What the opt-out line looks like in each language, for the finding's message. */
const OPT_OUT_EXAMPLE: Record<string, string> = {
  en: '"Reply STOP to opt out."',
  zh: '"回复TD退订"',
  es: '"Responda STOP o ALTO para dejar de recibir mensajes."',
};

const VOICEMAIL_DEBT_WORDS: Record<string, RegExp> = {
  en: /\b(?:debts?|payments?|pay|paid|paying|balances?|owe|owed|owing|overdue|past due|accounts?|collect\w*|loans?|credit|bills?|arrears)\b/gi,
  zh: /欠款|还款|逾期|债务|催收|账户|贷款|信用卡|账单|欠费|欠钱/g,
  // Letters on either side, not \b: "pagó" and "préstamo" end or start with a letter \b does not know.
  es: /(?<!\p{L})(?:deudas?|deben?|adeud\p{L}*|pag(?:os?|ar|ó|ue|ado)|saldos?|vencid[oa]s?|atrasad[oa]s?|cuentas?|cobr\p{L}*|préstamos?|prestamos?|créditos?|creditos?|facturas?)(?!\p{L})/giu,
};

const MUSTACHE = /\{\{\{?[\s\S]*?\}?\}\}/g;

function language(locale: string): string {
  return locale.toLowerCase().split('-')[0] ?? locale;
}

/** Mustache expressions blanked out (same length, newlines kept), so wording rules see only prose. */
export function maskExpressions(source: string): string {
  return source.replace(MUSTACHE, (m) => m.replace(/[^\n]/g, ' '));
}

export function position(text: string, offset: number): { line: number; column: number; excerpt: string } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = text.indexOf('\n', offset);
  const excerpt = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim();
  return {
    line,
    column: offset - lineStart + 1,
    excerpt: excerpt.length > 120 ? `${excerpt.slice(0, 117)}...` : excerpt,
  };
}

function at(text: string, offset: number, f: { severity: Severity; rule: string; message: string }): LintFinding {
  return { ...f, ...position(text, offset) };
}

/** A wording finding with its place in `source`, what it read there, and its regulation. */
function wordingFinding(source: string, w: WordingFinding): LintFinding {
  const original = source.slice(w.start, w.end);
  const reads =
    w.matched.replace(/\s+/g, '') !== original.toLowerCase().replace(/\s+/g, '') ? ` (reads "${w.matched}")` : '';
  return {
    ...at(source, w.start, {
      severity: w.severity,
      rule: w.rule,
      message: `${w.message}: "${original}"${reads} — ${w.regulation}`,
    }),
    regulation: w.regulation,
    matched: w.matched,
    start: w.start,
    end: w.end,
  };
}

/** Wording findings of any text, with line and column. */
export function lintText(text: string): LintFinding[] {
  return lintWording(text).map((w) => wordingFinding(text, w));
}

/**
 * The debt collector disclosure, for each kind of sender the template may be sent for: an agency's
 * rendering must carry it (12 CFR 1006.18(e)); a creditor's must not claim it (15 U.S.C.
 * 1692a(6)). Without renderings (the template does not render), the source must carry it.
 */
function disclosureFindings(input: TemplateLintInput, masked: string, lang: string, end: number): LintFinding[] {
  const { source, channel, profile } = input;
  const disclosure = profile.disclosure;
  if (!disclosure || !disclosure.channels.includes(channel)) return [];
  const phrases = disclosure.phrases[lang];
  if (!phrases)
    return [
      at(source, 0, {
        severity: 'warning',
        rule: 'disclosure-language',
        message: `profile ${profile.name} names no disclosure phrase for "${lang}"; add one to check this template`,
      }),
    ];
  const claims = (text: string) => phrases.some((p) => text.toLowerCase().includes(p.toLowerCase()));
  const quoted = phrases.map((p) => `"${p}"`).join(' or ');
  const byKind = input.renderedByKind ?? {};
  const out: LintFinding[] = [];
  const agencyText = byKind.agency ?? (Object.keys(byKind).length === 0 ? masked : undefined);
  if (agencyText !== undefined && !claims(agencyText)) {
    out.push(
      at(source, end, {
        severity: 'error',
        rule: 'missing-disclosure',
        message: `under ${profile.name}, every ${channel} an agency sends must say it is from a debt collector (${quoted}), e.g. {{#if sender.agency}}…{{/if}}${disclosure.source ? ` — ${disclosure.source}` : ''}`,
      }),
    );
  }
  if (byKind.creditor !== undefined && claims(byKind.creditor)) {
    const first = Math.max(
      0,
      Math.min(...phrases.map((p) => masked.toLowerCase().indexOf(p.toLowerCase())).filter((i) => i >= 0)),
    );
    out.push(
      at(source, Number.isFinite(first) ? first : 0, {
        severity: 'error',
        rule: 'false-disclosure',
        message: `a creditor collecting its own debts is not a debt collector and must not say it is (${quoted}): put the disclosure inside {{#if sender.agency}}…{{/if}} — 15 U.S.C. 1692a(6); 12 CFR 1006.2(i)`,
      }),
    );
  }
  return out;
}

export function lintTemplate(input: TemplateLintInput): LintFinding[] {
  const { source, channel } = input;
  const lang = language(input.locale);
  const masked = maskExpressions(source);
  const refs = [...source.matchAll(MUSTACHE)].map((m) => ({ text: m[0], index: m.index }));
  const wording = explainWording(masked, input.locale);
  const findings: LintFinding[] = wording.findings.map((w) => wordingFinding(source, w));
  if (input.debug)
    findings.push(...wording.suppressed.map((w) => ({ ...wordingFinding(source, w), suppressed: w.suppressed })));

  const end = source.trimEnd().length;
  if (channel === 'sms' || channel === 'email') {
    const optOut = OPT_OUT[lang];
    if (!input.confirmsOptOut && optOut && !optOut.test(masked)) {
      findings.push(
        at(source, end, {
          severity: 'error',
          rule: 'missing-opt-out',
          message: `every ${channel} must say how to opt out (e.g. ${OPT_OUT_EXAMPLE[lang] ?? OPT_OUT_EXAMPLE.en}) — 12 CFR 1006.6(e)`,
        }),
      );
    }
    if (!refs.some((r) => /\b(?:debt\.creditor|contact\.name)\b/.test(r.text))) {
      findings.push(
        at(source, 0, {
          severity: 'error',
          rule: 'missing-identification',
          message: `every ${channel} must say who is writing: use {{debt.creditor}} or {{contact.name}}`,
        }),
      );
    }
  }
  findings.push(...disclosureFindings(input, masked, lang, end));
  if (channel === 'voicemail') {
    for (const r of refs) {
      if (/\bdebt\./.test(r.text)) {
        findings.push(
          at(source, r.index, {
            severity: 'error',
            rule: 'voicemail-debt-detail',
            message: `a limited-content voicemail must say nothing about the debt (12 CFR 1006.2(j)): ${r.text.trim()}`,
          }),
        );
      }
    }
    const words = VOICEMAIL_DEBT_WORDS[lang];
    if (words) {
      words.lastIndex = 0;
      for (const m of masked.matchAll(words)) {
        findings.push(
          at(source, m.index, {
            severity: 'error',
            rule: 'voicemail-debt-detail',
            message: `a limited-content voicemail must say nothing about the debt (12 CFR 1006.2(j)): "${m[0]}"`,
          }),
        );
      }
    }
  }
  if (input.renderError) {
    findings.push(
      at(source, 0, {
        severity: 'error',
        rule: 'render-error',
        message: `does not render with the sample data: ${input.renderError}`,
      }),
    );
  }
  if (channel === 'sms' && input.rendered?.segments !== undefined && input.rendered.segments > input.smsMaxSegments) {
    findings.push(
      at(source, 0, {
        severity: 'error',
        rule: 'sms-too-long',
        message: `renders to ${input.rendered.segments} ${input.rendered.encoding ?? ''} segments with the sample data; the limit is ${input.smsMaxSegments}`,
      }),
    );
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The worker's last check: the message as rendered with the borrower's data (a creditor name can carry a threat too). */
export function lintRenderedMessage(text: string): LintFinding[] {
  return lintText(text).filter((f) => f.severity === 'error');
}
