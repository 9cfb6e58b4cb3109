// The console's shell: the key (this tab only), the API client, the menu and the page router.
// Pages are ES modules loaded on demand, and only for a role that may open them.
import { lang, setLang, t, LANGS } from './i18n.js';
import { h, clear } from './dom.js';

const KEY = 'rd.apiKey';

export const session = {
  get key() {
    return sessionStorage.getItem(KEY);
  },
  me: null,
  signIn(key, me) {
    sessionStorage.setItem(KEY, key);
    this.me = me;
  },
  signOut() {
    sessionStorage.removeItem(KEY);
    this.me = null;
  },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
  /** Field errors of a problem+json answer, as "field: why" lines. */
  get fieldErrors() {
    return (this.problem.errors ?? []).map((e) => `${e.path}: ${e.message}`);
  }
}

/** Calls the API with the tab's key (and any `headers`, e.g. Idempotency-Key); answers parsed JSON or throws ApiError. */
export async function api(path, { method = 'GET', body, key = session.key, raw = false, headers: extra = {} } = {}) {
  const headers = { ...extra, Accept: 'application/json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) {
    let problem = null;
    try {
      problem = await res.json();
    } catch {
      /* not JSON */
    }
    if (res.status === 401 && key === session.key) {
      session.signOut();
      queueMicrotask(() => go('/ui/signin', { replace: true, notice: t('signin.expired') }));
    }
    throw new ApiError(res.status, problem);
  }
  if (raw) return res;
  return res.status === 204 ? null : res.json();
}

