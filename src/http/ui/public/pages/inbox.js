// The agents' inbox: the borrowers who replied, newest reply first (GET /v1/inbox), with their
// unread replies, what the last one was understood to say and the holds open. The filters and the
// page's cursor live in the address's #fragment, so a link or a reload keeps them.
import { api, errorBox } from '../app.js';
import { field, h } from '../dom.js';
import { agentZone, fmtInstant, t } from '../i18n.js';
import { INTENTS, holdName, intentChip, intentName } from '../lib/inbox-words.js';

const PAGE = 25;

/** The filters and cursor written in the fragment: #intent=revoke&needsPerson=true&unread=true&cursor=… */
function fromHash() {
  const q = new URLSearchParams(location.hash.slice(1));
  return {
    intent: INTENTS.includes(q.get('intent')) ? q.get('intent') : '',
    needsPerson: q.get('needsPerson') === 'true',
    unread: q.get('unread') === 'true',
    cursor: /^[1-9][0-9]{0,15}$/.test(q.get('cursor') ?? '') ? q.get('cursor') : null,
  };
}

function toQuery(f) {
  const q = new URLSearchParams();
  if (f.intent) q.set('intent', f.intent);
  if (f.needsPerson) q.set('needsPerson', 'true');
  if (f.unread) q.set('unread', 'true');
  if (f.cursor) q.set('cursor', f.cursor);
  return q;
}

export async function render(root) {
  const f = fromHash();
  const intent = h(
    'select',
    { id: 'inbox-intent', name: 'intent' },
    h('option', { value: '' }, t('inbox.anyIntent')),
    ...INTENTS.map((i) => h('option', { value: i, selected: i === f.intent }, intentName(i))),
  );
  const needsPerson = h('input', { type: 'checkbox', id: 'inbox-needs-person', checked: f.needsPerson });
  const unread = h('input', { type: 'checkbox', id: 'inbox-unread', checked: f.unread });
  const form = h(
    'form',
    { class: 'row inbox-filters', novalidate: true, 'aria-label': t('inbox.filters') },
    field(t('inbox.intent'), intent),
    h('div', { class: 'check' }, needsPerson, h('label', { for: 'inbox-needs-person' }, t('inbox.needsPersonOnly'))),
    h('div', { class: 'check' }, unread, h('label', { for: 'inbox-unread' }, t('inbox.unreadOnly'))),
    h('button', { type: 'submit' }, t('inbox.apply')),
  );
  const list = h('div', { 'aria-live': 'polite', 'aria-busy': 'true', 'data-testid': 'inbox-list' });
  const pager = h('div', { class: 'pager' });
  root.append(h('h1', { tabindex: '-1' }, t('inbox.title')), h('p', {}, t('inbox.intro')), form, list, pager);

  // A new filter starts again at the first page; the fragment changes, and the list follows it.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = `#${toQuery({ intent: intent.value, needsPerson: needsPerson.checked, unread: unread.checked })}`;
    if (location.hash === next || (next === '#' && !location.hash)) show();
    else location.hash = next;
  });
  const onHash = () => {
    if (!root.isConnected) return window.removeEventListener('hashchange', onHash);
    // "Skip to content" (#main) is a place on the page, not a filter.
    if (location.hash.length > 1 && !location.hash.includes('=')) return;
    const now = fromHash();
    intent.value = now.intent;
    needsPerson.checked = now.needsPerson;
    unread.checked = now.unread;
    show();
  };
  window.addEventListener('hashchange', onHash);

  let seq = 0;
  async function show() {
    const mine = ++seq;
    const now = fromHash();
    const q = toQuery(now);
    q.set('limit', String(PAGE));
    list.setAttribute('aria-busy', 'true');
    let r;
    try {
      r = await api(`/v1/inbox?${q}`);
    } catch (err) {
      if (mine === seq) list.replaceChildren(errorBox(err));
      return;
    } finally {
      if (mine === seq) list.setAttribute('aria-busy', 'false');
    }
    if (mine !== seq) return;
    list.replaceChildren(r.items.length ? table(r.items) : h('p', { 'data-testid': 'inbox-empty' }, t('inbox.none')));
    const parts = [];
    if (now.cursor) parts.push(h('a', { href: `#${toQuery({ ...now, cursor: null })}` }, t('inbox.firstPage')));
    if (r.nextCursor)
      parts.push(h('a', { href: `#${toQuery({ ...now, cursor: r.nextCursor })}` }, t('inbox.nextPage')));
    if (r.nextCursor && r.items.length < PAGE) parts.push(h('span', { class: 'muted' }, t('inbox.filteredPage')));
    pager.replaceChildren(...parts);
  }
  await show();
}

function table(items) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'grid inbox' },
      h('caption', { class: 'sr-only' }, t('inbox.caption')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['inbox.borrower', 'inbox.lastReply', 'inbox.understood', 'inbox.holds', 'inbox.unread'].map((k) =>
            h('th', { scope: 'col' }, t(k, { zone: agentZone() })),
          ),
        ),
      ),
      h('tbody', {}, ...items.map(row)),
    ),
  );
}

function row(i) {
  const href = `/ui/inbox/${encodeURIComponent(i.borrowerId)}`;
  return h(
    'tr',
    { class: i.unread ? 'unread' : null, 'data-borrower': i.borrowerId },
    h(
      'th',
      { scope: 'row' },
      h('a', { href, 'data-link': '' }, i.name ?? i.borrowerId),
      h('span', { class: 'id' }, i.borrowerId),
      i.maskedPhone ? h('span', { class: 'id muted' }, i.maskedPhone) : null,
    ),
    h('td', { class: 'nowrap' }, fmtInstant(i.lastReplyAt)),
    h(
      'td',
      {},
      i.needsPerson
        ? h('span', { class: 'needs-person', 'data-testid': 'needs-person' }, t('inbox.needsPerson'))
        : null,
      i.lastKind !== 'other'
        ? h('span', { class: 'chip keyword' }, t(`inbox.keyword.${i.lastKind}`, {}, i.lastKind))
        : null,
      ...i.lastIntents.map(intentChip),
    ),
    h('td', {}, i.holds.length ? i.holds.map(holdName).join(', ') : '—'),
    h(
      'td',
      { class: 'nowrap' },
      i.unread
        ? h('span', { class: 'unread-badge', 'data-testid': 'unread' }, String(i.unread))
        : h('span', { class: 'muted', 'data-testid': 'unread' }, '0'),
      h('span', { class: 'sr-only' }, ` ${t('nav.unread')}`),
    ),
  );
}
