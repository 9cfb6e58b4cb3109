// One template: channel and locale switches, the locales side by side (sample data, the message
// as the borrower gets it, SMS facts, lint findings on their lines), and the draft editor.
import { api, setAddress, ApiError, errorBox } from '../app.js';
import { debounce, field, h } from '../dom.js';
import { channelName, t } from '../i18n.js';
import { findingList, sourceView } from '../lib/findings.js';
import { rendered } from '../lib/content.js';
import { draftEditor } from '../lib/draft.js';

export async function render(root, { params, query }) {
  const key = params[0];
  const tpl = await api(`/v1/templates/${encodeURIComponent(key)}`);
  const channels = ['sms', 'email', 'voice', 'voicemail'].filter((c) => tpl.variants.some((v) => v.channel === c));
  const locales = [...new Set(tpl.variants.map((v) => v.locale))];
  const state = {
    channel: channels.includes(query.get('channel')) ? query.get('channel') : channels[0],
    locales: new Set(
      query.get('locales')
        ? query
            .get('locales')
            .split(',')
            .filter((l) => locales.includes(l))
        : locales,
    ),
  };
  if (state.locales.size === 0) state.locales = new Set(locales);

  root.append(
    h('p', { class: 'crumbs' }, h('a', { href: '/ui/templates', 'data-link': '' }, t('templates.title')), ' › ', key),
    h('h1', { tabindex: '-1' }, tpl.title ?? key),
    tpl.description ? h('p', {}, tpl.description) : null,
  );
  const panes = h('div', { class: 'panes' });
  // locale → edited sample text, kept across channel switches
  const ctx = { key, tpl, state, edited: new Map() };
  const update = () => {
    const q = new URLSearchParams({ channel: state.channel, locales: [...state.locales].join(',') });
    setAddress(`${location.pathname}?${q}`);
    panes.replaceChildren(...locales.filter((l) => state.locales.has(l)).map((l) => pane(ctx, l)));
    panes.style.setProperty('--cols', String(state.locales.size));
  };
  root.append(
    h('div', { class: 'switches' }, channelSwitch(channels, state, update), localeSwitch(locales, state, update)),
    panes,
  );
  update();
  root.append(
    draftEditor({
      channels,
      locales,
      channel: state.channel,
      locale: locales[0],
      sourceOf: (c, l) => tpl.variants.find((v) => v.channel === c && v.locale === l)?.source ?? '',
    }),
  );
}

function channelSwitch(channels, state, update) {
  return h(
    'fieldset',
    { class: 'switch' },
    h('legend', {}, t('preview.channel')),
    ...channels.map((c) =>
      h(
        'label',
        {},
        h('input', {
          type: 'radio',
          name: 'channel',
          value: c,
          checked: c === state.channel,
          onchange: () => ((state.channel = c), update()),
        }),
        ' ',
        channelName(c),
      ),
    ),
  );
}

function localeSwitch(locales, state, update) {
  const onchange = (l) => (e) => {
    if (e.target.checked) state.locales.add(l);
    else if (state.locales.size > 1) state.locales.delete(l);
    else e.target.checked = true; // one locale at least
    update();
  };
  return h(
    'fieldset',
    { class: 'switch' },
    h('legend', {}, t('preview.locales')),
    ...locales.map((l) =>
      h(
        'label',
        {},
        h('input', {
          type: 'checkbox',
          name: 'locale',
          value: l,
          checked: state.locales.has(l),
          onchange: onchange(l),
        }),
        ' ',
        l,
      ),
    ),
  );
}

/** One locale's pane: the message as the borrower gets it, its findings and source, and editable sample data. */
function pane(ctx, locale) {
  const { tpl, state, edited } = ctx;
  const variant = tpl.variants.find((v) => v.channel === state.channel && v.locale === locale);
  const id = `${state.channel}-${locale}`;
  const out = h('div', { class: 'output', 'aria-live': 'polite', 'data-testid': `output-${locale}` });
  const dataErrors = h('div', { id: `data-errors-${id}`, 'aria-live': 'polite' });
  const textarea = h('textarea', {
    id: `data-${id}`,
    rows: 12,
    spellcheck: 'false',
    class: 'code',
    'aria-describedby': `data-errors-${id}`,
  });
  textarea.value =
    edited.get(locale) ?? JSON.stringify(tpl.sampleDataByLocale?.[locale] ?? tpl.sampleData ?? {}, null, 2);
  const section = h(
    'section',
    { class: 'pane', 'aria-labelledby': `pane-h-${id}`, 'data-locale': locale },
    h('h2', { id: `pane-h-${id}` }, `${locale} · ${channelName(state.channel)}`),
    variant
      ? h('p', { class: 'muted' }, t('preview.version'), ' ', h('code', {}, variant.version.slice(0, 12)))
      : h('p', { class: 'muted' }, t('preview.noVariant')),
    out,
    variant ? h('h3', {}, t('preview.findings')) : null,
    variant ? findingList(variant.findings, `src-${id}`) : null,
    variant
      ? h(
          'details',
          { open: variant.findings.length > 0 },
          h('summary', {}, t('preview.source')),
          sourceView(variant.source, variant.findings, `src-${id}`),
        )
      : null,
    h(
      'details',
      { open: edited.has(locale) },
      h('summary', {}, t('preview.sampleData')),
      field(t('preview.sampleDataLabel', { locale }), textarea, t('preview.sampleDataHint')),
      dataErrors,
    ),
  );
  if (!variant) return section;
  const run = () => preview(ctx, locale, { out, dataErrors, textarea });
  textarea.addEventListener(
    'input',
    debounce(() => {
      edited.set(locale, textarea.value);
      run();
    }, 300),
  );
  run();
  return section;
}

/** Renders the pane's message with its sample data through the API; bad JSON marks the output stale. */
async function preview(ctx, locale, { out, dataErrors, textarea }) {
  dataErrors.replaceChildren();
  textarea.removeAttribute('aria-invalid');
  let data;
  try {
    data = JSON.parse(textarea.value || '{}');
    if (data === null || typeof data !== 'object' || Array.isArray(data))
      throw new SyntaxError(t('preview.dataNotObject'));
  } catch (err) {
    textarea.setAttribute('aria-invalid', 'true');
    dataErrors.append(
      h('p', { class: 'error', role: 'alert' }, `${t('preview.dataInvalid')} ${err.message}`),
      h('p', { class: 'muted' }, t('preview.stale')),
    );
    out.classList.add('stale');
    return;
  }
  out.classList.remove('stale');
  try {
    const p = await api(`/v1/templates/${encodeURIComponent(ctx.key)}/preview`, {
      method: 'POST',
      body: { channel: ctx.state.channel, locale, data },
    });
    out.replaceChildren(...rendered(p));
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) {
      textarea.setAttribute('aria-invalid', 'true');
      dataErrors.append(errorBox(err));
    } else out.replaceChildren(errorBox(err));
  }
}
