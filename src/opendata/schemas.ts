/**
 * The documented shapes of the JSON files under /api/. Tests validate the built files against
 * these, and docs/open-data.md describes them field by field. Objects are strict: a field that
 * is not listed here is an error, so nothing leaks into the data by accident.
 */
import { z } from 'zod';
import { COMMITTEE_CATEGORIES, ITEM_TYPES, LANGS, MEETING_STATUSES } from '../model/types.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const siteUrl = z.string().startsWith('/');
const slug = z.string().min(1);

/** An exempt item in /api/items.json: its number, title and reason, and where it sits. Nothing else. */
export const exemptItemJson = z.strictObject({
  item: z.string(),
  title: z.string(),
  exempt: z.literal(true),
  exempt_reason: z.string(),
  meeting: slug,
  committee: slug,
  date: isoDate,
  url: siteUrl,
  pdf: siteUrl,
});

/** An open agenda item in /api/items.json. Absent values are null (lists are empty), never missing. */
export const openItemJson = z.strictObject({
  title: z.string(),
  type: z.enum(ITEM_TYPES),
  committee: slug,
  date: isoDate,
  meeting: slug,
  item: z.string(),
  minute: z.string().nullable(),
  issue: slug.nullable(),
  url: siteUrl,
  pdf: siteUrl,
  decision: z.string().nullable(),
  resolved: z.array(z.string()),
  recommended: z.array(z.string()),
  key_decision: z.boolean(),
  referred_from: z
    .strictObject({
      committee: slug,
      date: isoDate,
      minute: z.string().nullable(),
      /** The meeting's slug and the item's page, when that meeting and minute are in the archive. */
      meeting: slug.nullable(),
      url: siteUrl.nullable(),
    })
    .nullable(),
  exempt: z.literal(false),
  lang: z.enum(LANGS),
  report_of: z.string().nullable(),
  reasons: z.string().nullable(),
  call_in_deadline: isoDate.nullable(),
  referred_to: z.array(z.strictObject({ committee: slug, date: isoDate, meeting: slug, url: siteUrl })),
  attachments: z.array(z.strictObject({ title: z.string(), url: z.string() })),
});

export const itemsJson = z.array(z.discriminatedUnion('exempt', [openItemJson, exemptItemJson]));
export type ItemJson = z.infer<typeof itemsJson>[number];

/** /api/meetings.json: every meeting, oldest first. */
export const meetingsJson = z.array(
  z.strictObject({
    slug,
    committee: slug,
    date: isoDate,
    time: z.string().regex(/^\d{2}:\d{2}$/).nullable(),
    /** ISO 8601 with the zone's offset, when a time is given. */
    start: z.string().nullable(),
    venue: z.string().nullable(),
    status: z.enum(MEETING_STATUSES),
    url: siteUrl,
    pack: siteUrl,
    attendees: z.array(z.string()),
    apologies: z.array(z.string()),
    items: z.array(z.strictObject({ item: z.string(), title: z.string(), exempt: z.boolean(), url: siteUrl })),
  }),
);
export type MeetingJson = z.infer<typeof meetingsJson>[number];

/** /api/committees.json: every committee, by name. Feed and calendar are null when the site has no base_url. */
export const committeesJson = z.array(
  z.strictObject({
    slug,
    name: z.string(),
    name_cy: z.string().nullable(),
    category: z.enum(COMMITTEE_CATEGORIES),
    url: siteUrl,
    meetings: z.array(slug),
    feed: siteUrl.nullable(),
    calendar: siteUrl.nullable(),
  }),
);
export type CommitteeJson = z.infer<typeof committeesJson>[number];

/** /api/manifest.json: every published file but the manifest itself, sorted by path. */
export const manifestJson = z.strictObject({
  algorithm: z.literal('sha256'),
  files: z.array(
    z.strictObject({
      /** Path of the file inside the site, starting with / (index.html spelled out). */
      path: siteUrl,
      size: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type ManifestJson = z.infer<typeof manifestJson>;
