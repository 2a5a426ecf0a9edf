import { DateTime } from 'luxon';
import type { Meeting, Site } from '../model/types.ts';

/** The meeting's start as a luxon DateTime in the council's zone, or undefined without a time. */
export function meetingStart(site: Site, meeting: Meeting): DateTime | undefined {
  if (!meeting.time) return undefined;
  // Feeds, calendars and OParl all ask, for the meeting as each language shows it (a copy per
  // language): luxon's zone arithmetic is worth doing once per zone, date and time.
  const key = `${site.timezone}|${meeting.date}T${meeting.time}`;
  let start = starts.get(key);
  if (!start) {
    start = computeStart(site, meeting);
    starts.set(key, start);
  }
  return start;
}

const starts = new Map<string, DateTime>();
const timestamps = new Map<DateTime, string>();

function computeStart(site: Site, meeting: Meeting): DateTime {
  const start = DateTime.fromISO(`${meeting.date}T${meeting.time}`, { zone: site.timezone || 'Europe/London' });
  if (!start.isValid) throw new Error(`${meeting.sourcePath}: time: "${meeting.time}" on ${meeting.date} is not a valid time in ${site.timezone}`);
  return start;
}

/**
 * An RFC 3339 timestamp for when a meeting's papers are dated: its start with the zone's offset,
 * or midnight UTC of its date when no time is given. Feeds use this instead of the build's clock.
 */
export function meetingTimestamp(site: Site, meeting: Meeting): string {
  const start = meetingStart(site, meeting);
  if (!start) return `${meeting.date}T00:00:00Z`;
  let iso = timestamps.get(start);
  if (iso === undefined) {
    iso = start.toISO({ suppressMilliseconds: true })!;
    timestamps.set(start, iso);
  }
  return iso;
}