/** Fetches a file with the key and hands it to the browser as a download. */
export async function download(path, fallbackName) {
  const res = await api(path, { raw: true });
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

const FEATURE_NAV = [
  { feature: 'templates', href: '/ui/templates', label: 'nav.templates' },
  { feature: 'contact', href: '/ui/contact', label: 'nav.contact' },
  { feature: 'audit', href: '/ui/audit', label: 'nav.audit' },
  { feature: 'timeline', href: '/ui/borrowers', label: 'nav.timeline' },
  { feature: 'inbox', href: '/ui/inbox', label: 'nav.inbox', count: true },
  { feature: 'dashboard', href: '/ui/dashboard', label: 'nav.dashboard' },
  { feature: 'outcomes', href: '/ui/outcomes', label: 'nav.outcomes' },
  { feature: 'outcomes', href: '/ui/review', label: 'nav.review' },
];

const ROUTES = [
  { re: /^\/ui\/signin$/, page: 'signin', feature: null },
  { re: /^\/ui\/templates$/, page: 'templates', feature: 'templates' },
  { re: /^\/ui\/templates\/([^/]+)$/, page: 'template', feature: 'templates' },
  { re: /^\/ui\/contact$/, page: 'contact', feature: 'contact' },
  { re: /^\/ui\/audit$/, page: 'audit', feature: 'audit' },
  { re: /^\/ui\/audit\/messages\/([^/]+)$/, page: 'message', feature: 'audit' },
  { re: /^\/ui\/borrowers$/, page: 'timeline', feature: 'timeline' },
  { re: /^\/ui\/borrowers\/([^/]+)$/, page: 'timeline', feature: 'timeline' },
  { re: /^\/ui\/inbox$/, page: 'inbox', feature: 'inbox' },
  { re: /^\/ui\/inbox\/([^/]+)$/, page: 'conversation', feature: 'inbox' },
  { re: /^\/ui\/dashboard$/, page: 'dashboard', feature: 'dashboard' },
  { re: /^\/ui\/outcomes$/, page: 'outcomes', feature: 'outcomes' },
  { re: /^\/ui\/review$/, page: 'review', feature: 'outcomes' },
];

const may = (feature) => !feature || (session.me?.features ?? []).includes(feature);

let notice = null;

export function go(href, { replace = false, notice: n = null, state = null } = {}) {
  notice = n;
  if (replace) history.replaceState(state, '', href);
  else history.pushState(state, '', href);
  render();
}

/** Changes the address of the page on screen (its query) without drawing it again. */
export function setAddress(href) {
  history.replaceState(history.state, '', href);
  shownAt = location.pathname + location.search;
}

/** What the user has typed on the page, by control id (kept across a language switch). */
function typedValues() {
  const values = new Map();
  for (const el of document.querySelectorAll('main input[id], main textarea[id], main select[id]')) {
    if (el.type === 'checkbox' || el.type === 'radio') continue;
    values.set(el.id, el.value);
  }
  return values;
}

function restoreValues(values) {
  for (const [id, value] of values) {
    const el = document.getElementById(id);
    if (!el || el.value === value) continue;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.closest('details')?.setAttribute('open', '');
  }
}

function nav() {
  const here = location.pathname;
  const items = FEATURE_NAV.filter((n) => may(n.feature)).map((n) =>
    h(
      'li',
      {},
      h(
        'a',
        { href: n.href, 'data-link': '', ...(here.startsWith(n.href) ? { 'aria-current': 'page' } : {}) },
        t(n.label),
        n.count ? h('span', { class: 'count', id: 'inbox-count', hidden: true }) : null,
      ),
    ),
  );
  if (may('queues'))
    items.push(h('li', {}, h('a', { href: '/admin/queues', title: t('nav.queuesHint') }, t('nav.queues'))));
  return items;
}

let counting = 0;
/**
 * The unread replies of the key, beside "Inbox" in the menu: the unread conversations of the first
 * page of 100 summed ("100+" when there are more pages). Drawn after the menu, never blocking it.
 */
export async function refreshInboxCount() {
  if (!may('inbox')) return;
  const mine = ++counting;
  let text = '';
  try {
    const r = await api('/v1/inbox?unread=true&limit=100');
    const n = r.items.reduce((sum, i) => sum + i.unread, 0);
    text = n || r.nextCursor ? `${n}${r.nextCursor ? '+' : ''}` : '';
  } catch {
    text = '';
  }
  const badge = document.getElementById('inbox-count');
  if (mine !== counting || !badge) return;
  badge.replaceChildren(...(text ? [text, h('span', { class: 'sr-only' }, ` ${t('nav.unread')}`)] : []));
  badge.hidden = !text;
}

function header() {
  const bar = document.getElementById('bar');
  clear(bar);
  const langSelect = h(
    'select',
    { id: 'lang', 'aria-label': t('lang.label') },
    ...LANGS.map((l) => h('option', { value: l.code, ...(l.code === lang() ? { selected: true } : {}) }, l.name)),
  );
  langSelect.addEventListener('change', async () => {
    const typed = typedValues();
    setLang(langSelect.value);
    await render({ keepFocus: 'lang' });
    restoreValues(typed);
  });
  const right = h(
    'div',
    { class: 'bar-right' },
    h('label', { for: 'lang', class: 'sr-only' }, t('lang.label')),
    langSelect,
  );
  if (session.me) {
    const out = h('button', { type: 'button', id: 'sign-out' }, t('signout'));
    out.addEventListener('click', () => {
      session.signOut();
      go('/ui/signin', { notice: t('signin.signedOut') });
    });
    right.append(h('span', { class: 'who', 'data-testid': 'role' }, t('role.' + session.me.role)), out);
  }
  bar.append(
    h('a', { href: '/ui/', 'data-link': '', class: 'brand' }, t('app.name')),
    h('nav', { 'aria-label': t('nav.label') }, h('ul', { id: 'menu' }, ...(session.me ? nav() : []))),
    right,
  );
  if (session.me) refreshInboxCount();
}

let rendering = 0;
/** The address the page on screen was drawn for (a change of #fragment alone draws nothing). */
let shownAt = null;

async function render({ keepFocus = null } = {}) {
  // A newer navigation wins: an older render that resumes after an await stops there.
  const mine = ++rendering;
  const stale = () => mine !== rendering;
  document.documentElement.lang = lang();
  const main = document.getElementById('main');
  let path = location.pathname.replace(/\/+$/, '') || '/ui';
  if (!session.key && path !== '/ui/signin') {
    history.replaceState(null, '', '/ui/signin');
    path = '/ui/signin';
  }
  if (session.key && !session.me) {
    try {
      session.me = await api('/v1/me');
      if (stale()) return;
    } catch {
      session.signOut();
      history.replaceState(null, '', '/ui/signin');
      path = '/ui/signin';
    }
  }
  if (path === '/ui') {
    const first = FEATURE_NAV.find((n) => may(n.feature));
    const target = first ? first.href : '/ui/signin';
    history.replaceState(null, '', target);
    path = target;
  }
  shownAt = location.pathname + location.search;
  header();
  clear(main);
  const route = ROUTES.find((r) => r.re.test(path));
  const shownNotice = notice;
  notice = null;
  if (shownNotice) main.append(h('p', { class: 'notice', role: 'status' }, shownNotice));
  if (!route) {
    main.append(h('h1', { tabindex: '-1' }, t('notFound.title')), h('p', {}, t('notFound.body')));
    return focusHeading(main, keepFocus);
  }
  if (!may(route.feature)) {
    document.title = `${t('forbidden.title')} · ${t('app.name')}`;
    main.append(
      h('h1', { tabindex: '-1' }, t('forbidden.title')),
      h('p', {}, t('forbidden.body', { role: t('role.' + session.me.role) })),
    );
    return focusHeading(main, keepFocus);
  }
  const params = route.re.exec(path).slice(1).map(decodeURIComponent);
  const page = await import(`./pages/${route.page}.js`);
  if (stale()) return;
  const section = h('div', { class: 'page', 'data-page': route.page });
  main.append(section);
  try {
    await page.render(section, { params, query: new URLSearchParams(location.search), me: session.me });
  } catch (err) {
    if (stale()) return;
    if (!section.querySelector('h1')) section.prepend(h('h1', { tabindex: '-1' }, t('error.title')));
    section.append(errorBox(err));
  }
  if (stale()) return;
  const title = section.querySelector('h1')?.textContent ?? '';
  document.title = `${title} · ${t('app.name')}`;
  focusHeading(main, keepFocus);
}

function focusHeading(main, keepFocus) {
  // After a page change the heading takes focus, so a screen reader announces the new page;
  // after a language switch focus stays on the switch.
  const keep = keepFocus && document.getElementById(keepFocus);
  if (keep) return keep.focus();
  main.querySelector('h1')?.focus({ preventScroll: true });
}

/** A failed call, in words: status, the problem's detail and each field it names. */
export function errorBox(err) {
  const box = h('div', { class: 'error', role: 'alert' });
  if (err instanceof ApiError) {
    const fields = err.fieldErrors;
    // With field errors the detail only repeats them: the title, then one line a field.
    box.append(
      h(
        'p',
        {},
        `${t('error.prefix')} (${err.status}): ${fields.length ? (err.problem.title ?? err.message) : err.message}`,
      ),
    );
    if (fields.length) box.append(h('ul', {}, ...fields.map((f) => h('li', {}, f))));
  } else {
    box.append(h('p', {}, `${t('error.prefix')}: ${err?.message ?? String(err)}`));
  }
  return box;
}

document.addEventListener('click', (e) => {
  const a = e.target instanceof Element ? e.target.closest('a[data-link]') : null;
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  go(a.getAttribute('href'));
});
window.addEventListener('popstate', () => {
  if (location.pathname + location.search !== shownAt) render();
});
render();
