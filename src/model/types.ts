/**
 * The council model: one typed, plain-data picture of a content folder.
 *
 * Every output (pages, PDFs, search, open data) reads from this model and nothing else.
 * It is acyclic and serialisable (structured-clone safe), so it can cross to worker
 * threads; records point at each other by slug or id, and `src/model/queries.ts`
 * resolves those links.
 */

export type Lang = 'en' | 'cy';
export const LANGS = ['en', 'cy'] as const;

export const COMMITTEE_CATEGORIES = ['council', 'executive', 'scrutiny', 'regulatory', 'other'] as const;
export type CommitteeCategory = (typeof COMMITTEE_CATEGORIES)[number];

export const ITEM_TYPES = ['minutes', 'reference', 'resolution'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const MEETING_STATUSES = ['held', 'scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Markdown source text, rendered by src/markdown (HTML) and src/pdf (PDF) from one token stream. */
export type Markdown = string;

/** The council itself, from content/site.yml. */
export interface Site {
  name: string;
  nameCy?: string;
  /** Absolute origin the site is published at, without a trailing slash, e.g. https://papers.example.org */
  baseUrl?: string;
  /** IANA time zone meetings are held in (default Europe/London). */
  timezone: string;
  /** Brand colour as #rrggbb (header background); checked for AA contrast against white text. */
  colour?: string;
  /** Site-relative URL of the logo, copied from content/. */
  logo?: string;
}

export interface Committee {
  slug: string;
  name: string;
  nameCy?: string;
  category: CommitteeCategory;
  /** Written in English; `translations` may give it in another language. */
  termsOfReference: Markdown;
  /** From `<committee>.cy.md`: the terms of reference in that language. Absent when there is none. */
  translations?: Partial<Record<Lang, { termsOfReference: Markdown; sourcePath: string }>>;
  /**
   * The language `termsOfReference` is in, where a localised council (councilIn) shows them in
   * another language than the page's own for want of a version in it; absent otherwise.
   */
  termsLang?: Lang;
  url: string;
  /** Meeting slugs, oldest first. */
  meetings: string[];
  sourcePath: string;
}

export interface Meeting {
  /** URL segment, derived from the folder name (lower-cased, spaces to hyphens). */
  slug: string;
  committee: string;
  /** Meeting date as written, ISO YYYY-MM-DD. */
  date: string;
  /** 24-hour "HH:MM" in the council's time zone. */
  time?: string;
  /** ISO 8601 start with the zone's offset (e.g. 2026-10-27T14:00:00.000+00:00), when a time is given. */
  start?: string;
  venue?: string;
  status: MeetingStatus;
  attendees: string[];
  apologies: string[];
  /** The body of index.md, written in English; `translations` may give it in another language. */
  notes: Markdown;
  /** From `index.cy.md`: the notes in that language. Absent when there is none. */
  translations?: Partial<Record<Lang, { notes: Markdown; sourcePath: string }>>;
  /**
   * The language `notes` are in, where a localised council (councilIn) shows them in another
   * language than the page's own for want of a version in it; absent otherwise.
   */
  notesLang?: Lang;
  url: string;
  /** Site-relative URL of the meeting pack PDF. */
  pack: string;
  /** Item ids in agenda order. */
  items: string[];
  sourcePath: string;
}

export interface Attachment {
  title: string;
  /** Site-relative URL for a file (under /files/), or the absolute URL for a link. */
  url: string;
  kind: 'file' | 'link';
  /** Size in bytes, for files. */
  size?: number;
  /** Absolute path on disk of the file to copy, for files. */
  source?: string;
}

/** Where a reference came from: as authored, plus the meeting and item it resolves to when they exist. */
export interface ReferralSource {
  committee: string;
  date: string;
  minute?: string;
  /** Meeting slug, when a meeting of that committee on that date is in the content. */
  meeting?: string;
  /** Item id, when that meeting has an item with that minute number. */
  itemId?: string;
}

/** An onward referral, derived from another item's `referred_from` (never authored). */
export interface ReferralTarget {
  committee: string;
  date: string;
  meeting: string;
  itemId: string;
}

interface ItemCommon {
  /** `<meeting slug>/<item slug>`: unique across the council. */
  id: string;
  /** URL segment from the file name without .md. */
  slug: string;
  meeting: string;
  committee: string;
  /** Meeting date, ISO YYYY-MM-DD. */
  date: string;
  /** Agenda item number: "5" or "5a". */
  item: string;
  title: string;
  url: string;
  /** Site-relative URL of the item's PDF, beside its page. */
  pdf: string;
  sourcePath: string;
}

/** An exempt item publishes only its number, title and reason: the other fields do not exist on it. */
export interface ExemptItem extends ItemCommon {
  exempt: true;
  exemptReason: string;
  /** The language the title and reason are written in (en when absent). */
  lang?: Lang;
  /** The same item in another language (from `<item>.cy.md`), when written. */
  translations?: Partial<Record<Lang, ExemptTranslation>>;
}

/** An exempt item's title and reason in another language. */
export interface ExemptTranslation {
  lang: Lang;
  title: string;
  exemptReason?: string;
}

/**
 * An item's words in another language (from `<item>.cy.md` beside `<item>.md`): the same number,
 * committee, dates and links, its own title and text.
 */
export interface ItemTranslation {
  lang: Lang;
  title: string;
  reportOf?: string;
  decision?: string;
  resolved: string[];
  recommended: string[];
  reasons?: string;
  body: Markdown;
  sourcePath: string;
}

export interface OpenItem extends ItemCommon {
  exempt: false;
  type: ItemType;
  minute?: string;
  lang: Lang;
  reportOf?: string;
  issue?: string;
  referredFrom?: ReferralSource;
  referredTo: ReferralTarget[];
  decision?: string;
  resolved: string[];
  recommended: string[];
  reasons?: string;
  keyDecision: boolean;
  callInDeadline?: string;
  attachments: Attachment[];
  body: Markdown;
  /** The same item in another language, when written (see ItemTranslation). */
  translations?: Partial<Record<Lang, ItemTranslation>>;
}

export type AgendaItem = ExemptItem | OpenItem;

/** Items sharing an `issue` slug, oldest first: the issue's history from committee to committee. */
export interface Issue {
  slug: string;
  url: string;
  /** Title of the earliest item, which names the issue. */
  title: string;
  items: string[];
}

export interface Council {
  site: Site;
  /** Sorted by name. */
  committees: Committee[];
  /** Sorted by date, time, then slug. */
  meetings: Meeting[];
  /** Sorted by meeting (as above), then agenda order. */
  items: AgendaItem[];
  /** Sorted by slug. */
  issues: Issue[];
}
