// "May I contact?": the policy's answer for a borrower and channel now, in words, with the
// earliest allowed time in the borrower's local time and the agent's.
import { api, setAddress, errorBox } from '../app.js';
import { field, h } from '../dom.js';
import { agentZone, channelName, fmtInZone, t } from '../i18n.js';
import { reasonItem } from '../lib/reasons.js';

export async function render(root, { query }) {
  const borrower = h('input', {
    id: 'contact-borrower',
    name: 'borrowerId',
    required: true,
    autocomplete: 'off',
    value: query.get('borrower') ?? '',
  });
  const channel = h(
    'select',
    { id: 'contact-channel', name: 'channel' },
    ...['sms', 'voice', 'email'].map((c) =>
      h('option', { value: c, selected: c === query.get('channel') }, channelName(c)),
    ),
  );
  const answer = h('div', { 'aria-live': 'polite', 'data-testid': 'contact-answer' });
  const form = h(
    'form',
    { class: 'row', novalidate: true },
    field(t('contact.borrower'), borrower),
    field(t('contact.channel'), channel),
    h('button', { type: 'submit' }, t('contact.ask')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    answer.replaceChildren();
    if (!borrower.value.trim()) {
      borrower.setAttribute('aria-invalid', 'true');
      answer.append(h('p', { class: 'error', role: 'alert' }, t('contact.needBorrower')));
      return borrower.focus();
    }
    borrower.removeAttribute('aria-invalid');
    setAddress(
      `${location.pathname}?${new URLSearchParams({ borrower: borrower.value.trim(), channel: channel.value })}`,
    );
    try {
      const r = await api('/v1/policy/check', {
        method: 'POST',
        body: { borrowerId: borrower.value.trim(), channel: channel.value },
      });
      answer.append(...words(r, borrower.value.trim(), channel.value));
    } catch (err) {
      answer.append(errorBox(err));
    }
  });
  root.append(h('h1', { tabindex: '-1' }, t('contact.title')), h('p', {}, t('contact.intro')), form, answer);
  if (borrower.value) form.requestSubmit();
}

function words(r, borrowerId, channel) {
  const zones = r.zones ?? [];
  const mine = agentZone();
  const out = [];
  // Which rules were asked: the tenant's profile, then the state and local layers of where the borrower lives.
  const layers = r.layers?.length
    ? h('p', { class: 'muted', 'data-testid': 'layers' }, t('contact.layers', { layers: r.layers.join(' + ') }))
    : null;
  if (r.allowed) {
    out.push(
      h(
        'p',
        { class: 'answer yes', 'data-testid': 'answer' },
        t('contact.yes', { borrower: borrowerId, channel: channelName(channel) }),
      ),
    );
    if (zones.length)
      out.push(h('p', {}, t('contact.theirTime'), ' ', zones.map((z) => `${fmtInZone(r.at, z)} (${z})`).join('; ')));
    if (layers) out.push(layers);
    return out;
  }
  out.push(
    h(
      'p',
      { class: 'answer no', 'data-testid': 'answer' },
      t('contact.no', { borrower: borrowerId, channel: channelName(channel) }),
    ),
  );
  out.push(
    h('h2', {}, t('contact.why')),
    h('ul', { 'data-testid': 'reasons' }, ...r.reasons.map((d) => reasonItem(d, { channel }))),
  );
  if (layers) out.push(layers);
  if (r.earliestAllowedAt) {
    out.push(
      h('h2', {}, t('contact.earliest')),
      h(
        'dl',
        { class: 'facts', 'data-testid': 'earliest' },
        ...zones.flatMap((z) => [
          h('dt', {}, t('contact.borrowerTime', { zone: z })),
          h('dd', {}, fmtInZone(r.earliestAllowedAt, z)),
        ]),
        h('dt', {}, t('contact.agentTime', { zone: mine })),
        h('dd', {}, fmtInZone(r.earliestAllowedAt, mine)),
      ),
    );
  } else {
    out.push(h('p', {}, t('contact.never')));
  }
  return out;
}
