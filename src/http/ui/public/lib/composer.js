// An agent's answer to the borrower: a channel, the text, and the suggested answers
// (GET /v1/inbox/{borrowerId}/suggestions?channel=). A suggestion picked is shown read-only and sent
// as its template; editing it makes it free text. Sent with POST /v1/inbox/{borrowerId}/replies: 202
// says whether it went now or waits for the contact window; 422 names the wording findings.
// Until the suggestions route exists (404) the composer works without suggestions.
import { ApiError, api, errorBox } from '../app.js';
import { field, h } from '../dom.js';
import { channelName, t } from '../i18n.js';
import { intentName, theirTime } from './inbox-words.js';

const CHANNELS = ['sms', 'email'];

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

  const freeText = () => {
    template = null;
    text.readOnly = false;
    picked.replaceChildren();
  };
  const pick = (s) => {
    template = s;
    text.value = s.subject ? `${t('email.subject')} ${s.subject}\n\n${s.text}` : s.text;
    text.readOnly = true;
    const edit = h('button', { type: 'button', class: 'secondary small' }, t('compose.edit'));
    edit.addEventListener('click', () => {
      text.value = s.text;
      freeText();
      text.focus();
    });
    picked.replaceChildren(h('p', {}, t('compose.picked', { title: s.title }), ' ', edit));
    findings.replaceChildren();
    text.removeAttribute('aria-invalid');
  };

  let seq = 0;
  const loadSuggestions = async () => {
    const mine = ++seq;
    suggestions.replaceChildren(h('p', { class: 'muted' }, t('compose.loading')));
    let r;
    try {
      r = await api(`${base}/suggestions?${new URLSearchParams({ channel: channel.value })}`);
    } catch (err) {
      if (mine !== seq) return;
      suggestions.replaceChildren(
        err instanceof ApiError && err.status === 404
          ? h('p', { class: 'muted', 'data-testid': 'no-suggestions' }, t('compose.unavailable'))
          : errorBox(err),
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
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    outcome.replaceChildren();
    findings.replaceChildren();
    text.removeAttribute('aria-invalid');
    const body = template
      ? { channel: channel.value, template: template.template, ...(inReplyTo ? { inReplyTo } : {}) }
      : { channel: channel.value, text: text.value };
    if (!template && !text.value.trim()) {
      text.setAttribute('aria-invalid', 'true');
      outcome.append(h('p', { class: 'error', role: 'alert' }, t('compose.empty')));
      return text.focus();
    }
    send.disabled = true;
    try {
      const r = await api(`${base}/replies`, { method: 'POST', body });
      outcome.append(sentText(r, zone));
      text.value = '';
      freeText();
    } catch (err) {
      const list = err instanceof ApiError ? (err.problem.findings ?? []) : [];
      if (list.length) {
        text.setAttribute('aria-invalid', 'true');
        text.setAttribute('aria-describedby', 'compose-text-hint compose-findings');
        findings.replaceChildren(h('p', { class: 'error' }, t('compose.findings')), findingList(list));
      }
      outcome.append(errorBox(err));
    } finally {
      send.disabled = false;
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

/** After a 202: sent now, or waiting for the contact window, and why. */
function sentText(r, zone) {
  const p = r.policy ?? { allowed: true, reasons: [] };
  if (p.allowed) return h('p', { class: 'ok', role: 'status', 'data-testid': 'compose-sent' }, t('compose.sent'));
  const why = (p.reasons ?? []).map((x) => t('reason.' + x.code, {}, x.detail ?? x.code)).join(', ');
  return h(
    'p',
    { class: 'warn', role: 'status', 'data-testid': 'compose-waiting' },
    p.earliestAllowedAt ? t('compose.waiting', { when: theirTime(p.earliestAllowedAt, zone) }) : t('compose.held'),
    why ? ` (${why})` : '',
  );
}

/** The wording linter's findings on the text: the rule, the words, and why. */
function findingList(list) {
  return h(
    'ul',
    { class: 'findings', 'data-testid': 'compose-finding' },
    ...list.map((f) =>
      h(
        'li',
        { class: 'error' },
        f.words?.length ? h('mark', {}, [].concat(f.words).join(', ')) : null,
        f.words?.length ? ' — ' : '',
        f.why ?? f.message ?? '',
        ' ',
        h('code', { class: 'rule' }, f.rule),
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
        h('strong', {}, s.title),
        s.intents?.length ? h('span', { class: 'muted' }, ` · ${s.intents.map(intentName).join(', ')}`) : null,
        h('span', { class: 'suggestion-text' }, s.text),
      ),
    ),
  );
}
