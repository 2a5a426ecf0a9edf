import { DateTime } from 'luxon';

/**
 * Europe/London since 1996: BST from 01:00 UTC on the last Sunday of March, GMT from 01:00 UTC on
 * the last Sunday of October. DTSTART is in the local time the change happens from (RFC 5545 3.6.5).
 */
const EUROPE_LONDON = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19810329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19961027T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Offset changes are looked for a day apart, then pinned to the minute. */
const STEP = 86_400_000;

/** "+0100" from an offset in minutes. */
function icsOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

const offsetAt = (zone: string, ms: number) => DateTime.fromMillis(ms, { zone }).offset;

/** The first millisecond (to the minute) in (from, to] where the zone's offset differs from at `from`. */
function transitionBetween(zone: string, from: number, to: number): number {
  const before = offsetAt(zone, from);
  let lo = from;
  let hi = to;
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (offsetAt(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function observance(zone: string, at: number, offsetFrom: number): string[] {
  const local = DateTime.fromMillis(at, { zone });
  const kind = local.isInDST ? 'DAYLIGHT' : 'STANDARD';
  // DTSTART is the onset in the local time in force just before it.
  const onset = DateTime.fromMillis(at, { zone: 'utc' }).plus({ minutes: offsetFrom });
  return [
    `BEGIN:${kind}`,
    `TZOFFSETFROM:${icsOffset(offsetFrom)}`,
    `TZOFFSETTO:${icsOffset(local.offset)}`,
    `TZNAME:${local.offsetNameShort ?? icsOffset(local.offset)}`,
    `DTSTART:${onset.toFormat("yyyyMMdd'T'HHmmss")}`,
    `END:${kind}`,
  ];
}

/**
 * A VTIMEZONE for an IANA zone. Europe/London has its two yearly rules written out; any other
 * zone gets each of its offset changes in the years `fromYear`..`toYear` listed one by one
 * (found with luxon's time-zone data), which is exact for those years without needing rules.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string[] {
  if (zone === 'Europe/London') return EUROPE_LONDON;
  // From a year early, so the first observance starts before any meeting whatever the offset.
  const start = DateTime.fromObject({ year: fromYear - 1 }, { zone: 'utc' }).toMillis();
  const end = DateTime.fromObject({ year: toYear + 1 }, { zone: 'utc' }).toMillis();
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...observance(zone, start, offsetAt(zone, start))];
  for (let t = start; t < end; t += STEP) {
    const next = Math.min(t + STEP, end);
    if (offsetAt(zone, next) !== offsetAt(zone, t)) {
      const at = transitionBetween(zone, t, next);
      lines.push(...observance(zone, at, offsetAt(zone, t)));
    }
  }
  return [...lines, 'END:VTIMEZONE'];
}
