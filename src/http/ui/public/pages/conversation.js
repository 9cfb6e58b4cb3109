// One borrower's conversation (GET /v1/inbox/{borrowerId}): each reply in their words with what it
// was understood to say and what was done, the messages sent between them, the borrower's time now
// and whether each channel may be contacted now. Opening it marks the replies read for this key;
// an agent corrects a reply read wrongly, and answers the borrower.
import { api, refreshInboxCount } from '../app.js';
import { h } from '../dom.js';
import { channelName, fmtInZone, statusName, t } from '../i18n.js';
import { composer } from '../lib/composer.js';
import { correctionForm } from '../lib/correction-form.js';
import { actionText, actorText, holdName, intentChip, theirTime, timeEl, zoneOf } from '../lib/inbox-words.js';
import { marked } from '../lib/marked.js';

export async function render(root, { params, me }) {
  const id = params[0];
  const c = await api(`/v1/inbox/${encodeURIComponent(id)}`);
  const zone = zoneOf(c);
  const replies = c.items.filter((i) => i.kind === 'reply');
  const mayAct = me.role === 'agent' || me.role === 'admin';
  const form = mayAct && replies.length ? correctionForm(c, id) : null;

  const parts = [
    h('p', { class: 'crumbs' }, h('a', { href: '/ui/inbox', 'data-link': '' }, t('inbox.title')), ' › ', id),
    h('h1', { tabindex: '-1' }, t('inbox.conversationWith', { name: c.borrower.name ?? id })),
    facts(c),
    h('div', { class: 'two now' }, nowSection(c), contactSection(c, zone)),
    holdsSection(c, zone),
    h(
      'section',
      { 'aria-labelledby': 'conv-h' },
      h('h2', { id: 'conv-h' }, t('inbox.conversation')),
      c.items.length
        ? h(
            'ol',
            { class: 'conversation', 'data-testid': 'conversation' },
            ...c.items.map((i) => (i.kind === 'reply' ? replyItem(i, zone, form) : messageItem(i, zone))),
          )
        : h('p', {}, t('inbox.empty')),
    ),
    form?.section,
    mayAct ? composer(id, replies.at(-1)?.eventId ?? null, zone) : null,
  ];
  root.append(...parts.filter(Boolean));

  // Read up to the last reply shown: one that arrives meanwhile stays unread.
  const last = replies.at(-1);
  if (last) {
    api(`/v1/inbox/${encodeURIComponent(id)}/read`, { method: 'POST', body: { upTo: last.eventId } })
      .then(() => refreshInboxCount())
      .catch(() => {});
  }
}

