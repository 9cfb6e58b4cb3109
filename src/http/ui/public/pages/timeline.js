// A borrower's timeline: what holds the borrower, the strategy stage with each account's promise,
// each channel fallback as one chain of attempts, and every message and event, newest first.
import { api, errorBox, go, session } from '../app.js';
import { field, h, scrollBox } from '../dom.js';
import { channelName, locale, statusName, t } from '../i18n.js';
import { borrowerTime, borrowerTimeText, zoneNote } from '../lib/borrower-time.js';
import { details } from '../lib/content.js';
import { fallbackSection } from '../lib/fallbacks.js';
import { heldByLine, holdRows, holdsSection, promiseBox } from '../lib/holds.js';

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
  root.append(h('h1', { tabindex: '-1' }, id ? titleOf(id) : t('timeline.title')), form, found);
  if (!id) return;

  const [tl, plan, holds] = await Promise.all([
    api(`/v1/borrowers/${encodeURIComponent(id)}/timeline`),
    api(`/v1/borrowers/${encodeURIComponent(id)}/plan`).catch((err) => err),
    api(`/v1/borrowers/${encodeURIComponent(id)}/holds`).catch((err) => err),
  ]);
  const b = tl.borrower;
  // Open now is the API's word (the timeline's `holds`); the list has every hold, ended ones too.
  const ceased = b.status === 'ceased' ? (tl.items.find((e) => e.type === 'borrower.ceased') ?? { at: null }) : null;
  const rows = holds instanceof Error ? holds : holdRows(holds.items, new Set(tl.holds.map((x) => x.id)), ceased);
  root.append(
    h(
      'dl',
      { class: 'facts inline' },
      h('dt', {}, t('timeline.name')),
      h('dd', {}, b.name ?? '—'),
      h('dt', {}, t('timeline.status')),
      h('dd', {}, t('borrower.' + b.status, {}, b.status)),
      h('dt', {}, t('timeline.language')),
      h('dd', { 'data-testid': 'language' }, languageFact(b)),
      h('dt', {}, t('timeline.zone')),
      h('dd', {}, [].concat(b.timezone ?? '—').join(', ')),
      h('dt', {}, t('timeline.optOuts')),
      h('dd', {}, b.optOuts?.length ? b.optOuts.map((o) => channelName(o.channel)).join(', ') : '—'),
    ),
    holdsSection(rows, b.timezone),
    strategy(plan, b.timezone, holds instanceof Error ? [] : holds.items),
    fallbackSection(tl.items, (session.me?.features ?? []).includes('audit')),
    h('h2', { id: 'events-h' }, t('timeline.events')),
    tl.items.length ? eventsTable(tl.items, b.timezone) : h('p', {}, t('timeline.none')),
  );
}

/** "Timeline of <id>", the id kept whole on its line (moved down rather than broken at a hyphen). */
function titleOf(id) {
  const [before, after = ''] = t('timeline.titleOf', { id: '\u0000' }).split('\u0000');
  return [before, h('span', { class: 'keep' }, id), after];
}

/**
 * Masked matches, one row each: name, id, masked phone and email, accounts and the last contact
 * (two borrowers of one name differ by these), each leading to its timeline and "May I contact?".
 */
function results(items) {
  const cols = ['search.name', 'search.id', 'search.contact', 'search.accounts', 'search.lastContact', 'search.open'];
  const table = h(
    'table',
    { class: 'grid', 'data-testid': 'search-table' },
    h('caption', { class: 'sr-only' }, t('search.caption')),
    h('thead', {}, h('tr', {}, ...cols.map((k) => h('th', { scope: 'col' }, t(k))))),
    h(
      'tbody',
      {},
      ...items.map((b) =>
        h(
          'tr',
          { 'data-borrower': b.id },
          h('th', { scope: 'row', class: 'nowrap' }, b.name ?? '—'),
          h('td', {}, h('code', { class: 'id' }, b.id)),
          h('td', {}, h('code', { class: 'stack' }, b.phone ?? '—'), h('code', { class: 'stack' }, b.email ?? '—')),
          h('td', {}, b.accounts.length ? h('code', {}, b.accounts.join(', ')) : '—'),
          h(
            'td',
            { 'data-testid': 'last-contact' },
            b.lastContact
              ? [
                  h('span', { class: 'stack' }, channelName(b.lastContact.channel)),
                  borrowerTime(b.lastContact.at, b.timezone),
                ]
              : t('search.never'),
          ),
          h(
            'td',
            {},
            h(
              'a',
              { class: 'stack', href: `/ui/borrowers/${encodeURIComponent(b.id)}`, 'data-link': '' },
              t('timeline.openTimeline'),
            ),
            h(
              'a',
              { class: 'stack', href: `/ui/contact?${new URLSearchParams({ borrower: b.id })}`, 'data-link': '' },
              t('timeline.openContact'),
            ),
          ),
        ),
      ),
    ),
  );
  return h(
    'section',
    { 'aria-labelledby': 'found-h' },
    h('h2', { id: 'found-h' }, t('timeline.results')),
    scrollBox(t('timeline.results'), table),
  );
}

