// A borrower's timeline: every message and event, newest first, and the strategy stage.
import { api, errorBox, go, session } from '../app.js';
import { field, h } from '../dom.js';
import { agentZone, channelName, fmtInstant, statusName, t } from '../i18n.js';
import { details } from '../lib/content.js';

export async function render(root, { params }) {
  const id = params[0];
  const input = h('input', {
    id: 'tl-borrower',
    name: 'borrower',
    required: true,
    autocomplete: 'off',
    value: id ?? '',
  });
  const form = h(
    'form',
    { class: 'row', role: 'search', novalidate: true, 'aria-label': t('timeline.find') },
    field(t('timeline.borrower'), input, t('timeline.searchHint')),
    h('button', { type: 'submit' }, t('timeline.show')),
  );
  const found = h('div', { 'aria-live': 'polite', 'data-testid': 'search-results' });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (!q) {
      input.setAttribute('aria-invalid', 'true');
      return input.focus();
    }
    found.replaceChildren();
    // A name, number, email or account's last digits finds borrowers; anything else is an id.
    const hits = q.length >= 2 ? await api(`/v1/borrowers?${new URLSearchParams({ q })}`).catch(() => null) : null;
    if (!hits || hits.items.length === 0) return go(`/ui/borrowers/${encodeURIComponent(q)}`);
    found.append(results(hits.items));
  });
  root.append(h('h1', { tabindex: '-1' }, id ? t('timeline.titleOf', { id }) : t('timeline.title')), form, found);
  if (!id) return;

  const [tl, plan] = await Promise.all([
    api(`/v1/borrowers/${encodeURIComponent(id)}/timeline`),
    api(`/v1/borrowers/${encodeURIComponent(id)}/plan`).catch((err) => err),
  ]);
  const b = tl.borrower;
  root.append(
    h(
      'dl',
      { class: 'facts inline' },
      h('dt', {}, t('timeline.name')),
      h('dd', {}, b.name ?? '—'),
      h('dt', {}, t('timeline.status')),
      h('dd', {}, t('borrower.' + b.status, {}, b.status)),
      h('dt', {}, t('timeline.locale')),
      h('dd', {}, b.locale),
      h('dt', {}, t('timeline.zone')),
      h('dd', {}, [].concat(b.timezone ?? '—').join(', ')),
      h('dt', {}, t('timeline.optOuts')),
      h('dd', {}, b.optOuts?.length ? b.optOuts.map((o) => channelName(o.channel)).join(', ') : '—'),
    ),
    strategy(plan),
    h('h2', {}, t('timeline.events')),
    tl.items.length ? eventsTable(tl.items) : h('p', {}, t('timeline.none')),
  );
}

/** Masked matches, each leading to its timeline and to "May I contact?". */
function results(items) {
  return h(
    'section',
    { 'aria-labelledby': 'found-h' },
    h('h2', { id: 'found-h' }, t('timeline.results')),
    h(
      'ul',
      { class: 'plain' },
      ...items.map((b) =>
        h(
          'li',
          {},
          h('strong', {}, b.name ?? b.id),
          ` · ${[b.phone, b.email, ...b.accounts].filter(Boolean).join(' · ')} · `,
          h('a', { href: `/ui/borrowers/${encodeURIComponent(b.id)}`, 'data-link': '' }, t('timeline.openTimeline')),
          ' · ',
          h(
            'a',
            { href: `/ui/contact?${new URLSearchParams({ borrower: b.id })}`, 'data-link': '' },
            t('timeline.openContact'),
          ),
        ),
      ),
    ),
  );
}

function strategy(plan) {
  const box = h(
    'section',
    { class: 'strategy', 'aria-labelledby': 'strategy-h', 'data-testid': 'strategy' },
    h('h2', { id: 'strategy-h' }, t('timeline.strategy')),
  );
  if (plan instanceof Error) return (box.append(errorBox(plan)), box);
  if (!plan.accounts.length) return (box.append(h('p', {}, t('timeline.noStrategy'))), box);
  for (const a of plan.accounts) {
    box.append(
      h(
        'h3',
        {},
        t('timeline.account', { ref: a.accountRef }),
        ' ',
        h('span', { class: `stage st-${a.stage}`, 'data-testid': 'stage' }, t('stage.' + a.stage, {}, a.stage)),
      ),
      h('p', { class: 'muted' }, a.why, ' · ', t('timeline.since', { when: fmtInstant(a.enteredAt) })),
      ...(a.handoff
        ? [
            h(
              'p',
              { class: 'handoff', 'data-testid': 'handoff' },
              h('strong', {}, t('timeline.handoff', { when: fmtInstant(a.handoff.at), why: a.handoff.why })),
              ' ',
              t(
                'handoff.' + a.handoff.event.delivery,
                {
                  when: a.handoff.event.deliveredAt ? fmtInstant(a.handoff.event.deliveredAt) : '',
                  attempts: String(a.handoff.event.attempts),
                },
                a.handoff.event.delivery,
              ),
            ),
          ]
        : []),
      h(
        'ol',
        { class: 'steps' },
        ...a.steps.map((s) =>
          h(
            'li',
            { class: `step ${s.status}` },
            `${fmtInstant(s.sendAt)} · ${channelName(s.channel)} · ${s.template} · `,
            h('strong', {}, t('step.' + s.status, {}, s.status)),
            s.reason ? ` (${s.reason})` : '',
          ),
        ),
      ),
    );
  }
  return box;
}

function eventsTable(items) {
  const linkable = (session.me?.features ?? []).includes('audit');
  return h(
    'table',
    { class: 'grid', 'data-testid': 'timeline' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[
          'message.atZone',
          'message.event',
          'audit.channel',
          'audit.template',
          'audit.status',
          'message.details',
        ].map((k) => h('th', { scope: 'col' }, t(k, { zone: agentZone() }))),
      ),
    ),
    h(
      'tbody',
      {},
      ...items.map((e) =>
        h(
          'tr',
          {},
          h('td', {}, fmtInstant(e.at)),
          h('td', {}, statusName(e.type)),
          h('td', {}, e.message ? channelName(e.message.channel) : '—'),
          h(
            'td',
            {},
            e.message
              ? linkable
                ? h(
                    'a',
                    { href: `/ui/audit/messages/${encodeURIComponent(e.message.id)}`, 'data-link': '' },
                    e.message.template,
                  )
                : e.message.template
              : '—',
          ),
          h('td', {}, e.message ? statusName(e.message.status) : '—'),
          h('td', {}, details(e.data)),
        ),
      ),
    ),
  );
}
