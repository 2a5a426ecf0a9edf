import { z } from 'zod';
import { COMMITTEE_CATEGORIES, ITEM_TYPES, LANGS, MEETING_STATUSES } from '../model/types.ts';
import { bool, clockTime, isoDate, label, list, oneOf, slug, text } from './values.ts';

/** content/site.yml */
export const siteSchema = z.object({
  name: text('the council\'s name'),
  name_cy: text('the council\'s name in Welsh').optional(),
  base_url: text('an address such as https://papers.example.gov.uk')
    .refine((v) => /^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(v), {
      error: (i) => `"${String(i.input)}" is not a web address (expected https://…)`,
    })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  timezone: text('an IANA time zone such as Europe/London').default('Europe/London'),
  colour: text('a colour as #rrggbb')
    .refine((v) => /^#[0-9a-fA-F]{6}$/.test(v), { error: (i) => `"${String(i.input)}" is not a colour (expected #rrggbb)` })
    .optional(),
  logo: text('a path inside content/ to an image').optional(),
});

/** content/committees/<slug>.md */
export const committeeSchema = z.object({
  name: text('the committee\'s name'),
  name_cy: text('the committee\'s name in Welsh').optional(),
  category: oneOf(COMMITTEE_CATEGORIES).default('other'),
});

/** content/meetings/<folder>/index.md */
export const meetingSchema = z.object({
  committee: slug('a committee slug, the name of a file in content/committees/ without .md'),
  date: isoDate(),
  time: clockTime().optional(),
  venue: text('the place of the meeting').optional(),
  status: oneOf(MEETING_STATUSES).default('held'),
  attendees: list('a list of names').default([]),
  apologies: list('a list of names').default([]),
});

const attachmentSchema = z
  .object(
    {
      title: text('the attachment\'s title'),
      file: text('a path to a file, relative to this file\'s folder').optional(),
      url: text('a web address')
        .refine((v) => /^https?:\/\//i.test(v), { error: (i) => `"${String(i.input)}" is not a web address (expected https://…)` })
        .optional(),
    },
    { error: (i) => `${i.input === undefined ? 'missing' : 'the wrong kind of value'} (expected title plus file or url)` },
  )
  .refine((a) => (a.file === undefined) !== (a.url === undefined), {
    error: 'needs exactly one of file or url (expected title plus file or url)',
  });

/** Every other .md file in a meeting folder: one agenda item. */
export const itemSchema = z
  .object({
    title: text('the item\'s title'),
    type: oneOf(ITEM_TYPES),
    item: label('the agenda item number, e.g. 5 or "5a"').refine((v) => /^[1-9]\d*[a-z]?$/.test(v), {
      error: (i) => `"${String(i.input)}" is not an item number (expected a positive whole number, or one with a letter such as "5a")`,
    }),
    minute: label('the minute number, e.g. 571 or "C118"').optional(),
    report_of: text('the officer or directorate reporting').optional(),
    issue: slug('an issue slug').optional(),
    referred_from: z
      .object(
        {
          committee: slug('the committee slug the minute came from'),
          date: isoDate(),
          minute: label('the minute number there').optional(),
        },
        { error: (i) => `${i.input === undefined ? 'missing' : 'the wrong kind of value'} (expected committee, date and optional minute)` },
      )
      .optional(),
    decision: text('a one-line summary of the decision').optional(),
    resolved: list('a list of resolutions, one per entry').default([]),
    recommended: list('a list of recommendations, one per entry').default([]),
    reasons: text('the reasons for the decision').optional(),
    key_decision: bool().default(false),
    call_in_deadline: isoDate().optional(),
    attachments: z.array(attachmentSchema, { error: (i) => `${describeList(i.input)} (expected a list of attachments)` }).default([]),
    lang: oneOf(LANGS).default('en'),
    exempt: bool().default(false),
    exempt_reason: text('the legal reason the item is exempt, e.g. Paragraph 14 of Schedule 12A').optional(),
  })
  .superRefine((item, ctx) => {
    if (item.type === 'reference' && !item.referred_from) {
      ctx.addIssue({
        code: 'custom',
        path: ['referred_from'],
        message: 'missing (a reference needs referred_from: committee, date and optional minute)',
      });
    }
    if (item.exempt && !item.exempt_reason) {
      ctx.addIssue({ code: 'custom', path: ['exempt_reason'], message: 'missing (an exempt item must give the legal reason it is exempt)' });
    }
  });

/** `<item>.cy.md`: the item's own words in another language; everything else comes from `<item>.md`. */
export const translationSchema = z.object({
  title: text('the item\'s title in this language'),
  item: label('the same agenda item number as the item it translates').optional(),
  report_of: text('the officer or directorate reporting').optional(),
  decision: text('a one-line summary of the decision').optional(),
  resolved: list('a list of resolutions, one per entry').default([]),
  recommended: list('a list of recommendations, one per entry').default([]),
  reasons: text('the reasons for the decision').optional(),
  exempt_reason: text('the legal reason the item is exempt').optional(),
});

/**
 * `index.cy.md` beside a meeting's index.md, or `<committee>.cy.md` beside a committee's file: only
 * a body (the meeting's notes, the committee's terms of reference, in that language). Front
 * matter may be left out; any key in it is reported as unknown.
 */
export const textSchema = z.object({});

function describeList(input: unknown) {
  return input === undefined ? 'missing' : 'the wrong kind of value';
}

export type SiteData = z.output<typeof siteSchema>;
export type CommitteeData = z.output<typeof committeeSchema>;
export type MeetingData = z.output<typeof meetingSchema>;
export type ItemData = z.output<typeof itemSchema>;
export type TranslationData = z.output<typeof translationSchema>;
export type TextData = z.output<typeof textSchema>;

/** Keys each kind of file may use: anything else is reported as unknown (a typo must not vanish). */
export const KNOWN_KEYS = {
  site: Object.keys(siteSchema.shape),
  committee: Object.keys(committeeSchema.shape),
  meeting: Object.keys(meetingSchema.shape),
  item: Object.keys(itemSchema.shape),
  translation: Object.keys(translationSchema.shape),
  text: Object.keys(textSchema.shape),
  attachment: ['title', 'file', 'url'],
  referred_from: ['committee', 'date', 'minute'],
} as const;
