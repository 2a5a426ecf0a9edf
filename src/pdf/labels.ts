import { DateTime } from 'luxon';
import type { ItemType, Lang } from '../model/types.ts';

/** The fixed words printed on the PDFs, in each language an item may be written in. */
export interface Labels {
  item: string;
  minute: string;
  types: Record<ItemType, string>;
  reportOf: string;
  referredFrom: string;
  decision: string;
  resolved: string;
  recommended: string;
  reasons: string;
  attachments: string;
  page: (n: number, of: number) => string;
  exemptHeading: string;
  exemptReason: string;
  pack: string;
  agenda: string;
  cancelled: string;
  time: string;
  venue: string;
  minuteRef: (minute: string) => string;
  /** The names of the languages, in this language. */
  languages: Record<Lang, string>;
  /** The notice above an item printed in its original language because it has no version in this one. */
  fallback: (language: string) => string;
}

// Welsh wording follows common council usage; a Welsh-speaking clerk should confirm it.
export const LABELS: Record<Lang, Labels> = {
  en: {
    item: 'Item',
    minute: 'Minute',
    types: { minutes: 'Minutes', reference: 'Reference', resolution: 'Resolution' },
    reportOf: 'Report of',
    referredFrom: 'Referred from',
    decision: 'Decision',
    resolved: 'RESOLVED',
    recommended: 'RECOMMENDED',
    reasons: 'Reasons',
    attachments: 'Attachments',
    page: (n, of) => `Page ${n} of ${of}`,
    exemptHeading: 'Not for publication',
    exemptReason: 'This item is exempt from publication.',
    pack: 'Meeting papers',
    agenda: 'Agenda',
    cancelled: 'This meeting was cancelled.',
    time: 'Time',
    venue: 'Venue',
    minuteRef: (m) => `minute ${m}`,
    languages: { en: 'English', cy: 'Welsh' },
    fallback: (language) => `This item has not been published in English. It is shown in ${language}, the language it was written in.`,
  },
  cy: {
    item: 'Eitem',
    minute: 'Cofnod',
    types: { minutes: 'Cofnodion', reference: 'Cyfeiriad', resolution: 'Penderfyniad' },
    reportOf: 'Adroddiad gan',
    referredFrom: 'Cyfeiriwyd o',
    decision: 'Penderfyniad',
    resolved: 'PENDERFYNWYD',
    recommended: 'ARGYMHELLWYD',
    reasons: 'Rhesymau',
    attachments: 'Atodiadau',
    page: (n, of) => `Tudalen ${n} o ${of}`,
    exemptHeading: 'Nid i’w gyhoeddi',
    exemptReason: 'Mae’r eitem hon wedi’i heithrio rhag ei chyhoeddi.',
    pack: 'Papurau’r cyfarfod',
    agenda: 'Agenda',
    cancelled: 'Cafodd y cyfarfod hwn ei ganslo.',
    time: 'Amser',
    venue: 'Lleoliad',
    minuteRef: (m) => `cofnod ${m}`,
    languages: { en: 'Saesneg', cy: 'Cymraeg' },
    fallback: (language) => `Nid yw’r eitem hon wedi’i chyhoeddi yn Gymraeg. Fe’i dangosir yn ${language}, yr iaith y’i hysgrifennwyd ynddi.`,
  },
};

const LOCALES: Record<Lang, string> = { en: 'en-GB', cy: 'cy' };

/** A meeting date in UK style, e.g. "Monday 1 December 2025" ("Dydd Llun 1 Rhagfyr 2025" in Welsh). */
export function formatDate(isoDate: string, timezone: string, lang: Lang = 'en'): string {
  return DateTime.fromISO(isoDate, { zone: timezone }).setLocale(LOCALES[lang]).toFormat('cccc d LLLL yyyy');
}

/** Midnight of the meeting date in the council's time zone: the PDF's fixed CreationDate and ModDate. */
export function documentDate(isoDate: string, timezone: string): Date {
  return DateTime.fromISO(isoDate, { zone: timezone }).toJSDate();
}

/** A file size for the attachments list, e.g. "245 KB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
