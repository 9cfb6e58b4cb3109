// Times about a borrower, in the borrower's zone beside UTC: "Dec 2 10:05 Asia/Shanghai · 02:05 UTC".
// Every page that shows such a time uses this one helper (timeline, plan, message, search).
import { h } from '../dom.js';
import { locale, t } from '../i18n.js';

/**
 * The zone a borrower's times are shown in, from the borrower record's `timezone` (a zone,
 * several, or null): their one zone, or UTC when none or several are recorded, and why.
 */
export function zoneOf(timezone) {
  const zones = [...new Set([].concat(timezone ?? []).filter(Boolean))];
  if (zones.length === 1) return { zone: zones[0], kind: 'one', zones };
  return { zone: null, kind: zones.length ? 'several' : 'none', zones };
}

const parts = (date, timeZone, withYear) => {
  const day = new Intl.DateTimeFormat(locale(), {
    timeZone,
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(date);
  const time = new Intl.DateTimeFormat(locale(), {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return { day, time };
};

/** The time as text: in the borrower's zone and UTC, or UTC alone (the day repeated when it differs). */
export function borrowerTimeText(iso, timezone) {
  if (!iso) return '—';
  const date = new Date(iso);
  const withYear = date.getUTCFullYear() !== new Date().getUTCFullYear();
  const utc = parts(date, 'UTC', withYear);
  const { zone } = zoneOf(timezone);
  if (!zone || zone === 'UTC' || zone === 'Etc/UTC') return `${utc.day} ${utc.time} UTC`;
  const local = parts(date, zone, withYear);
  const utcText = local.day === utc.day ? `${utc.time} UTC` : `${utc.day} ${utc.time} UTC`;
  return `${local.day} ${local.time} ${zone} · ${utcText}`;
}

/** The time as a <time> element (the instant in its datetime, for copying and for tests). */
export function borrowerTime(iso, timezone) {
  if (!iso) return '—';
  return h('time', { class: 'when', datetime: iso }, borrowerTimeText(iso, timezone));
}

/** Which zone the times are in, in words: for a table's heading or a note beside it. */
export function zoneNote(timezone) {
  const { zone, kind, zones } = zoneOf(timezone);
  if (kind === 'one') return t('time.borrowerZone', { zone });
  if (kind === 'several') return t('time.severalZones', { zones: zones.join(', ') });
  return t('time.noZone');
}
