// The draft editor: type a template, and the wording linter answers as you type
// (POST /v1/templates/lint, the rules the service loads templates with).
import { api, errorBox } from '../app.js';
import { debounce, field, h } from '../dom.js';
import { channelName, t } from '../i18n.js';
import { findingList, sourceView } from './findings.js';

const ALL_CHANNELS = ['sms', 'email', 'voice', 'voicemail'];

export function draftEditor({
  channels = ALL_CHANNELS,
  locales = ['en-US', 'zh-CN', 'es-US'],
  channel = 'sms',
  locale = 'en-US',
  sourceOf = () => '',
}) {
  const channelSelect = h(
    'select',
    { id: 'draft-channel' },
    ...channels.map((c) => h('option', { value: c, selected: c === channel }, channelName(c))),
  );
  const localeSelect = h(
    'select',
    { id: 'draft-locale' },
    ...locales.map((l) => h('option', { value: l, selected: l === locale }, l)),
  );
  const source = h('textarea', { id: 'draft-source', rows: 10, spellcheck: 'false', class: 'code' });
  const summary = h('p', { id: 'draft-summary', role: 'status', 'data-testid': 'draft-summary' });
  const results = h('div', { 'data-testid': 'draft-findings' });
  const start = h('button', { type: 'button' }, t('draft.startFrom'));
  start.addEventListener('click', () => {
    source.value = sourceOf(channelSelect.value, localeSelect.value);
    lint();
    source.focus();
  });

  let seq = 0;
  const lint = async () => {
    const mine = ++seq;
    if (!source.value.trim()) {
      summary.textContent = t('draft.empty');
      results.replaceChildren();
      return;
    }
    try {
      const r = await api('/v1/templates/lint', {
        method: 'POST',
        body: { source: source.value, channel: channelSelect.value, locale: localeSelect.value },
      });
      if (mine !== seq) return; // a newer keystroke already asked
      const errors = r.findings.filter((f) => f.severity === 'error').length;
      summary.textContent = r.findings.length
        ? t('draft.count', { errors, warnings: r.findings.length - errors, profile: r.profile })
        : t('draft.clean', { profile: r.profile });
      summary.className = errors ? 'error' : r.findings.length ? 'warn' : 'ok';
      results.replaceChildren(findingList(r.findings, 'draft'), sourceView(source.value, r.findings, 'draft'));
    } catch (err) {
      if (mine === seq) results.replaceChildren(errorBox(err));
    }
  };
  const soon = debounce(lint, 250);
  source.addEventListener('input', soon);
  channelSelect.addEventListener('change', lint);
  localeSelect.addEventListener('change', lint);

  return h(
    'section',
    { class: 'draft', 'aria-labelledby': 'draft-h' },
    h('h2', { id: 'draft-h' }, t('draft.title')),
    h('p', {}, t('draft.intro')),
    h(
      'div',
      { class: 'row' },
      field(t('preview.channel'), channelSelect),
      field(t('draft.locale'), localeSelect),
      start,
    ),
    field(t('draft.source'), source, t('draft.hint')),
    summary,
    results,
  );
}
