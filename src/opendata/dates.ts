import { DateTime } from 'luxon';
import type { Meeting, Site } from '../model/types.ts';

/** The meeting's start as a luxon DateTime in the council's zone, or undefined without a time. */
export function meetingStart(site: Site, meeting: Meeting): DateTime | undefined {
  if (!meeting.time) return undefined;
  // Feeds, calendars and OParl all ask; luxon's zone arithmetic is worth doing once per meeting.
  const cached = starts.get(meeting);
  if (cached && cached.zone === site.timezone) return cached.start;
  const start = computeStart(site, meeting);
  starts.set(meeting, { zone: site.timezone, start });
  return start;
}

const starts = new WeakMap<Meeting, { zone: string; start: DateTime }>();

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
  return start ? start.toISO({ suppressMilliseconds: true })! : `${meeting.date}T00:00:00Z`;
}
