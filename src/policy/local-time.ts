/** Local-time arithmetic in IANA zones (luxon), for windows, blackouts and calendar-day caps. */
import { DateTime } from 'luxon';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** "HH:MM" → seconds after local midnight ("24:00" → 86400). */
export function secondsOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60;
}

export interface LocalMoment {
  secondOfDay: number;
  weekday: (typeof WEEKDAYS)[number];
  label: string;
}

export function localMoment(atMs: number, zone: string): LocalMoment {
  const dt = DateTime.fromMillis(atMs, { zone });
  return {
    secondOfDay: dt.hour * 3600 + dt.minute * 60 + dt.second,
    weekday: WEEKDAYS[dt.weekday - 1]!,
    label: `${dt.toFormat('ccc HH:mm:ss')} in ${zone}`,
  };
}

/** Local midnight of the day `atMs` falls on, shifted by `days` calendar days. */
export function startOfLocalDay(atMs: number, zone: string, days = 0): number {
  // The caps ask this for every message; the answer holds for the whole local day of atMs, so it
  // is remembered per zone and offset with that day's bounds (luxon's zone maths are not cheap).
  const key = `${zone}|${days}`;
  const hit = dayStarts.get(key);
  if (hit && atMs >= hit.from && atMs < hit.to) return hit.value;
  const day = DateTime.fromMillis(atMs, { zone }).startOf('day');
  const value = day.plus({ days }).toMillis();
  if (dayStarts.size >= 10_000) dayStarts.clear();
  dayStarts.set(key, { from: day.toMillis(), to: day.plus({ days: 1 }).toMillis(), value });
  return value;
}
const dayStarts = new Map<string, { from: number; to: number; value: number }>();

/** The instant of a local wall-clock time `hhmm` on the calendar day `dayOffset` days after `atMs`'s day. */
export function localInstant(atMs: number, zone: string, dayOffset: number, hhmm: string): number {
  const day = DateTime.fromMillis(atMs, { zone }).startOf('day').plus({ days: dayOffset });
  const secs = secondsOf(hhmm);
  if (secs >= 86400) return day.plus({ days: 1 }).toMillis();
  // fromObject resolves a wall time in a DST gap forward, and an ambiguous one to the earlier instant.
  return DateTime.fromObject(
    {
      year: day.year,
      month: day.month,
      day: day.day,
      hour: Math.floor(secs / 3600),
      minute: Math.floor((secs % 3600) / 60),
    },
    { zone },
  ).toMillis();
}
