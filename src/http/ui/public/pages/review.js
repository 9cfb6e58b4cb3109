// The periodic review: a printable page of what was sent, what it recovered, what it cost the
// relationship, the promises kept and broken, the reach (what arrived, what did not and why), what the policy held
// back, and the experiments (the same figures as CSV).
import { api, download, errorBox } from '../app.js';
import { h } from '../dom.js';
import { channelName, t } from '../i18n.js';
import { periodForm, range } from './outcomes.js';

export async function render(root, { query }) {
  root.append(h('h1', { tabindex: '-1' }, t('review.title')), h('p', { class: 'no-print' }, t('review.intro')));
  const period = periodForm(root, query, '/ui/review');
  let r;
  try {
    r = await api(`/v1/outcomes/review?${period}`);
  } catch (err) {
    root.append(errorBox(err));
    return;
  }
  const print = h('button', { type: 'button' }, t('review.print'));
  print.addEventListener('click', () => window.print());
  const csv = h('button', { type: 'button', class: 'secondary' }, t('outcomes.csv'));
  csv.addEventListener('click', () => download(`/v1/outcomes/review?${period}&format=csv`, 'review.csv'));
  const amounts = Object.entries(r.recovered.amounts)
    .map(([c, v]) => `${v} ${c}`)
    .join('; ');
  root.append(
    h(
      'p',
      { class: 'muted' },
      t('review.period', { from: r.from.slice(0, 10), to: new Date(Date.parse(r.to) - 1).toISOString().slice(0, 10) }),
    ),
    h('div', { class: 'row no-print' }, print, csv),
    h(
      'section',
      { 'aria-labelledby': 'rv-sent', 'data-testid': 'review-sent' },
      h('h2', { id: 'rv-sent' }, t('review.sent')),
      r.sent.length
        ? h(
            'table',
            { class: 'grid compact' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...['outcomes.stage', 'outcomes.channel', 'outcomes.messages', 'review.delivered'].map((k) =>
                  h('th', { scope: 'col' }, t(k)),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              ...r.sent.map((s) =>
                h(
                  'tr',
                  {},
                  h(
                    'th',
                    { scope: 'row' },
                    s.stage === 'none' ? t('review.noStage') : t('stage.' + s.stage, {}, s.stage),
                  ),
                  h('td', {}, channelName(s.channel)),
                  h('td', {}, String(s.messages)),
                  h('td', {}, String(s.delivered)),
                ),
              ),
            ),
          )
        : h('p', {}, t('outcomes.noMessages')),
    ),
    reachSection(r.reach, r.tenant === null),
    h(
      'section',
      { 'aria-labelledby': 'rv-rec', 'data-testid': 'review-recovered' },
      h('h2', { id: 'rv-rec' }, t('review.recovered')),
      h(
        'p',
        {},
        t('review.recoveredText', {
          payments: r.recovered.payments,
          amounts: amounts || '—',
          promises: r.recovered.promises,
        }),
      ),
    ),
    promisesSection(r.promises),
    h(
      'section',
      { 'aria-labelledby': 'rv-rel' },
      h('h2', { id: 'rv-rel' }, t('review.relationship')),
      h(
        'p',
        {},
        t('review.relationshipText', {
          optOuts: r.relationship.optOuts,
          stops: r.relationship.stops,
          replies: r.relationship.replies,
        }),
      ),
    ),
    heldBackSection(r.heldBack),
    h(
      'section',
      { 'aria-labelledby': 'rv-exp', 'data-testid': 'review-experiments' },
      h('h2', { id: 'rv-exp' }, t('outcomes.experiments')),
      r.experiments.length
        ? h(
            'ul',
            {},
            ...r.experiments.map((e) =>
              h(
                'li',
                {},
                h('strong', {}, e.id),
                e.guardrail ? h('span', { class: 'badge bad' }, ` ${t('outcomes.guardrail')}`) : '',
                ' ',
                e.sentences.join(' '),
              ),
            ),
          )
        : h('p', {}, t('outcomes.noExperiments')),
    ),
  );
}

/** The promises decided in the period: the kept rate with its interval, and the broken ones. */
function promisesSection(p) {
  const cols = ['review.promiseId', 'review.account', 'audit.borrower', 'review.agreed', 'review.brokenAt'];
  return h(
    'section',
    { 'aria-labelledby': 'rv-prom', 'data-testid': 'review-promises' },
    h('h2', { id: 'rv-prom' }, t('review.promises')),
    h(
      'p',
      {},
      p.kept.trials
        ? t('review.promisesText', {
            kept: p.kept.successes,
            decided: p.kept.trials,
            rate: range(p.kept),
            broken: p.broken,
          })
        : t('review.noPromises'),
    ),
    p.brokenList.length
      ? h(
          'table',
          { class: 'grid compact' },
          h(
            'caption',
            {},
            p.brokenListComplete ? t('review.brokenList') : t('review.brokenListSome', { n: p.brokenList.length }),
          ),
          h('thead', {}, h('tr', {}, ...cols.map((k) => h('th', { scope: 'col' }, t(k))))),
          h(
            'tbody',
            {},
            ...p.brokenList.map((b) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, b.promiseId),
                h('td', {}, b.accountRef),
                h('td', {}, b.borrowerId),
                h('td', {}, b.agreedAt.slice(0, 10)),
                h('td', {}, b.brokenAt.slice(0, 10)),
              ),
            ),
          ),
        )
      : '',
  );
}