function facts(c) {
  const b = c.borrower;
  const rows = [
    ['inbox.borrowerId', h('code', {}, b.id)],
    ['inbox.phone', b.maskedPhone ?? '—'],
    ['inbox.email', b.maskedEmail ?? '—'],
    ['timeline.locale', b.locale],
    ['timeline.status', t('borrower.' + b.status, {}, b.status)],
  ];
  return h('dl', { class: 'facts inline' }, ...rows.flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
}

function nowSection(c) {
  return h(
    'section',
    { 'aria-labelledby': 'now-h' },
    h('h2', { id: 'now-h' }, t('inbox.theirTimeNow')),
    c.now.local.length
      ? h(
          'ul',
          { class: 'plain', 'data-testid': 'their-time' },
          ...c.now.local.map((l) => h('li', {}, h('strong', {}, fmtInZone(c.now.at, l.zone)), ` (${l.zone})`)),
        )
      : h('p', {}, t('inbox.noZone')),
    h('p', { class: 'muted' }, t('inbox.utcNow', { time: theirTime(c.now.at, null) })),
  );
}

function contactSection(c, zone) {
  return h(
    'section',
    { 'aria-labelledby': 'may-h' },
    h('h2', { id: 'may-h' }, t('inbox.mayContact')),
    h(
      'ul',
      { class: 'plain may', 'data-testid': 'contactable' },
      ...c.contactable.map((x) =>
        h(
          'li',
          { 'data-channel': x.channel },
          h('strong', {}, channelName(x.channel)),
          ': ',
          h('span', { class: x.allowed ? 'ok' : 'warn' }, t(x.allowed ? 'inbox.yesNow' : 'inbox.notNow')),
          x.reasons.length ? ` (${x.reasons.map((r) => t('reason.' + r, {}, r)).join(', ')})` : '',
          x.earliestAllowedAt ? h('br') : null,
          x.earliestAllowedAt
            ? h('span', { class: 'muted' }, t('inbox.earliest'), ' ', timeEl(x.earliestAllowedAt, zone))
            : null,
        ),
      ),
    ),
  );
}

function holdsSection(c, zone) {
  if (!c.holds.length) return null;
  return h(
    'section',
    { 'aria-labelledby': 'holds-h', class: 'holds' },
    h('h2', { id: 'holds-h' }, t('inbox.holdsOpen')),
    h(
      'ul',
      { class: 'plain', 'data-testid': 'holds' },
      ...c.holds.map((x) =>
        h(
          'li',
          { 'data-hold': x.id },
          h('strong', {}, holdName(x.kind)),
          ' · ',
          t('inbox.openedAt'),
          ' ',
          timeEl(x.openedAt, zone),
          x.until ? [' · ', t('inbox.until'), ' ', timeEl(x.until, zone)] : '',
          x.detail ? h('span', { class: 'muted' }, ` · ${x.detail}`) : null,
        ),
      ),
    ),
  );
}

function replyItem(r, zone, form) {
  const intents = r.understood?.intents ?? [];
  const names = intents.map((i) => i.intent);
  return h(
    'li',
    { class: 'item reply', 'data-event': r.eventId, 'data-testid': 'reply' },
    h(
      'p',
      { class: 'item-head' },
      h('strong', {}, t('inbox.borrowerWrote', { channel: channelName(r.channel) })),
      ' · ',
      timeEl(r.at, zone),
    ),
    r.text === null
      ? h('p', { class: 'muted words' }, t('inbox.wordsErased'))
      : h(
          'blockquote',
          { class: 'words', 'data-testid': 'words' },
          ...marked(
            r.text,
            intents.map((i) => i.matched),
          ),
        ),
    r.inboundKind !== 'other'
      ? h('p', {}, h('span', { class: 'chip keyword' }, t(`inbox.keyword.${r.inboundKind}`, {}, r.inboundKind)))
      : null,
    r.understood ? understood(r.understood) : null,
    r.actions.length
      ? h(
          'div',
          { class: 'done' },
          h('h3', {}, t('inbox.whatWasDone')),
          h(
            'ul',
            { 'data-testid': 'actions' },
            ...r.actions.map((a) =>
              h(
                'li',
                { 'data-type': a.type },
                actionText(a, names),
                ' · ',
                actorText(a.actor),
                ' · ',
                timeEl(a.at, zone),
                a.data?.detail ? h('q', { class: 'detail' }, a.data.detail) : null,
              ),
            ),
          ),
        )
      : null,
    form
      ? h(
          'button',
          { type: 'button', class: 'secondary small', onclick: () => form.correct(r.eventId) },
          t('inbox.correctThis'),
        )
      : null,
  );
}

function understood(u) {
  return h(
    'div',
    { class: 'understood' },
    h('h3', {}, t('inbox.whatWasUnderstood')),
    u.needsPerson ? h('p', { class: 'needs-person' }, t('inbox.needsPerson')) : null,
    u.intents.length
      ? h(
          'ul',
          { class: 'plain intents' },
          ...u.intents.map((i) =>
            h(
              'li',
              {},
              intentChip(i.intent),
              ' ',
              t('inbox.rule'),
              ' ',
              h('code', { class: 'rule' }, i.rule),
              i.matched ? [' · ', t('inbox.matched'), ' ', h('mark', {}, i.matched)] : '',
              i.scope?.length ? ` · ${t('inbox.scope', { channels: i.scope.map(channelName).join(', ') })}` : '',
              i.promise?.date ? ` · ${t('inbox.promisedFor', { date: i.promise.date })}` : '',
              i.promise?.amount ? ` · ${t('inbox.amount', { amount: i.promise.amount })}` : '',
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('inbox.noIntent')),
  );
}

function messageItem(m, zone) {
  return h(
    'li',
    { class: 'item message', 'data-message': m.messageId, 'data-testid': 'sent' },
    h(
      'p',
      { class: 'item-head' },
      h('strong', {}, t('inbox.weSent', { channel: channelName(m.channel) })),
      ' · ',
      timeEl(m.at, zone),
      ' · ',
      h('span', { class: `status s-${m.status}` }, statusName(m.status)),
    ),
    m.subject ? h('p', { class: 'subject' }, t('email.subject'), ' ', m.subject) : null,
    m.body !== null ? h('div', { class: 'sent-body' }, m.body) : h('p', { class: 'muted' }, t('inbox.noBody')),
    h('p', { class: 'muted small' }, `${t('inbox.template')} ${m.template} · ${t('inbox.to')} `, h('code', {}, m.to)),
  );
}
