// Audit: filters, a paged table with masked recipients, the chain badge and the exports.
import { api, download, errorBox, go } from '../app.js';
import { field, h, scrollBox } from '../dom.js';
import { agentZone, channelName, fmtInstant, statusName, t } from '../i18n.js';
import { chainBadge } from '../lib/chain.js';

const STATUSES = [
  'accepted',
  'scheduled',
  'queued',
  'deferred',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'answered',
  'no-answer',
  'busy',
  'machine',
  'suppressed',
  'cancelled',
];

/** A local date (the agent's zone) as the instant its day starts. */
const dayStart = (date, plusDays = 0) => {
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
};

export async function render(root, { query }) {
  const form = filterForm(query);
  // The API's filter from the page's query (dates are the agent's local days).
  const filter = new URLSearchParams();
  if (query.get('borrower')) filter.set('borrowerId', query.get('borrower'));
  for (const k of ['channel', 'status', 'template']) if (query.get(k)) filter.set(k, query.get(k));
  if (query.get('from')) filter.set('from', dayStart(query.get('from')));
  if (query.get('to')) filter.set('to', dayStart(query.get('to'), 1));

  const exportStatus = h('span', { role: 'status', class: 'muted' });
  const table = h('div', { 'aria-live': 'polite' });
  const pager = h('div', { class: 'pager' });
  root.append(
    h('h1', { tabindex: '-1' }, t('audit.title')),
    chainBadge(),
    form,
    h(
      'div',
      { class: 'row exports' },
      exportButton('csv', filter, exportStatus),
      exportButton('ndjson', filter, exportStatus),
      exportStatus,
    ),
    table,
    pager,
  );
  await showPage(query, filter, table, pager);
}

/** The filters, filled from the address; applying or clearing them navigates. */
function filterForm(query) {
  const input = (id, name, type = 'text') =>
    h('input', { id, name, type, value: query.get(name) ?? '', autocomplete: 'off' });
  const borrower = input('f-borrower', 'borrower');
  const template = input('f-template', 'template');
  const from = input('f-from', 'from', 'date');
  const to = input('f-to', 'to', 'date');
  const channel = h(
    'select',
    { id: 'f-channel', name: 'channel' },
    h('option', { value: '' }, t('audit.any')),
    ...['sms', 'voice', 'email'].map((c) =>
      h('option', { value: c, selected: query.get('channel') === c }, channelName(c)),
    ),
  );
  const status = h(
    'select',
    { id: 'f-status', name: 'status' },
    h('option', { value: '' }, t('audit.any')),
    ...STATUSES.map((s) => h('option', { value: s, selected: query.get('status') === s }, statusName(s))),
  );
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': t('audit.filters') },
    field(t('audit.borrower'), borrower),
    field(t('audit.channel'), channel),
    field(t('audit.status'), status),
    field(t('audit.template'), template),
    field(t('audit.from'), from),
    field(t('audit.to'), to),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, t('audit.apply')),
      h('button', { type: 'reset', class: 'secondary' }, t('audit.clear')),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const el of [borrower, channel, status, template, from, to])
      if (el.value.trim()) q.set(el.name, el.value.trim());
    go(`/ui/audit${q.size ? `?${q}` : ''}`);
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    go('/ui/audit');
  });
  return form;
}

function exportButton(format, filter, exportStatus) {
  const b = h(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': `export-${format}` },
    t('audit.export', { format: format.toUpperCase() }),
  );
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      const q = new URLSearchParams(filter);
      q.set('format', format);
      const name = await download(`/v1/audit/export?${q}`, `messages.${format}`);
      exportStatus.textContent = t('audit.exported', { name });
    } catch (err) {
      exportStatus.replaceChildren(errorBox(err));
    } finally {
      b.disabled = false;
    }
  });
  return b;
}

/**
 * Keyset pages: the page number is in the address, the cursors that lead to it in the history
 * entry, so Back, Forward and reload come back to the same page.
 */
async function showPage(query, filter, table, pager) {
  const cursors = Array.isArray(history.state?.cursors) ? history.state.cursors : [null];
  let pageNo = Math.max(1, Math.floor(Number(query.get('page'))) || 1);
  if (cursors[pageNo - 1] === undefined) pageNo = 1;
  const pageHref = (n) => {
    const q = new URLSearchParams(location.search);
    if (n > 1) q.set('page', String(n));
    else q.delete('page');
    return `/ui/audit${q.size ? `?${q}` : ''}`;
  };
  const q = new URLSearchParams(filter);
  q.set('limit', '25');
  if (cursors[pageNo - 1]) q.set('cursor', cursors[pageNo - 1]);
  try {
    const r = await api(`/v1/audit/messages?${q}`);
    table.replaceChildren(messagesTable(r.items));
    const prev = h('button', { type: 'button', class: 'secondary', disabled: pageNo === 1 }, t('audit.prev'));
    const next = h('button', { type: 'button', class: 'secondary', disabled: !r.nextCursor }, t('audit.next'));
    prev.addEventListener('click', () => go(pageHref(pageNo - 1), { state: { cursors } }));
    next.addEventListener('click', () =>
      go(pageHref(pageNo + 1), { state: { cursors: [...cursors.slice(0, pageNo), r.nextCursor] } }),
    );
    pager.replaceChildren(prev, h('span', {}, t('audit.page', { n: pageNo })), next);
  } catch (err) {
    table.replaceChildren(errorBox(err));
  }
}

function messagesTable(items) {
  if (!items.length) return h('p', { 'data-testid': 'no-messages' }, t('audit.none'));
  const cols = [
    'audit.createdZone',
    'audit.borrower',
    'audit.channel',
    'audit.template',
    'audit.recipient',
    'audit.status',
    'audit.message',
  ];
  return scrollBox(
    t('audit.title'),
    h(
      'table',
      { class: 'grid', 'data-testid': 'messages' },
      h('caption', { class: 'sr-only' }, t('audit.title')),
      h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { scope: 'col' }, t(c, { zone: agentZone() }))))),
      h(
        'tbody',
        {},
        ...items.map((m) =>
          h(
            'tr',
            {},
            h('td', {}, fmtInstant(m.createdAt)),
            h(
              'td',
              {},
              h(
                'a',
                { href: `/ui/borrowers/${encodeURIComponent(m.borrowerId ?? '')}`, 'data-link': '' },
                m.borrowerId ?? '',
              ),
            ),
            h('td', {}, channelName(m.channel)),
            h('td', {}, m.template),
            h('td', {}, h('code', {}, m.to)),
            h('td', {}, h('span', { class: `status s-${m.status}` }, statusName(m.status))),
            h(
              'td',
              {},
              h(
                'a',
                {
                  href: `/ui/audit/messages/${encodeURIComponent(m.id)}`,
                  'data-link': '',
                  'aria-label': t('audit.openLabel', { id: m.id }),
                },
                t('audit.open'),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
