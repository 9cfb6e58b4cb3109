/** Zones chosen by the local hour they have right now, so tests about windows work at any hour. */
const ZONES = [
  'Pacific/Kiritimati',
  'Pacific/Auckland',
  'Australia/Sydney',
  'Asia/Tokyo',
  'Asia/Shanghai',
  'Asia/Bangkok',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Europe/Moscow',
  'Europe/Berlin',
  'Europe/London',
  'Atlantic/Azores',
  'America/Sao_Paulo',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'Pacific/Pago_Pago',
];

export function localHour(zone: string, at = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(at));
}

export function zoneWhereHourIn(from: number, to: number): string {
  const z = ZONES.find((zone) => localHour(zone) >= from && localHour(zone) < to);
  if (!z) throw new Error(`no zone has a local hour in [${from}, ${to}) now`);
  return z;
}
