// An agent's correction of what a reply was understood to say (POST /v1/inbox/{borrowerId}/corrections):
// the reply, the kind, the hold to lift (one of the borrower's open holds) and a required "why". The
// API's field errors are shown beside their fields; the result is shown at the top of the page drawn again.
import { ApiError, api, errorBox, go } from '../app.js';
import { field, h } from '../dom.js';
import { channelName, t } from '../i18n.js';
import { CORRECTION_KINDS, correctionName, holdName, theirTime, zoneOf } from './inbox-words.js';

const excerpt = (text) => (text === null ? t('inbox.wordsErased') : text.length > 48 ? `${text.slice(0, 47)}…` : text);

export function correctionForm(c, borrowerId) {
  const zone = zoneOf(c);
  const replies = c.items.filter((i) => i.kind === 'reply');
  const reply = h(
    'select',
    { id: 'corr-reply', name: 'replyEventId' },
    ...replies.map((r, n) =>
      h(
        'option',
        { value: String(r.eventId), selected: n === replies.length - 1 },
        `${theirTime(r.at, zone)} — ${excerpt(r.text)}`,
      ),
    ),
  );
  const kind = h(
    'select',
    { id: 'corr-kind', name: 'kind' },
    // Lifting a hold is offered first while one is open; otherwise it is there, but not chosen.
    ...CORRECTION_KINDS.map((k, n) =>
      h('option', { value: k, selected: c.holds.length ? n === 0 : k === 'wrong-number' }, correctionName(k)),
    ),
  );
  const hold = h(
    'select',
    { id: 'corr-hold', name: 'holdId', disabled: c.holds.length === 0 },
    ...(c.holds.length
      ? c.holds.map((x) =>
          h('option', { value: x.id }, `${holdName(x.kind)} · ${t('inbox.openedAt')} ${theirTime(x.openedAt, zone)}`),
        )
      : [h('option', { value: '' }, t('corr.noHold'))]),
  );
  const detail = h('textarea', { id: 'corr-detail', name: 'detail', rows: 3, required: true, maxlength: 1000 });
  const controls = { replyEventId: reply, kind, holdId: hold, detail };
  const holdField = field(t('corr.hold'), hold);
  const form = h(
    'form',
    { class: 'correction', novalidate: true, 'data-testid': 'correction' },
    field(t('corr.reply'), reply),
    field(t('corr.kind'), kind, t('corr.kindHint')),
    holdField,
    field(t('corr.detail'), detail, t('corr.detailHint')),
    h('button', { type: 'submit' }, t('corr.submit')),
  );
  const outcome = h('div', { 'aria-live': 'polite' });
  const showHold = () => (holdField.hidden = kind.value !== 'lift-hold');
  kind.addEventListener('change', showHold);
  showHold();

  const clearErrors = () => {
    for (const el of Object.values(controls)) {
      el.removeAttribute('aria-invalid');
      const err = document.getElementById(`${el.id}-error`);
      if (err) err.remove();
      el.setAttribute(
        'aria-describedby',
        (el.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .filter((x) => x && x !== `${el.id}-error`)
          .join(' '),
      );
      if (!el.getAttribute('aria-describedby')) el.removeAttribute('aria-describedby');
    }
    outcome.replaceChildren();
  };

  /** Each field error beside its control; what names no control, in the box below the form. */
  const showErrors = (err) => {
    const fields = err instanceof ApiError ? (err.problem.errors ?? []) : [];
    let first = null;
    const rest = [];
    for (const e of fields) {
      const el = controls[e.path];
      if (!el) {
        rest.push(e);
        continue;
      }
      el.setAttribute('aria-invalid', 'true');
      const id = `${el.id}-error`;
      el.setAttribute('aria-describedby', `${el.getAttribute('aria-describedby') ?? ''} ${id}`.trim());
      el.after(h('p', { class: 'field-error', id, 'data-field': e.path }, t(`corr.err.${e.path}`, {}, e.message)));
      first ??= el;
    }
    if (!first || rest.length) outcome.append(errorBox(err));
    (first ?? form.querySelector('button')).focus();
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    const body = { kind: kind.value, replyEventId: Number(reply.value), detail: detail.value };
    if (kind.value === 'lift-hold' && hold.value) body.holdId = hold.value;
    try {
      const r = await api(`/v1/inbox/${encodeURIComponent(borrowerId)}/corrections`, { method: 'POST', body });
      go(location.pathname, { replace: true, notice: resultText(r) });
    } catch (err) {
      showErrors(err);
    }
  });

  const section = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'corr-h', id: 'correct' },
    h('h2', { id: 'corr-h' }, t('corr.title')),
    h('p', {}, t('corr.intro')),
    form,
    outcome,
  );
  return {
    section,
    /** "Correct this reply": the form, with this reply chosen. */
    correct(eventId) {
      reply.value = String(eventId);
      section.scrollIntoView({ block: 'start' });
      kind.focus();
    },
  };
}

/** What a correction did, in a sentence. */
function resultText(r) {
  if (r.kind === 'lift-hold')
    return r.alreadyClosed
      ? t('corr.done.alreadyClosed', { kind: holdName(r.hold?.kind ?? '') })
      : t('corr.done.lift-hold', { kind: holdName(r.hold?.kind ?? ''), n: r.rescheduled?.length ?? 0 });
  if (r.kind === 'wrong-number') return t('corr.done.wrong-number', { n: r.suppressed?.length ?? 0 });
  return t('corr.done.not-a-revocation', { channels: (r.stillRevoked ?? []).map(channelName).join(', ') });
}