/**
 * The borrower's language preference as recorded (6 RCNY 2-193(b)(5)), named in the console's
 * language, and when it was recorded; or that none was, and what its messages go in.
 */
function languageFact(b) {
  const pref = b.language?.preference ?? null;
  if (!pref) return t('timeline.languageNone', { locale: b.locale });
  let name = pref;
  try {
    name = new Intl.DisplayNames([locale()], { type: 'language' }).of(pref) ?? pref;
  } catch {
    // a tag the browser cannot name: shown as it is
  }
  const when = b.language.recordedAt
    ? t('timeline.languageRecorded', { at: borrowerTimeText(b.language.recordedAt, b.timezone) })
    : t('timeline.languageUndated');
  return [h('span', { lang: pref }, name), ` (${pref}) · ${when}`];
}

function strategy(plan, timezone, holds) {
  const at = (iso) => borrowerTimeText(iso, timezone);
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
      // The strategy's reasons are the service's English: marked so, in either console.
      h(
        'p',
        { class: 'muted' },
        h('span', { lang: 'en' }, a.why),
        ' · ',
        t('timeline.since', { when: at(a.enteredAt) }),
      ),
      ...(a.handoff
        ? [
            h(
              'p',
              { class: 'handoff', 'data-testid': 'handoff' },
              h('strong', {}, t('timeline.handoff', { when: at(a.handoff.at), why: a.handoff.why })),
              ' ',
              t(
                'handoff.' + a.handoff.event.delivery,
                {
                  when: a.handoff.event.deliveredAt ? at(a.handoff.event.deliveredAt) : '',
                  attempts: String(a.handoff.event.attempts),
                },
                a.handoff.event.delivery,
              ),
            ),
          ]
        : []),
      heldByLine(a.heldBy, holds),
      a.promise ? promiseBox(a.promise, a.accountRef, timezone) : null,
      h(
        'ol',
        { class: 'steps' },
        ...a.steps.map((s) =>
          h(
            'li',
            { class: `step ${s.status}` },
            borrowerTime(s.sendAt, timezone),
            ` · ${channelName(s.channel)} · ${s.template} · `,
            h('strong', {}, t('step.' + s.status, {}, s.status)),
            s.reason ? [' (', h('span', { lang: 'en' }, s.reason), ')'] : '',
          ),
        ),
      ),
    );
  }
  return box;
}

function eventsTable(items, timezone) {
  const linkable = (session.me?.features ?? []).includes('audit');
  const table = h(
    'table',
    { class: 'grid', 'data-testid': 'timeline', 'aria-describedby': 'timeline-zone' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['time.when', 'message.event', 'audit.channel', 'audit.template', 'audit.status', 'message.details'].map(
          (k) => h('th', { scope: 'col' }, t(k)),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...items.map((e) =>
        h(
          'tr',
          {},
          h('td', {}, borrowerTime(e.at, timezone)),
          h('td', { class: 'label' }, statusName(e.type)),
          h('td', { class: 'nowrap' }, e.message ? channelName(e.message.channel) : '—'),
          h(
            'td',
            { class: 'nowrap' },
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
          h('td', { class: 'nowrap' }, e.message ? statusName(e.message.status) : '—'),
          h('td', { class: 'text' }, details(e.data, { channel: e.message?.channel ?? null, timezone, type: e.type })),
        ),
      ),
    ),
  );
  // The note sits outside the sideways-scrolling box, so a narrow screen shows all of it.
  return h(
    'div',
    {},
    h('p', { class: 'zone-note', id: 'timeline-zone', 'data-testid': 'zone-note' }, zoneNote(timezone)),
    scrollBox(t('timeline.events'), table),
  );
}
