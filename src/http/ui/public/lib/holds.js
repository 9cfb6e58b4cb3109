// What holds a borrower's accounts, in words (issue 29, item 4): each hold, open ones first, with
// its kind, reason, account, start and end in the borrower's zone beside UTC, and who opened and
// closed it; a cease as the hold that never ends; and an account's promise or payment plan with
// what was paid and each instalment. The timeline shows them; the API decides which are open.
import { h, scrollBox } from '../dom.js';
import { locale, t } from '../i18n.js';
import { borrowerTime, zoneNote } from './borrower-time.js';

/**
 * The holds as rows, open first (the API's `openIds`: `holds` of the timeline, open now), then the
 * ended ones newest first; a ceased borrower's cease (its `borrower.ceased` event) leads.
 */
export function holdRows(holds, openIds, ceased) {
  const stateOf = (x) => (openIds.has(x.id) ? 'open' : x.closedAt ? 'closed' : 'lapsed');
  const rows = holds.map((x) => ({ ...x, state: stateOf(x) }));
  const open = rows.filter((x) => x.state === 'open');
  const ended = rows.filter((x) => x.state !== 'open');
  const cease = ceased
    ? [
        {
          id: 'cease',
          kind: 'cease',
          state: 'open',
          openedAt: ceased.at,
          until: null,
          openedBy: ceased.actor,
          detail: null,
          ruleRef: typeof ceased.data?.rule === 'string' ? ceased.data.rule : null,
          accountRef: null,
        },
      ]
    : [];
  return [...cease, ...open, ...ended];
}

const kindName = (kind) => t(`holdName.${kind}`, {}, kind);

/** A time in the borrower's zone beside UTC that may break between the two (and only there) in a narrow column. */
function when(iso, timezone) {
  const el = borrowerTime(iso, timezone);
  if (typeof el === 'string') return el;
  const [local, utc] = el.textContent.split(' · ');
  if (utc) el.replaceChildren(h('span', { class: 'nowrap' }, local), ' · ', h('span', { class: 'nowrap' }, utc));
  return el;
}

/** A sentence with a node in its {name} (a time or a code stays an element inside the words around it). */
function around(key, vars, name, node) {
  const [before, after = ''] = t(key, { ...vars, [name]: '\u0000' }).split('\u0000');
  return [before, node, after];
}

/** Who opened it: the API's source (`api`, `reply`, `agent`), or the actor of a cease. */
function openedBy(x) {
  if (x.kind === 'cease') return x.openedBy ? h('code', {}, x.openedBy) : '—';
  return t(`holdSource.${x.source}`, {}, x.source);
}

/** Who ended it: the service's own actors in words, a key or an agent by its id. */
function closedBy(actor) {
  const named = actor ? t(`holdActor.${actor}`, {}, '') : '';
  return named || h('code', {}, actor ?? '—');
}

/** Why it holds: the kind's sentence, then what the borrower or agent said, and the rule. */
function reason(x) {
  return [
    h('span', { class: 'stack-text' }, t(`holdReason.${x.kind}`, {}, '')),
    x.detail ? h('q', { class: 'said', 'data-testid': 'hold-detail' }, x.detail) : null,
    x.ruleRef ? h('span', { class: 'original' }, t('holds.rule', { rule: x.ruleRef })) : null,
  ];
}

/** How it ends: closed (when, by whom, how), lapsed (when), or open (until when, or until closed). */
function end(x, timezone) {
  if (x.state === 'closed')
    return [
      h('span', { class: 'stack' }, when(x.closedAt, timezone)),
      h(
        'span',
        { class: 'by' },
        around(
          'holds.closedBy',
          { how: t(`holdResolution.${x.resolution}`, {}, x.resolution ?? '') },
          'who',
          closedBy(x.closedBy),
        ),
      ),
      x.closeDetail ? h('q', { class: 'said' }, x.closeDetail) : null,
    ];
  if (x.state === 'lapsed')
    return [h('span', { class: 'stack' }, when(x.until, timezone)), h('span', { class: 'by' }, t('holds.lapsed'))];
  if (x.kind === 'cease') return t('holds.never');
  if (x.kind === 'promise')
    return [h('span', { class: 'by' }, t('holds.decidedBy')), h('span', { class: 'stack' }, when(x.until, timezone))];
  if (!x.until) return t('holds.untilClosed');
  return [h('span', { class: 'by' }, t('holds.lapses')), h('span', { class: 'stack' }, when(x.until, timezone))];
}

