import { ITEM_TYPES, type ItemType, type Lang } from '../model/types.ts';

/**
 * What the browser shows for a result, kept apart from the index and fetched in small chunks of
 * CHUNK_SIZE consecutive documents, so a page of ten results downloads at most ten small files.
 */
export const CHUNK_SIZE = 8;

/** Results shown per page. */
export const PAGE_SIZE = 10;

/** One document as stored: [id, title, minute, agenda item, date, committee index, kind, snippet]. */
export type StoredDoc = [string, string, string, string, string, number, string, string];

/**
 * An item's type, key-decision flag and language in one character: m/r/s for minutes, reference,
 * resolution; upper case for a key decision; followed by nothing for English, "y" for Welsh.
 */
export function kindOf(type: ItemType, keyDecision: boolean, lang: Lang): string {
  const letter = { minutes: 'm', reference: 'r', resolution: 's' }[type];
  return (keyDecision ? letter.toUpperCase() : letter) + (lang === 'cy' ? 'y' : '');
}

export interface Kind {
  type: ItemType;
  keyDecision: boolean;
  lang: Lang;
}

/** Read a kind string written by kindOf. */
export function parseKind(kind: string): Kind {
  const letter = kind.charAt(0);
  const type = ITEM_TYPES.find((t) => kindOf(t, false, 'en') === letter.toLowerCase()) ?? 'minutes';
  return { type, keyDecision: letter !== letter.toLowerCase(), lang: kind.charAt(1) === 'y' ? 'cy' : 'en' };
}

/** Everything the bundle needs to find the rest: the entry point of a search, fetched first. */
export interface Manifest {
  version: 1;
  /** The language of the pages this index serves: results link to pages and PDFs in it. */
  lang: Lang;
  /** The site's languages: a result's PDF is the one in its words' language when the site publishes in it (pdfLanguage). */
  languages: Lang[];
  /** Number of indexed documents (open items). */
  docs: number;
  chunkSize: number;
  /** Folder of the document chunks, `<n>.json` inside it; the folder name carries their hash. */
  store: string;
  /** URL of the filter columns (meta.ts), needed only for filters and newest-first order. */
  meta: string;
  /** [slug, name] of each committee; documents refer to them by index. */
  committees: [string, string][];
  /** Lower bound of each shard's term range (first is ""). */
  bounds: string[];
  /** URL of each shard, parallel to bounds. */
  shards: string[];
}

/**
 * Per-document columns for filtering and sorting every match, not only the page shown:
 * documents are numbered in meeting order, so each meeting is a run of documents.
 */
export interface Meta {
  /** One [date, committee index, number of documents] per meeting, in document order. */
  meetings: [string, number, number][];
  /** kindOf() of every document, concatenated (1–2 characters each, so split with splitKinds). */
  kinds: string;
}

/** Split Meta.kinds into one kind per document. */
export function splitKinds(kinds: string): string[] {
  return kinds.match(/[mrsMRS]y?/g) ?? [];
}
