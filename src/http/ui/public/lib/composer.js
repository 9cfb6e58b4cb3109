// An agent's answer to the borrower: a channel, the text, and the suggested answers
// (GET /v1/inbox/{borrowerId}/suggestions?channel=). A suggestion picked is shown read-only and sent
// as its template; editing it makes it free text. Sent with POST /v1/inbox/{borrowerId}/replies and an
// Idempotency-Key made when the answer is composed (a suggestion picked, the text changed) and kept
// for a retry of that answer, so a double click or a retry sends it once. 202: sent now or waiting for
// the contact window, and whether it counts against the contact limits; 422: the wording linter's
// findings, a standing refusal's reasons, or a field's error beside the field.
import { ApiError, api, errorBox } from '../app.js';
import { field, h } from '../dom.js';
import { channelName, lang, t } from '../i18n.js';
import { findingMessage, regulationNote } from './findings.js';
import { intentName, theirTime } from './inbox-words.js';
import { marked } from './marked.js';
import { reasonItem } from './reasons.js';

const CHANNELS = ['sms', 'email'];

/** A fresh Idempotency-Key (getRandomValues: randomUUID needs a secure context). */
function newKey() {
  const bytes = window.crypto.getRandomValues(new Uint8Array(16));
  return `ui-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** English from the API, marked as such on a console in another language. */
const english = (text) => (lang() === 'en' ? text : h('span', { lang: 'en' }, text));

/** `inReplyTo`: the last reply's eventId; `zone`: the borrower's, for the time a reply waits for. */
export function composer(borrowerId, inReplyTo, zone) {
  const base = `/v1/inbox/${encodeURIComponent(borrowerId)}`;
  const channel = h(
    'select',
    { id: 'compose-channel', name: 'channel' },
    ...CHANNELS.map((c) => h('option', { value: c }, channelName(c))),
  );
  const text = h('textarea', { id: 'compose-text', name: 'text', rows: 5, 'data-testid': 'compose-text' });
  const picked = h('div', { class: 'picked', 'aria-live': 'polite', 'data-testid': 'picked' });
  const findings = h('div', { id: 'compose-findings', 'aria-live': 'polite', 'data-testid': 'compose-findings' });
  const suggestions = h('div', { class: 'suggestions', 'data-testid': 'suggestions' });
  const outcome = h('div', { 'aria-live': 'polite', 'data-testid': 'compose-outcome' });
  const send = h('button', { type: 'submit' }, t('compose.send'));
  /** The suggestion the text is, while it is not edited. */
  let template = null;
  /** This answer's Idempotency-Key: new when the answer changes, kept when the same answer is sent again. */
  let key = newKey();

  const freeText = () => {
    template = null;
    text.readOnly = false;
    picked.replaceChildren();
  };
  const pick = (s) => {
    template = s;
    key = newKey();
    text.value = s.subject ? `${t('email.subject')} ${s.subject}\n\n${s.text}` : s.text;
    text.readOnly = true;
    const edit = h('button', { type: 'button', class: 'secondary small' }, t('compose.edit'));
    edit.addEventListener('click', () => {
      text.value = s.text;
      key = newKey();
      freeText();
      text.focus();
    });
    picked.replaceChildren(h('p', {}, t('compose.picked', { title: s.title }), ' ', edit));
    clearErrors();
  };
  text.addEventListener('input', () => {
    key = newKey();
  });

  const { clearErrors, showFailure } = failures({ text, channel, findings, outcome });

  let seq = 0;
  const loadSuggestions = async () => {
    const mine = ++seq;
    suggestions.replaceChildren(h('p', { class: 'muted' }, t('compose.loading')));
    let r;
    try {
      r = await api(`${base}/suggestions?${new URLSearchParams({ channel: channel.value })}`);
    } catch (err) {
      if (mine !== seq) return;
      // Without suggestions an agent still writes their own answer.
      suggestions.replaceChildren(
        errorBox(err),
        h('p', { class: 'muted', 'data-testid': 'no-suggestions' }, t('compose.unavailable')),
      );
      return;
    }
    if (mine !== seq) return;
    suggestions.replaceChildren(suggestionList(r.suggestions ?? [], pick));
  };
  channel.addEventListener('change', () => {
    if (template) {
      text.value = '';
      freeText();
    }
    key = newKey();
    loadSuggestions();
  });

  const form = h(
    'form',
    { novalidate: true, class: 'composer', 'aria-labelledby': 'compose-h' },
    field(t('compose.channel'), channel),
    h('h3', { id: 'suggestions-h' }, t('compose.suggestions')),
    suggestions,
    picked,
    field(t('compose.text'), text, t('compose.textHint')),
    findings,
    send,
    outcome,
  );
  /** An answer on its way: another submit (a double click, Enter twice) is ignored rather than racing it. */
  let sending = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending) return;
    outcome.replaceChildren();
    clearErrors();
    const said = text.value;
    const body = template
      ? { channel: channel.value, template: template.template }
      : { channel: channel.value, text: said };
    if (inReplyTo) body.inReplyTo = inReplyTo;
    if (!template && !said.trim()) {
      text.setAttribute('aria-invalid', 'true');
      outcome.append(h('p', { class: 'error', role: 'alert' }, t('compose.empty')));
      return text.focus();
    }
    send.disabled = true;
    sending = true;
    try {
      const r = await api(`${base}/replies`, { method: 'POST', body, headers: { 'Idempotency-Key': key } });
      outcome.replaceChildren(acceptedText(r, zone));
      text.value = '';
      freeText();
      key = newKey();
    } catch (err) {
      showFailure(err, template ? null : said);
    } finally {
      send.disabled = false;
      sending = false;
    }
  });
  loadSuggestions();

  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'compose-h', 'data-testid': 'composer' },
    h('h2', { id: 'compose-h' }, t('compose.title')),
    form,
  );
}

/**
 * Where a failed answer is shown: the linter's findings under the text (its matched words marked), a
 * standing refusal's reasons under the button, each field error beside its control (`text` and
 * `template` beside the text), and anything else in the box under the button.
 */
function failures({ text, channel, findings, outcome }) {
  const controls = { text, template: text, channel };
  const clearErrors = () => {
    findings.replaceChildren();
    for (const el of [text, channel]) {
      el.removeAttribute('aria-invalid');
      document.getElementById(`${el.id}-error`)?.remove();
      const rest = (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter((x) => x && x !== `${el.id}-error` && x !== 'compose-findings');
      if (rest.length) el.setAttribute('aria-describedby', rest.join(' '));
      else el.removeAttribute('aria-describedby');
    }
  };
  const describe = (el, id) =>
    el.setAttribute('aria-describedby', `${el.getAttribute('aria-describedby') ?? ''} ${id}`.trim());

  /** A 422 or another failure: findings, reasons, field errors each where they belong. */
  const showFailure = (err, sentText) => {
    const p = err instanceof ApiError ? err.problem : {};
    if (err instanceof ApiError && err.status === 422 && p.findings?.length) {
      text.setAttribute('aria-invalid', 'true');
      describe(text, 'compose-findings');
      findings.replaceChildren(
        h('p', { class: 'error' }, t('compose.findings'), ' ', t('compose.notSent')),
        findingList(p.findings, sentText),
      );
      return text.focus();
    }
    if (err instanceof ApiError && err.status === 422 && p.reasons?.length) {
      outcome.append(
        h(
          'div',
          { class: 'error', role: 'alert', 'data-testid': 'compose-refused' },
          h('p', {}, t('compose.refused')),
          h('ul', {}, ...p.reasons.map((r) => reasonItem(r, { channel: channel.value }))),
        ),
      );
      return;
    }
    let first = null;
    const rest = [];
    for (const e of p.errors ?? []) {
      const el = controls[e.path];
      if (!el || document.getElementById(`${el.id}-error`)) {
        rest.push(e);
        continue;
      }
      el.setAttribute('aria-invalid', 'true');
      const id = `${el.id}-error`;
      describe(el, id);
      el.after(h('p', { class: 'field-error', id, 'data-field': e.path }, english(e.message)));
      first ??= el;
    }
    if (!first || rest.length) outcome.append(errorBox(err));
    first?.focus();
  };
  return { clearErrors, showFailure };
}

/** After a 202 (or the 200 of a repeat): sent now, or waiting for the contact window and why; and whether it counts. */
function acceptedText(r, zone) {
  const p = r.policy ?? { allowed: true, reasons: [], earliestAllowedAt: null };
  const counts = h(
    'p',
    { class: 'muted', 'data-testid': 'compose-counts' },
    t(r.countsAgainstCaps ? 'compose.counts' : 'compose.notCounted'),
  );
  if (p.allowed)
    return h(
      'div',
      { role: 'status' },
      h('p', { class: 'ok', 'data-testid': 'compose-sent' }, t('compose.sent')),
      counts,
    );
  return h(
    'div',
    { role: 'status', 'data-testid': 'compose-waiting' },
    h(
      'p',
      { class: 'warn' },
      p.earliestAllowedAt ? t('compose.waiting', { when: theirTime(p.earliestAllowedAt, zone) }) : t('compose.held'),
    ),
    p.reasons?.length ? h('ul', {}, ...p.reasons.map((x) => reasonItem(x, { channel: r.channel }))) : null,
    counts,
  );
}

/** The wording linter's findings: the rule, the words matched (marked in the agent's text), why, and the regulation. */
function findingList(list, said) {
  const own = list.filter((f) => f.in === 'text').map((f) => f.matched);
  return h(
    'div',
    {},
    said && own.length
      ? h('blockquote', { class: 'words', 'data-testid': 'compose-marked' }, ...marked(said, own))
      : null,
    h(
      'ul',
      { class: 'findings', 'data-testid': 'compose-finding' },
      ...list.map((f) =>
        h(
          'li',
          { class: 'error', 'data-rule': f.rule },
          f.matched ? h('mark', {}, f.matched) : null,
          f.matched ? ' — ' : '',
          english(findingMessage(f)),
          regulationNote(f),
          h('br'),
          h(
            'span',
            { class: 'muted' },
            t('inbox.rule'),
            ' ',
            h('code', { class: 'rule' }, f.rule),
            ' · ',
            t(`compose.in.${f.in}`, {}, f.in),
          ),
        ),
      ),
    ),
  );
}

/** The suggested answers, each with a button that puts it in the text. */
function suggestionList(list, pick) {
  if (!list.length) return h('p', { class: 'muted' }, t('compose.noSuggestions'));
  return h(
    'ul',
    { class: 'plain' },
    ...list.map((s) =>
      h(
        'li',
        { 'data-template': s.template },
        h('button', { type: 'button', class: 'secondary small', onclick: () => pick(s) }, t('compose.use')),
        ' ',
        h('strong', {}, english(s.title)),
        s.intents?.length ? h('span', { class: 'muted' }, ` · ${s.intents.map(intentName).join(', ')}`) : null,
        h('span', { class: 'suggestion-text', lang: s.locale }, s.text),
      ),
    ),
  );
}
