// Outcomes: each experiment's arms as a chart with their intervals, the figures as a table and a
// sentence per challenger; then payments by last touch per template, channel and stage. Both
// tables give the promise-kept rate.
import { api, download, errorBox, go } from '../app.js';
import { field, h } from '../dom.js';
import { channelName, lang, t } from '../i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const isoDay = (d) => d.toISOString().slice(0, 10);
const pct = (x) => `${(x * 100).toFixed(1)} %`;
export const range = (r) => `${pct(r.rate)} (${(r.low * 100).toFixed(1)}–${(r.high * 100).toFixed(1)})`;

/** A kept rate: kept of decided, with its interval; a dash while no promise is decided. */
const kept = (r) => (r.trials ? `${r.successes}/${r.trials} · ${range(r)}` : '—');

/** The period of the page, as the API takes it (whole days, UTC). */
export function periodForm(root, query, path) {
  const today = new Date();
  const from = h('input', {
    id: 'o-from',
    name: 'from',
    type: 'date',
    value: query.get('from') ?? isoDay(new Date(today.getTime() - 89 * 86_400_000)),
  });
  const to = h('input', { id: 'o-to', name: 'to', type: 'date', value: query.get('to') ?? isoDay(today) });
  const form = h(
    'form',
    { class: 'row no-print', novalidate: true, 'aria-label': t('dash.period') },
    field(t('dash.from'), from),
    field(t('dash.to'), to),
    h('button', { type: 'submit' }, t('dash.show')),
  );
  const formError = h('div', { 'aria-live': 'polite' });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    formError.replaceChildren();
    if (!from.value || !to.value || from.value > to.value) {
      formError.append(h('p', { class: 'error', role: 'alert' }, t('dash.badPeriod')));
      return to.focus();
    }
    go(`${path}?${new URLSearchParams({ from: from.value, to: to.value })}`);
  });
  root.append(form, formError);
  const end = new Date(`${to.value}T00:00:00Z`);
  return new URLSearchParams({
    from: `${from.value}T00:00:00Z`,
    to: new Date(end.getTime() + 86_400_000).toISOString(),
    lang: lang(),
  });
}

export async function render(root, { query }) {
  root.append(h('h1', { tabindex: '-1' }, t('outcomes.title')), h('p', {}, t('outcomes.intro')));
  const period = periodForm(root, query, '/ui/outcomes');
  let list;
  try {
    list = await api('/v1/outcomes/experiments');
  } catch (err) {
    root.append(errorBox(err));
    return;
  }
  root.append(h('h2', {}, t('outcomes.experiments')));
  if (list.items.length === 0) root.append(h('p', {}, t('outcomes.noExperiments')));
  for (const e of list.items) {
    try {
      root.append(
        experimentSection(await api(`/v1/outcomes/experiments/${encodeURIComponent(e.id)}?${period}`), e, period),
      );
    } catch (err) {
      root.append(errorBox(err));
    }
  }
  try {
    root.append(templatesSection(await api(`/v1/outcomes/templates?${period}`), period));
  } catch (err) {
    root.append(errorBox(err));
  }
}

function svg(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** A bar per arm (paid within 7 days) with its 95 % interval as a whisker. */
function armsChart(result, id) {
  const arms = result.arms;
  const max = Math.max(0.01, ...arms.map((a) => a.paid['7'].high));
  const W = 520;
  const row = 34;
  const H = 24 + arms.length * row;
  const left = 90;
  const x = (v) => left + ((W - left - 20) * v) / max;
  const titleId = `arms-${id}-t`;
  const g = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    'aria-labelledby': `${titleId} ${titleId}-d`,
    class: 'chart',
  });
  const title = svg('title', { id: titleId });
  title.textContent = t('outcomes.chartTitle', { id });
  const desc = svg('desc', { id: `${titleId}-d` });
  desc.textContent = arms.map((a) => `${a.arm}: ${range(a.paid['7'])}`).join('; ');
  g.append(title, desc);
  arms.forEach((a, i) => {
    const y = 10 + i * row;
    const label = svg('text', { x: left - 6, y: y + 16, 'text-anchor': 'end', class: 'axis' });
    label.textContent = a.arm;
    const bar = svg('rect', {
      x: left,
      y,
      width: Math.max(1, x(a.paid['7'].rate) - left),
      height: 22,
      fill: a.control ? '#475569' : a.guardrail ? '#b91c1c' : '#1d4ed8',
    });
    const whisker = svg('line', {
      x1: x(a.paid['7'].low),
      x2: x(a.paid['7'].high),
      y1: y + 11,
      y2: y + 11,
      stroke: '#111827',
      'stroke-width': 2,
    });
    const capL = svg('line', {
      x1: x(a.paid['7'].low),
      x2: x(a.paid['7'].low),
      y1: y + 5,
      y2: y + 17,
      stroke: '#111827',
      'stroke-width': 2,
    });
    const capR = svg('line', {
      x1: x(a.paid['7'].high),
      x2: x(a.paid['7'].high),
      y1: y + 5,
      y2: y + 17,
      stroke: '#111827',
      'stroke-width': 2,
    });
    g.append(label, bar, whisker, capL, capR);
  });
  return g;
}

