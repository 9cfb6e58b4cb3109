// One message exactly as the borrower got it, with every event of its chain.
import { api } from '../app.js';
import { h, scrollBox } from '../dom.js';
import { channelName, statusName, t } from '../i18n.js';
import { borrowerTime, zoneNote } from '../lib/borrower-time.js';
import { chainBadge } from '../lib/chain.js';
import { details, emailFrame, emailSubject, smsBubble, voiceScript } from '../lib/content.js';

export async function render(root, { params }) {
  const m = await api(`/v1/audit/messages/${encodeURIComponent(params[0])}`);
  const zone = m.borrower.timezone ?? null;
  const facts = [
    [
      'message.borrower',
      h(
        'a',
        { href: `/ui/borrowers/${encodeURIComponent(m.borrower.id)}`, 'data-link': '' },
        `${m.borrower.name ?? ''} (${m.borrower.id})`,
      ),
    ],
    ['audit.channel', channelName(m.channel)],
    ['audit.status', h('span', { class: `status s-${m.status}` }, statusName(m.status))],
    ['message.to', h('code', {}, m.to)],
    ['audit.template', `${m.template} · ${m.locale}`],
    ['message.version', h('code', {}, m.templateVersion ?? '—')],
    ['message.provider', [m.provider ?? '—', m.providerId ? ` · ${m.providerId}` : ''].join('')],
    ['message.attempts', String(m.attempts)],
    ['message.sendAt', borrowerTime(m.sendAt, zone)],
    ['audit.created', borrowerTime(m.createdAt, zone)],
    ['message.reminder', `${m.reminder.externalId ?? m.reminder.id}`],
  ];
  // A fallback's attempt: the message it falls back from, and the first of its chain when that is another.
  const link = (id) => h('a', { href: `/ui/audit/messages/${encodeURIComponent(id)}`, 'data-link': '' }, id);
  const fb = m.reminder.fallback;
  if (fb) facts.push(['fallback.from', link(fb.from)]);
  if (fb && fb.first !== fb.from) facts.push(['fallback.first', link(fb.first)]);
  if (m.error?.code || m.error?.message)
    facts.push(['message.error', `${m.error.code ?? ''} ${m.error.message ?? ''}`.trim()]);

  root.append(
    h('p', { class: 'crumbs' }, h('a', { href: '/ui/audit', 'data-link': '' }, t('audit.title')), ' › ', m.id),
    h('h1', { tabindex: '-1' }, t('message.title', { channel: channelName(m.channel) })),
    chainBadge(),
    h(
      'div',
      { class: 'two' },
      h(
        'section',
        { 'aria-labelledby': 'facts-h' },
        h('h2', { id: 'facts-h' }, t('message.facts')),
        h('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)])),
        h('p', { class: 'zone-note', id: 'facts-zone' }, zoneNote(zone)),
      ),
      content(m),
    ),
    events(m.events, m.channel, zone),
  );
}

function content(m) {
  const c = m.content;
  const parts = [h('h2', { id: 'content-h' }, t('message.content'))];
  const waiting = ['accepted', 'scheduled', 'queued', 'deferred', 'sending'].includes(m.status);
  if (m.body === null && c.text === null && c.twiml === null)
    parts.push(h('p', {}, t(waiting ? 'message.notYet' : 'message.notRendered', { status: statusName(m.status) })));
  else if (m.channel === 'sms') parts.push(smsBubble(m.body));
  else if (m.channel === 'email') {
    parts.push(emailSubject(m.subject));
    if (c.html) parts.push(emailFrame(c.html, t('email.frameTitle')));
    parts.push(
      h(
        'details',
        { open: !c.html },
        h('summary', {}, t('email.text')),
        h('pre', { class: 'wrap', 'data-testid': 'email-text' }, m.body),
      ),
    );
  } else parts.push(voiceScript(c.script ?? '', c.voiceLanguage, m.body));
  if (c.matchesStored === true) parts.push(h('p', { class: 'muted' }, t('message.matches')));
  if (c.matchesStored === false) parts.push(h('p', { class: 'warn' }, t('message.differs')));
  return h('section', { 'aria-labelledby': 'content-h', class: 'content' }, ...parts);
}

function events(list, channel, zone) {
  return h(
    'section',
    { 'aria-labelledby': 'events-h' },
    h('h2', { id: 'events-h' }, t('message.events')),
    scrollBox(
      t('message.events'),
      h(
        'table',
        { class: 'grid', 'data-testid': 'events', 'aria-describedby': 'facts-zone' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['message.seq', 'time.when', 'message.event', 'message.actor', 'message.details', 'message.hash'].map(
              (k) => h('th', { scope: 'col' }, t(k)),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          ...list.map((e) =>
            h(
              'tr',
              {},
              h('td', {}, String(e.seq)),
              h('td', {}, borrowerTime(e.at, zone)),
              h('td', { class: 'label' }, statusName(e.type)),
              h('td', {}, h('code', {}, e.actor)),
              h('td', { class: 'text' }, details(e.data, { channel, timezone: zone, type: e.type })),
              h('td', {}, h('code', { title: e.hash }, e.hash.slice(0, 10))),
            ),
          ),
        ),
      ),
    ),
  );
}
