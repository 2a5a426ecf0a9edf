import { DateTime } from 'luxon';
import type { Lang } from '../../model/types.ts';

const LUXON_LOCALE: Record<Lang, string> = { en: 'en-GB', cy: 'cy' };

function day(iso: string, lang: Lang): DateTime {
  const date = DateTime.fromISO(iso, { zone: 'utc', locale: LUXON_LOCALE[lang] });
  if (!date.isValid) throw new Error(`"${iso}" is not a date (expected YYYY-MM-DD)`);
  return date;
}

/** Formatting through Intl is slow and pages repeat the same dates (Eleventy flagged it): format each once. */
function memo(format: (iso: string, lang: Lang) => string): (iso: string, lang?: Lang) => string {
  const seen = new Map<string, string>();
  return (iso, lang = 'en') => {
    const key = `${lang} ${iso}`;
    let text = seen.get(key);
    if (text === undefined) seen.set(key, (text = format(iso, lang)));
    return text;
  };
}

/** "Monday 1 December 2025" for an ISO date, in UK style; "Dydd Llun 1 Rhagfyr 2025" in Welsh. */
export const longDate = memo((iso, lang) => {
  const date = day(iso, lang);
  // ICU's Welsh weekday names already say "Dydd Llun"; an ICU without them gives "Llun", and
  // Welsh dates always name the day with "Dydd".
  const weekday = date.toFormat('cccc');
  const named = lang === 'cy' && !weekday.startsWith('Dydd ') ? `Dydd ${weekday}` : weekday;
  return `${named} ${date.toFormat('d LLLL yyyy')}`;
});

/** "1 December 2025": for dense lists. */
export const mediumDate = memo((iso, lang) => day(iso, lang).toFormat('d LLLL yyyy'));

/** "December 2025" for a "YYYY-MM" month. */
export const monthName = memo((yearMonth, lang) => day(`${yearMonth}-01`, lang).toFormat('LLLL yyyy'));

const CLOCK: Record<Lang, { am: string; pm: string; midday: string }> = {
  en: { am: 'am', pm: 'pm', midday: 'midday' },
  // yb (y bore) and yp (y prynhawn), as Welsh councils write times; "hanner dydd" is midday.
  cy: { am: 'yb', pm: 'yp', midday: 'hanner dydd' },
};

/** "2pm", "10:30am", "midday" for a 24-hour "HH:MM" time; "2yp", "10:30yb", "hanner dydd" in Welsh. */
export function clockTime(hhmm: string, lang: Lang = 'en'): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const hour = h % 12 === 0 ? 12 : h % 12;
  const words = CLOCK[lang];
  const suffix = h < 12 ? words.am : words.pm;
  if (h === 12 && m === 0) return words.midday;
  return m === 0 ? `${hour}${suffix}` : `${hour}:${String(m).padStart(2, '0')}${suffix}`;
}

/** The same for a start in a zone: a meeting's start is shown on several pages of a build, each a Luxon parse. */
function memoInZone(format: (start: string, zone: string) => string): (start: string, zone: string) => string {
  const seen = new Map<string, string>();
  return (start, zone) => {
    const key = `${zone} ${start}`;
    let text = seen.get(key);
    if (text === undefined) seen.set(key, (text = format(start, zone)));
    return text;
  };
}

/**
 * The `datetime` attribute for a meeting: its start with the zone offset, shown in the council's
 * zone (the model's `start` is already there; re-zoning keeps it right if that ever changes).
 */
export const startAttribute = memoInZone((start, zone) => {
  const at = DateTime.fromISO(start, { setZone: true }).setZone(zone);
  if (!at.isValid) throw new Error(`"${start}" is not a date and time`);
  return at.toISO({ suppressMilliseconds: true }) ?? start;
});

/** "HH:MM" of an ISO start in the council's zone. */
export const localTime = memoInZone((start, zone) => DateTime.fromISO(start, { setZone: true }).setZone(zone).toFormat('HH:mm'));
