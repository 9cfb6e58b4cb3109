// Lint findings as a list, and the source with the lines they refer to highlighted.
import { h } from '../dom.js';
import { t } from '../i18n.js';

/** A finding's message without the regulation the linter appended (shown on its own by regulationNote). */
export const findingMessage = (f) => (f.regulation ? f.message.replace(` — ${f.regulation}`, '') : f.message);

/** The regulation a finding cites, in brackets, or null. */
export function regulationNote(f) {
  if (!f.regulation) return null;
  return h(
    'span',
    { class: 'regulation', 'data-testid': 'finding-regulation' },
    ' ',
    t('lint.regulation', { regulation: f.regulation }),
  );
}

/** Findings as a list; each names its line and links to it in the source view. */
export function findingList(findings, anchor) {
  if (!findings.length) return h('p', { class: 'ok', 'data-testid': 'no-findings' }, t('lint.none'));
  return h(
    'ul',
    { class: 'findings', 'data-testid': 'findings' },
    ...findings.map((f) =>
      h(
        'li',
        { class: f.severity },
        h('span', { class: 'sev' }, t('severity.' + f.severity)),
        ' ',
        f.line
          ? h('a', { href: `#${anchor}-L${f.line}` }, t('lint.at', { line: f.line, column: f.column ?? 1 }))
          : null,
        f.line ? ': ' : '',
        findingMessage(f),
        ' ',
        h('code', { class: 'rule' }, f.rule),
        f.matched
          ? h('span', { class: 'reads', 'data-testid': 'finding-reads' }, ' ', t('lint.reads', { matched: f.matched }))
          : null,
        regulationNote(f),
      ),
    ),
  );
}

/** A line's text with the characters of the findings that have offsets (start, end) marked. */
function markedLine(text, lineStart, findings) {
  const ranges = findings
    .filter((f) => typeof f.start === 'number' && f.end > lineStart && f.start < lineStart + text.length + 1)
    .map((f) => [Math.max(0, f.start - lineStart), Math.min(text.length, f.end - lineStart), f])
    .sort((a, b) => a[0] - b[0]);
  if (!ranges.length) return [text || ' '];
  const parts = [];
  let at = 0;
  for (const [from, to, f] of ranges) {
    if (from < at) continue;
    if (from > at) parts.push(text.slice(at, from));
    parts.push(
      h(
        'mark',
        { class: f.severity, title: `${f.rule}: ${f.matched ?? ''}`, 'data-rule': f.rule },
        text.slice(from, to),
      ),
    );
    at = to;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** The source, one numbered line each; lines with a finding are marked and carry its text, and a wording finding's own characters are marked in the line. */
export function sourceView(source, findings, anchor) {
  const byLine = new Map();
  for (const f of findings) if (f.line) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  const lines = source.split('\n');
  const starts = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return h(
    'ol',
    { class: 'source', 'data-testid': 'source' },
    ...lines.map((text, i) => {
      const n = i + 1;
      const fs = byLine.get(n);
      const worst = fs?.some((f) => f.severity === 'error') ? 'error' : fs ? 'warning' : null;
      return h(
        'li',
        { id: `${anchor}-L${n}`, class: worst ? `flagged ${worst}` : null, 'data-line': n },
        h('code', {}, ...markedLine(text, starts[i], fs ?? [])),
        fs
          ? h('span', { class: 'note' }, fs.map((f) => `${t('severity.' + f.severity)}: ${f.message}`).join(' · '))
          : null,
      );
    }),
  );
}
