// A message's content as the borrower got it (SMS bubble, email frame, voice script), and an
// event's data in words: shared by the preview, the audit message page and the timeline.
import { h } from '../dom.js';
import { channelName, t } from '../i18n.js';
import { borrowerTime } from './borrower-time.js';
import { codeWords, eventSentence, factName } from './fallbacks.js';
import { reasonItem } from './reasons.js';

/** The message as the borrower gets it, from a preview answer. */
export function rendered(p) {
  const parts = [];
  if (p.channel === 'sms') {
    parts.push(smsBubble(p.text));
    const over = p.sms.segments > p.sms.limit;
    parts.push(
      h(
        'dl',
        { class: 'facts', 'data-testid': 'sms-facts' },
        h('dt', {}, t('sms.encoding')),
        h('dd', { 'data-testid': 'sms-encoding' }, p.sms.encoding),
        h('dt', {}, t('sms.segments')),
        h('dd', { 'data-testid': 'sms-segments', class: over ? 'bad' : '' }, String(p.sms.segments)),
        h('dt', {}, t('sms.characters')),
        h('dd', { 'data-testid': 'sms-characters' }, String(p.sms.characters)),
        h('dt', {}, t('sms.limit')),
        h('dd', {}, String(p.sms.limit)),
      ),
    );
    if (over)
      parts.push(
        h('p', { class: 'error', role: 'alert' }, t('sms.over', { segments: p.sms.segments, limit: p.sms.limit })),
      );
  } else if (p.channel === 'email') {
    parts.push(emailSubject(p.subject));
    if (p.html) parts.push(emailFrame(p.html, t('email.frameTitle')));
    parts.push(h('details', {}, h('summary', {}, t('email.text')), h('pre', { class: 'wrap' }, p.text)));
  } else {
    parts.push(voiceScript(p.text, p.voiceLanguage, p.twiml));
  }
  if (p.locale !== p.requestedLocale)
    parts.push(h('p', { class: 'muted' }, t('preview.fallback', { locale: p.locale })));
  const renderedFindings = p.findings.filter((f) => String(f.rule).startsWith('rendered:'));
  if (renderedFindings.length)
    parts.push(
      h(
        'ul',
        { class: 'findings' },
        ...renderedFindings.map((f) => h('li', { class: f.severity }, `${t('severity.' + f.severity)}: ${f.message}`)),
      ),
    );
  return parts;
}

/** An SMS as the borrower's phone shows it. */
export function smsBubble(text) {
  return h('div', { class: 'phone' }, h('div', { class: 'sms-bubble', 'data-testid': 'sms-text' }, text));
}

export function emailSubject(subject) {
  return h(
    'p',
    { class: 'subject' },
    h('strong', {}, t('email.subject')),
    ' ',
    h('span', { 'data-testid': 'email-subject' }, subject ?? ''),
  );
}

/** Email HTML in a frame that runs no script, submits nothing and cannot reach the console. */
export function emailFrame(html, title) {
  return h('iframe', {
    class: 'email',
    sandbox: '',
    referrerpolicy: 'no-referrer',
    title,
    srcdoc: html,
    'data-testid': 'email-frame',
  });
}

export function voiceScript(text, language, twiml) {
  return h(
    'div',
    { class: 'voice' },
    h('p', { class: 'muted' }, t('voice.language'), ' ', language ?? '—'),
    h('blockquote', { 'data-testid': 'voice-script' }, text ?? ''),
    twiml ? h('details', {}, h('summary', {}, 'TwiML'), h('pre', { class: 'wrap' }, twiml)) : null,
  );
}

/**
 * An event's data in words: reasons first (the policy's, or a suppression's one), then every other
 * field under its name in the console's language. `channel` and `timezone` are the message's
 * channel and the borrower's zone, for the reasons' sentences and the times; `type`, the event's,
 * leads an address learned or a fallback taken with its sentence (the fields it says are not repeated).
 */
export function details(data, { channel = null, timezone = null, type = null } = {}) {
  const items = [];
  const sentence = eventSentence(type, data);
  if (sentence) items.push(sentence);
  const said = sentence ? (SAID[type] ?? []) : [];
  const until = typeof data.until === 'string' ? data.until : null;
  for (const r of Array.isArray(data.reasons) ? data.reasons : [])
    items.push(reasonItem(r, { channel, until, timezone }));
  const oneReason = typeof data.reason === 'string';
  if (oneReason) items.push(reasonItem({ code: data.reason, detail: data.detail }, { channel, timezone }));
  // An inbound text is kept apart from the hashed event; once retention erased it, say so.
  if (data.textErased === true)
    items.push(
      h(
        'li',
        { 'data-testid': 'erased' },
        h('span', { class: 'muted' }, `${t('content.text')}: `),
        h('em', {}, t('content.erased')),
      ),
    );
  for (const [k, v] of Object.entries(data)) {
    if (k === 'reasons' || k === 'textErased' || (k === 'text' && v === null) || k === 'content') continue;
    if (oneReason && (k === 'reason' || k === 'detail')) continue;
    if (said.includes(k)) continue;
    const label = t(`data.${type}.${k}`, {}, t('data.' + k, {}, k));
    // What a fact means is the service's English: marked so, in either console.
    const shown = type === 'address.learned' && k === 'detail' ? h('span', { lang: 'en' }, v) : value(k, v, timezone);
    items.push(h('li', {}, h('span', { class: 'muted' }, `${label}: `), shown));
  }
  return items.length ? h('ul', { class: 'plain' }, ...items) : '—';
}

/** The fields an event's sentence already says. */
const SAID = { 'address.learned': ['fact', 'channels', 'address'], 'fallback.taken': ['channel', 'why'] };

function value(key, v, timezone) {
  if (key === 'fact' && typeof v === 'string') return factName(v);
  if ((key === 'why' || key === 'code') && typeof v === 'string' && /^(twilio|smtp|sip)-/.test(v)) return codeWords(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return borrowerTime(v, timezone);
  if ((key === 'channel' || key === 'via') && typeof v === 'string') return channelName(v);
  if (key === 'channels' && Array.isArray(v)) return v.map((c) => channelName(c)).join(', ');
  // A hold's kind, or a promise event's (`promise` or `plan`).
  if (key === 'kind' && typeof v === 'string') return t(`holdKind.${v}`, {}, t(`promiseKind.${v}`, {}, v));
  // An instalment by its place in the plan, counted from 1 as people count (stored from 0).
  if (key === 'seq' && typeof v === 'number') return String(v + 1);
  // How a hold ended (a dispute verified, a promise kept...).
  if (key === 'resolution' && typeof v === 'string') return t(`holdResolution.${v}`, {}, v);
  if (typeof v === 'boolean') return t(v ? 'data.yes' : 'data.no');
  return typeof v === 'string' ? v : JSON.stringify(v);
}
