// Why a message waits or was dropped, by the reason's code: shared by "May I contact?", the
// timeline and the message page. In English the policy's own detail follows the label; in another
// language a sentence built from the structured fields (code, channel, rule, hold, until), with
// the English detail beneath it marked lang="en", so nothing is parsed out of English text.
import { h } from '../dom.js';
import { channelName, lang, MESSAGES, t } from '../i18n.js';
import { borrowerTime } from './borrower-time.js';

/** A sentence for the code in the console's language (text and a time), or null (English, or none for it). */
function sentence(r, { channel, until, timezone }) {
  const own = MESSAGES[lang()] !== MESSAGES.en && MESSAGES[lang()][`reasonText.${r.code}`];
  if (!own) return null;
  const text = t(`reasonText.${r.code}`, {
    channel: channel ? channelName(channel) : t('reasonText.anyChannel'),
    hold: r.hold ? t(`holdKind.${r.hold.kind}`, {}, r.hold.kind) : '',
  });
  if (!until) return [text];
  // The time stays whole (time.when does not wrap) inside the sentence around it.
  const [before, after = ''] = t('reasonText.until', { until: '\u0000' }).split('\u0000');
  return [text, before, borrowerTime(until, timezone), after];
}

/**
 * One reason as a list item: `{code, rule?, detail?, hold?}` from a policy answer or an event,
 * with the channel asked about, the time it waits until and the borrower's zone when known.
 */
export function reasonItem(r, { channel = null, until = null, timezone = null } = {}) {
  const label = h('strong', {}, t(`reason.${r.code}`, {}, r.code ?? ''));
  const said = sentence(r, { channel, until, timezone });
  // The layer whose rule decided (the profile's name, or a state's such as US-MA), when the answer names one.
  const layer = r.layer
    ? h('span', { class: 'muted', 'data-layer': r.layer }, t('reason.layer', { layer: r.layer }))
    : null;
  if (said === null)
    return h(
      'li',
      {},
      label,
      ': ',
      r.detail ?? '',
      r.rule ? h('span', { class: 'muted' }, ` (${r.rule})`) : null,
      layer,
    );
  return h(
    'li',
    { 'data-code': r.code },
    label,
    '：',
    said,
    r.rule ? h('span', { class: 'muted' }, t('reasonText.rule', { rule: r.rule })) : null,
    layer,
    r.detail ? h('span', { class: 'original' }, t('reason.original'), ' ', h('span', { lang: 'en' }, r.detail)) : null,
  );
}
