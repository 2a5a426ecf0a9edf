import type { Council, Meeting } from '../../model/types.ts';

/**
 * Meetings still to come: those whose status is `scheduled`, oldest first. Status comes from the
 * content, not from the build machine's clock, so the same content always builds the same pages.
 */
export function upcomingMeetings(council: Council): Meeting[] {
  return council.meetings.filter((m) => m.status === 'scheduled');
}

/** Meetings that have been held, newest first. */
export function recentMeetings(council: Council): Meeting[] {
  return council.meetings.filter((m) => m.status === 'held').reverse();
}

export interface CalendarDay {
  /** Day of the month, or null for the padding before the 1st and after the last day. */
  day: number | null;
  date?: string;
  meetings: Meeting[];
}

export interface MonthOfMeetings {
  /** "YYYY-MM" */
  month: string;
  /** Monday-first weeks of seven days. */
  weeks: CalendarDay[][];
  /** The month's meetings, oldest first. */
  meetings: Meeting[];
}

export interface YearOfMeetings {
  year: string;
  /** Newest month first. */
  months: MonthOfMeetings[];
}

/** A month grid, Monday first, with each day's meetings. */
export function calendarMonth(month: string, meetings: Meeting[]): CalendarDay[][] {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, mon - 1, 1));
  const days = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: CalendarDay[] = Array.from({ length: lead }, () => ({ day: null, meetings: [] }));
  for (let d = 1; d <= days; d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    cells.push({ day: d, date, meetings: meetings.filter((m) => m.date === date) });
  }
  while (cells.length % 7 !== 0) cells.push({ day: null, meetings: [] });
  const weeks: CalendarDay[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Meetings grouped by year, then month, newest year and month first; each month oldest meeting first. */
export function meetingsByMonth(meetings: readonly Meeting[]): YearOfMeetings[] {
  const months = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const key = m.date.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), m]);
  }
  const years = new Map<string, MonthOfMeetings[]>();
  for (const month of [...months.keys()].sort().reverse()) {
    const list = months.get(month)!;
    const year = month.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), { month, weeks: calendarMonth(month, list), meetings: list }]);
  }
  return [...years].map(([year, ms]) => ({ year, months: ms }));
}

/** A committee's meetings grouped by year, newest year and newest meeting first. */
export function meetingsByYear(meetings: readonly Meeting[]): { year: string; meetings: Meeting[] }[] {
  const years = new Map<string, Meeting[]>();
  for (const m of [...meetings].reverse()) {
    const year = m.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), m]);
  }
  return [...years].map(([year, ms]) => ({ year, meetings: ms }));
}
