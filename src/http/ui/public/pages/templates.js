import { api } from '../app.js';
import { h, scrollBox } from '../dom.js';
import { channelName, t } from '../i18n.js';

export async function render(root) {
  root.append(h('h1', { tabindex: '-1' }, t('templates.title')), h('p', {}, t('templates.intro')));
  const { items } = await api('/v1/templates');
  root.append(
    scrollBox(
      t('templates.title'),
      h(
        'table',
        { class: 'grid', 'data-testid': 'catalogue' },
        h('caption', { class: 'sr-only' }, t('templates.title')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[
              'templates.name',
              'templates.key',
              'templates.stage',
              'templates.channels',
              'templates.locales',
              'templates.warnings',
            ].map((k) => h('th', { scope: 'col' }, t(k))),
          ),
        ),
        h(
          'tbody',
          {},
          ...items.map((tpl) =>
            h(
              'tr',
              {},
              h(
                'td',
                {},
                h('a', { href: `/ui/templates/${encodeURIComponent(tpl.key)}`, 'data-link': '' }, tpl.title ?? tpl.key),
              ),
              h('td', {}, h('code', {}, tpl.key)),
              h('td', {}, tpl.stage ? t('stage.' + tpl.stage, {}, tpl.stage) : '—'),
              h('td', {}, tpl.channels.map(channelName).join(', ')),
              h('td', {}, tpl.locales.join(', ')),
              h('td', {}, String(tpl.variants.reduce((n, v) => n + v.warnings, 0))),
            ),
          ),
        ),
      ),
    ),
  );
}
