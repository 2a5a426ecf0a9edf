import { DateTime } from 'luxon';

/** "Monday 1 December 2025" for an ISO date, in UK style. */
export function longDate(iso: string, locale = 'en-GB'): string {
  return DateTime.fromISO(iso, { zone: 'utc', locale }).toFormat('cccc d LLLL yyyy');
}

/** "2pm", "10:30am" for a 24-hour "HH:MM" time. */
export function clockTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const hour = h % 12 === 0 ? 12 : h % 12;
  const suffix = h < 12 ? 'am' : 'pm';
  if (h === 12 && m === 0) return 'midday';
  return m === 0 ? `${hour}${suffix}` : `${hour}:${String(m).padStart(2, '0')}${suffix}`;
}