/** Reach per channel (and tenant, for a deployment-wide key): delivered of handed over, what did not arrive and why. */
function reachSection(reach, everyTenant) {
  const cols = [
    ...(everyTenant ? ['review.tenant'] : []),
    'outcomes.channel',
    'review.handedOver',
    'review.delivered',
    'review.awaiting',
    'review.reachRate',
    'review.undelivered',
    'review.failed',
    'review.bounced',
    'review.reasons',
  ];
  return h(
    'section',
    { 'aria-labelledby': 'rv-reach', 'data-testid': 'review-reach' },
    h('h2', { id: 'rv-reach' }, t('review.reach')),
    reach.items.length
      ? h(
          'table',
          { class: 'grid compact' },
          h('thead', {}, h('tr', {}, ...cols.map((k) => h('th', { scope: 'col' }, t(k))))),
          h(
            'tbody',
            {},
            ...reach.items.map((i) =>
              h(
                'tr',
                {},
                ...(everyTenant ? [h('td', {}, i.tenant)] : []),
                h('th', { scope: 'row' }, channelName(i.channel)),
                h('td', {}, String(i.handedOver)),
                h('td', {}, String(i.delivered)),
                h('td', {}, String(i.awaiting)),
                h('td', {}, i.reach.trials ? range(i.reach) : '—'),
                h('td', {}, String(i.undelivered)),
                h('td', {}, String(i.failed)),
                h('td', {}, i.channel === 'email' ? `${i.bounced.hard} / ${i.bounced.soft}` : '—'),
                h('td', {}, i.reasons.map((x) => `${x.code ?? '—'} ${x.reason}: ${x.n}`).join('; ') || '—'),
              ),
            ),
          ),
        )
      : h('p', {}, t('review.noReach')),
    reach.fallbacks.length
      ? h(
          'ul',
          { 'data-testid': 'review-fallbacks' },
          ...reach.fallbacks.map((f) =>
            h(
              'li',
              {},
              t('review.fallbackText', {
                tenant: everyTenant ? `${f.tenant}: ` : '',
                from: channelName(f.from),
                to: channelName(f.to),
                taken: f.taken,
                delivered: f.delivered,
                handedOver: f.handedOver,
                rate: f.reach.trials ? range(f.reach) : '—',
              }),
            ),
          ),
        )
      : '',
    h('p', { class: 'muted' }, t('review.reachNote')),
  );
}

/** What the policy held back in the period, by reason. */
function heldBackSection(heldBack) {
  return h(
    'section',
    { 'aria-labelledby': 'rv-held' },
    h('h2', { id: 'rv-held' }, t('review.heldBack')),
    heldBack.length
      ? h('ul', {}, ...heldBack.map((x) => h('li', {}, `${t('reason.' + x.reason, {}, x.reason)}: ${x.n}`)))
      : h('p', {}, t('dash.noSuppressed')),
  );
}
