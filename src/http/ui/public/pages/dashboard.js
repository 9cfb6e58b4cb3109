// Dashboard: messages per day by channel and outcome, from the audit store, for a period.
import { api, errorBox, go } from '../app.js';
import { field, h } from '../dom.js';
import { agentZone, channelName, outcomeName, t } from '../i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLORS = {
  pending: '#6b7280',
  sent: '#1d4ed8',
  delivered: '#15803d',
  failed: '#b91c1c',
  deferred: '#b45309',
  suppressed: '#7e22ce',
  cancelled: '#94a3b8',
};

/** The longest period the API charts at once (GET /v1/audit/stats). */
const MAX_DAYS = 366;

const isoDay = (d) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export async function render(root, { query, me }) {
  const today = new Date();
  const twoWeeks = new Date(today.getTime() - 13 * 86_400_000);
  const from = h('input', { id: 'd-from', name: 'from', type: 'date', value: query.get('from') ?? isoDay(twoWeeks) });
  const to = h('input', { id: 'd-to', name: 'to', type: 'date', value: query.get('to') ?? isoDay(today) });
  const zone = agentZone();
  const form = h(
    'form',
    { class: 'row', novalidate: true, 'aria-label': t('dash.period') },
    field(t('dash.from'), from),
    field(t('dash.to'), to),
    h('button', { type: 'submit' }, t('dash.show')),
  );
  const formError = h('div', { 'aria-live': 'polite' });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    formError.replaceChildren();
    const days = Math.round((Date.parse(to.value) - Date.parse(from.value)) / 86_400_000) + 1;
    const problem =
      !from.value || !to.value || days < 1
        ? t('dash.badPeriod')
        : days > MAX_DAYS
          ? t('dash.tooLong', { max: MAX_DAYS, days })
          : null;
    if (problem) {
      formError.append(h('p', { class: 'error', role: 'alert' }, problem));
      return (days > MAX_DAYS ? from : to).focus();
    }
    go(`/ui/dashboard?${new URLSearchParams({ from: from.value, to: to.value })}`);
  });
  root.append(h('h1', { tabindex: '-1' }, t('dash.title')), h('p', {}, t('dash.intro', { zone })), form, formError);
  if (me.features.includes('queues'))
    root.append(
      h(
        'p',
        {},
        h('a', { href: '/admin/queues' }, t('dash.queues')),
        ' ',
        h('span', { class: 'muted' }, t('nav.queuesHint')),
      ),
    );

  let stats;
  try {
    stats = await api(`/v1/audit/stats?${new URLSearchParams({ from: from.value, to: to.value, timezone: zone })}`);
  } catch (err) {
    root.append(errorBox(err));
    return;
  }
  root.append(
    legend(stats.outcomes),
    h('div', { class: 'charts' }, ...['sms', 'voice', 'email'].map((c) => chart(stats, c))),
    reasons(stats.suppressedByReason),
  );
}

function legend(outcomes) {
  return h(
    'ul',
    { class: 'legend', 'aria-label': t('dash.legend') },
    ...outcomes.map((o) =>
      h('li', {}, h('span', { class: 'swatch', style: `background:${COLORS[o]}` }), outcomeName(o)),
    ),
  );
}

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/** Stacked bars, a day each; the same figures follow as a table. */
function chart(stats, channel) {
  const days = stats.days.map((d) => ({ date: d.date, counts: d.channels[channel] }));
  const totals = days.map((d) => stats.outcomes.reduce((n, o) => n + d.counts[o], 0));
  const max = Math.max(1, ...totals);
  const W = 420;
  const H = 220;
  const pad = { l: 34, r: 6, t: 10, b: 30 };
  const bw = (W - pad.l - pad.r) / days.length;
  const y = (v) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  const titleId = `chart-${channel}-t`;
  const sum = Object.fromEntries(stats.outcomes.map((o) => [o, days.reduce((n, d) => n + d.counts[o], 0)]));
  const descText = stats.outcomes.map((o) => `${outcomeName(o)} ${sum[o]}`).join(', ');
  const g = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${titleId} ${titleId}-d`, class: 'chart' },
    svg('title', { id: titleId }),
    svg('desc', { id: `${titleId}-d` }),
  );
  g.querySelector('title').textContent = t('dash.chartTitle', { channel: channelName(channel) });
  g.querySelector('desc').textContent = descText;
  for (const v of [...new Set([0, Math.round(max / 2), max])]) {
    g.append(svg('line', { x1: pad.l, x2: W - pad.r, y1: y(v), y2: y(v), class: 'gridline' }));
    const label = svg('text', { x: pad.l - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' });
    label.textContent = String(Math.round(v));
    g.append(label);
  }
  days.forEach((d, i) => {
    let base = 0;
    for (const o of stats.outcomes) {
      const v = d.counts[o];
      if (!v) continue;
      const rect = svg('rect', {
        x: pad.l + i * bw + bw * 0.15,
        width: bw * 0.7,
        y: y(base + v),
        height: y(base) - y(base + v),
        fill: COLORS[o],
      });
      const tip = svg('title', {});
      tip.textContent = `${d.date} · ${outcomeName(o)}: ${v}`;
      rect.append(tip);
      g.append(rect);
      base += v;
    }
    if (i % Math.ceil(days.length / 7) === 0) {
      const label = svg('text', {
        x: pad.l + i * bw + bw / 2,
        y: H - pad.b + 14,
        'text-anchor': 'middle',
        class: 'axis',
      });
      label.textContent = d.date.slice(5);
      g.append(label);
    }
  });
  const table = h(
    'table',
    { class: 'grid compact' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('dash.day')),
        ...stats.outcomes.map((o) => h('th', { scope: 'col' }, outcomeName(o))),
      ),
    ),
    h(
      'tbody',
      {},
      ...days
        .filter((_, i) => totals[i] > 0)
        .map((d) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, d.date),
            ...stats.outcomes.map((o) => h('td', {}, String(d.counts[o]))),
          ),
        ),
    ),
  );
  return h(
    'section',
    { class: 'chart-box', 'aria-labelledby': `${channel}-h`, 'data-testid': `chart-${channel}` },
    h(
      'h2',
      { id: `${channel}-h` },
      channelName(channel),
      ' ',
      h('span', { class: 'muted' }, t('dash.total', { n: totals.reduce((a, b) => a + b, 0) })),
    ),
    g,
    h('details', {}, h('summary', {}, t('dash.asTable')), table),
  );
}

function reasons(list) {
  const max = Math.max(1, ...list.map((r) => r.n));
  return h(
    'section',
    { 'aria-labelledby': 'reasons-h', 'data-testid': 'suppressed-reasons' },
    h('h2', { id: 'reasons-h' }, t('dash.suppressedBy')),
    list.length
      ? h(
          'ul',
          { class: 'hbars' },
          ...list.map((r) =>
            h(
              'li',
              {},
              h('span', { class: 'hbar-label' }, t('reason.' + r.reason, {}, r.reason)),
              h('span', { class: 'hbar', style: `width:${(70 * r.n) / max}%` }),
              h('span', {}, String(r.n)),
            ),
          ),
        )
      : h('p', {}, t('dash.noSuppressed')),
  );
}
