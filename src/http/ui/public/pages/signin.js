import { api, ApiError, go, session } from '../app.js';
import { h, field } from '../dom.js';
import { t } from '../i18n.js';

export async function render(root) {
  if (session.me) {
    root.append(
      h('h1', { tabindex: '-1' }, t('signin.title')),
      h('p', {}, t('signin.already', { role: t('role.' + session.me.role) })),
    );
    return;
  }
  const input = h('input', {
    id: 'api-key',
    name: 'apiKey',
    type: 'password',
    autocomplete: 'off',
    required: true,
    spellcheck: 'false',
  });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'signin', novalidate: true },
    field(t('signin.key'), input, t('signin.keyHint')),
    h('button', { type: 'submit' }, t('signin.submit')),
    status,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    status.replaceChildren();
    const key = input.value.trim();
    if (!key) {
      status.append(h('p', { class: 'error', role: 'alert' }, t('signin.empty')));
      input.setAttribute('aria-invalid', 'true');
      return input.focus();
    }
    try {
      const me = await api('/v1/me', { key });
      session.signIn(key, me);
      go('/ui/');
    } catch (err) {
      input.setAttribute('aria-invalid', 'true');
      const why = err instanceof ApiError && err.status === 401 ? t('signin.unknown') : err.message;
      status.append(h('p', { class: 'error', role: 'alert' }, why));
      input.focus();
    }
  });
  root.append(h('h1', { tabindex: '-1' }, t('signin.title')), h('p', {}, t('signin.intro')), form);
}
