// The chain-verification badge: GET /v1/audit/verify, in words.
import { api } from '../app.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

export function chainBadge() {
  const badge = h('p', { class: 'badge pending', role: 'status', 'data-testid': 'chain-badge' }, t('chain.checking'));
  api('/v1/audit/verify')
    .then((r) => {
      badge.className = `badge ${r.ok ? 'good' : 'bad'}`;
      badge.textContent = r.ok
        ? t('chain.ok', { events: r.checked, chains: r.chains })
        : t('chain.broken', { where: JSON.stringify(r.brokenAt) });
    })
    .catch((err) => {
      badge.className = 'badge bad';
      badge.textContent = `${t('chain.failed')} ${err.message}`;
    });
  return badge;
}