function experimentSection(result, e, period) {
  const head = h(
    'tr',
    {},
    ...[
      'outcomes.arm',
      'outcomes.borrowers',
      'outcomes.sent',
      'outcomes.paid7',
      'outcomes.paid30',
      'outcomes.promised7',
      'outcomes.promiseKept',
      'outcomes.optedOut',
      'outcomes.stopped',
      'outcomes.recovered',
    ].map((k) => h('th', { scope: 'col' }, t(k))),
  );
  const rows = result.arms.map((a) =>
    h(
      'tr',
      {},
      h(
        'th',
        { scope: 'row' },
        a.arm,
        a.control && a.arm !== 'control' ? ` (${t('outcomes.control')})` : '',
        a.guardrail ? h('span', { class: 'badge bad' }, ` ${t('outcomes.guardrail')}`) : '',
      ),
      h('td', {}, String(a.borrowers)),
      h('td', {}, String(a.sent)),
      h('td', {}, range(a.paid['7'])),
      h('td', {}, range(a.paid['30'])),
      h('td', {}, range(a.promised['7'])),
      h('td', {}, kept(a.promiseKept)),
      h('td', {}, range(a.optedOut)),
      h('td', {}, range(a.stopped)),
      h(
        'td',
        {},
        Object.entries(a.recovered)
          .map(([c, v]) => `${v} ${c}`)
          .join('; ') || '—',
      ),
    ),
  );
  const csv = h('button', { type: 'button', class: 'secondary' }, t('outcomes.csv'));
  csv.addEventListener('click', () =>
    download(`/v1/outcomes/experiments/${encodeURIComponent(e.id)}?${period}&format=csv`, `experiment-${e.id}.csv`),
  );
  return h(
    'section',
    { class: 'experiment', 'aria-labelledby': `exp-${e.id}`, 'data-testid': `experiment-${e.id}` },
    h('h3', { id: `exp-${e.id}` }, e.id),
    e.description ? h('p', { class: 'muted' }, e.description) : null,
    ...result.sentences.map((s) => h('p', { class: 'sentence' }, s)),
    armsChart(result, e.id),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'grid compact' },
        h('caption', {}, t('outcomes.tableCaption', { id: e.id })),
        h('thead', {}, head),
        h('tbody', {}, ...rows),
      ),
    ),
    csv,
  );
}

function templatesSection(report, period) {
  const head = h(
    'tr',
    {},
    ...[
      'outcomes.template',
      'outcomes.channel',
      'outcomes.stage',
      'outcomes.messages',
      'outcomes.paymentsLast',
      'outcomes.recovered',
      'outcomes.promiseKept',
      'outcomes.optedOut',
    ].map((k) => h('th', { scope: 'col' }, t(k))),
  );
  const rows = report.items.map((g) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, g.template),
      h('td', {}, channelName(g.channel)),
      h('td', {}, g.stage ? t('stage.' + g.stage, {}, g.stage) : '—'),
      h('td', {}, String(g.messages)),
      h('td', {}, `${g.paymentsLastTouch.successes} · ${range(g.paymentsLastTouch)}`),
      h(
        'td',
        {},
        Object.entries(g.recoveredLastTouch)
          .map(([c, v]) => `${v} ${c}`)
          .join('; ') || '—',
      ),
      h('td', {}, kept(g.promiseKept)),
      h('td', {}, range(g.optedOut)),
    ),
  );
  const csv = h('button', { type: 'button', class: 'secondary' }, t('outcomes.csv'));
  csv.addEventListener('click', () =>
    download(`/v1/outcomes/templates?${period}&format=csv`, 'outcomes-by-template.csv'),
  );
  return h(
    'section',
    { 'aria-labelledby': 'tpl-h', 'data-testid': 'outcomes-templates' },
    h('h2', { id: 'tpl-h' }, t('outcomes.byTemplate')),
    h('p', { class: 'muted' }, t('outcomes.attribution', { days: report.attributionWindowDays })),
    report.items.length
      ? h(
          'div',
          { class: 'table-wrap' },
          h('table', { class: 'grid compact' }, h('thead', {}, head), h('tbody', {}, ...rows)),
        )
      : h('p', {}, t('outcomes.noMessages')),
    csv,
  );
}
