// Lint findings as a list, and the source with the lines they refer to highlighted.
import { h } from '../dom.js';
import { t } from '../i18n.js';

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
        f.line ? h('a', { href: `#${anchor}-L${f.line}` }, t('lint.at', { line: f.line, column: f.column ?? 1 })) : null,
        f.line ? ': ' : '',
        f.message,
        ' ',
        h('code', { class: 'rule' }, f.rule),
      ),
    ),
  );
}

/** The source, one numbered line each; lines with a finding are marked and carry its text. */
export function sourceView(source, findings, anchor) {
  const byLine = new Map();
  for (const f of findings) if (f.line) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  const lines = source.split('\n');
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
        h('code', {}, text || ' '),
        fs ? h('span', { class: 'note' }, fs.map((f) => `${t('severity.' + f.severity)}: ${f.message}`).join(' · ')) : null,
      );
    }),
  );
}