/** The "Holds" section: a table of the rows, or a sentence when nothing ever held the borrower. */
export function holdsSection(rows, timezone) {
  const box = h(
    'section',
    { class: 'hold-list', 'aria-labelledby': 'holds-h', 'data-testid': 'holds' },
    h('h2', { id: 'holds-h' }, t('holds.title')),
  );
  if (rows instanceof Error) return (box.append(h('p', { class: 'error' }, t('holds.unavailable'))), box);
  if (!rows.length) return (box.append(h('p', {}, t('holds.none'))), box);
  const open = rows.filter((x) => x.state === 'open').length;
  const cols = ['holds.hold', 'holds.reason', 'holds.account', 'holds.started', 'holds.ends'];
  const table = h(
    'table',
    { class: 'grid holds-table', 'aria-describedby': 'holds-zone' },
    h('caption', { class: 'sr-only' }, t('holds.title')),
    h('thead', {}, h('tr', {}, ...cols.map((k) => h('th', { scope: 'col' }, t(k))))),
    h(
      'tbody',
      {},
      ...rows.map((x) =>
        h(
          'tr',
          { 'data-hold': x.id, 'data-kind': x.kind, 'data-state': x.state, class: `hold-${x.state}` },
          h(
            'th',
            { scope: 'row' },
            h('span', { class: 'hold-name' }, kindName(x.kind)),
            h('span', { class: `hold-state hs-${x.state}` }, t(`holdState.${x.state}`)),
          ),
          h('td', { class: 'text' }, reason(x)),
          h('td', {}, x.accountRef ? h('code', {}, x.accountRef) : t('holds.allAccounts')),
          h(
            'td',
            {},
            h('span', { class: 'stack' }, when(x.openedAt, timezone)),
            h('span', { class: 'by' }, around('holds.by', {}, 'who', openedBy(x))),
          ),
          h('td', {}, end(x, timezone)),
        ),
      ),
    ),
  );
  box.append(
    h('p', { 'data-testid': 'holds-summary' }, open ? t('holds.openCount', { n: String(open) }) : t('holds.noneOpen')),
    h('p', { class: 'zone-note', id: 'holds-zone' }, zoneNote(timezone)),
    scrollBox(t('holds.title'), table),
  );
  return box;
}

/** A calendar date ("2026-12-20") in the console's language; it is the borrower's own day, so no zone moves it. */
function day(date) {
  const text = new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
  return h('time', { class: 'when', datetime: date }, text.format(new Date(`${date}T00:00:00Z`)));
}

/** A decimal string in its currency (never through a float: Intl formats the string as given). */
export function money(amount, currency) {
  if (amount === null || amount === undefined) return '—';
  if (!currency) return amount;
  return new Intl.NumberFormat(locale(), { style: 'currency', currency }).format(amount);
}

/** What holds the account now, by the kinds of its `heldBy` holds (or that nothing does). */
export function heldByLine(ids, holds) {
  if (!ids.length) return h('p', { class: 'muted', 'data-testid': 'held-by' }, t('holds.accountFree'));
  // In the list's order (newest first), each kind once.
  const kinds = [...new Set(holds.filter((x) => ids.includes(x.id)).map((x) => kindName(x.kind)))];
  // The list could not be read: the holds by their ids.
  if (!kinds.length) kinds.push(...ids);
  return h(
    'p',
    { class: 'held-by', 'data-testid': 'held-by' },
    t('holds.accountHeld', { kinds: kinds.join(t('holds.and')) }),
  );
}

/** An account's promise or payment plan: its state, when agreed, what was paid, each instalment. */
export function promiseBox(p, accountRef, timezone) {
  const name = t(`promiseName.${p.kind}`, {}, p.kind);
  const headingId = `promise-${p.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const table = h(
    'table',
    { class: 'grid instalments' },
    h('caption', { class: 'sr-only' }, t('promise.caption', { what: name, ref: accountRef })),
    h(
      'thead',
      {},
      h('tr', {}, ...['promise.due', 'promise.amount', 'promise.state'].map((k) => h('th', { scope: 'col' }, t(k)))),
    ),
    h(
      'tbody',
      {},
      ...p.instalments.map((i) =>
        h(
          'tr',
          { 'data-state': i.state },
          h('td', {}, day(i.dueDate)),
          h('td', { class: 'nowrap' }, money(i.amount, p.currency)),
          h('td', {}, h('span', { class: `inst-state is-${i.state}` }, t(`instalment.${i.state}`, {}, i.state))),
        ),
      ),
    ),
  );
  return h(
    'section',
    { class: 'promise-box', 'aria-labelledby': headingId, 'data-testid': 'promise', 'data-state': p.state },
    h(
      'h4',
      { id: headingId },
      name,
      ' ',
      h(
        'span',
        { class: `promise-state ps-${p.state}`, 'data-testid': 'promise-state' },
        t(`promiseState.${p.state}`, {}, p.state),
      ),
    ),
    h(
      'dl',
      { class: 'facts inline' },
      h('dt', {}, t('promise.agreed')),
      h('dd', {}, borrowerTime(p.agreedAt, timezone)),
      h('dt', {}, t('promise.paid')),
      h('dd', { 'data-testid': 'promise-paid' }, money(p.paid, p.currency)),
      ...(p.kind === 'plan' ? [h('dt', {}, t('promise.misses')), h('dd', {}, String(p.misses))] : []),
    ),
    scrollBox(t('promise.caption', { what: name, ref: accountRef }), table),
  );
}
