import { isUtf8 } from 'node:buffer';
import { parseMarkdownFile } from './frontmatter.ts';
import { Problems, type Problem } from './problems.ts';
import { committeeSchema, itemSchema, KNOWN_KEYS, meetingSchema, textSchema, translationSchema } from './schemas.ts';
import { validate } from './validate.ts';

/**
 * The kinds of Markdown file in a content folder (site.yml is read on its own, every time): a
 * `translation` is an item in another language, a `text` a meeting's notes or a committee's terms
 * of reference in another language.
 */
export type FileKind = 'committee' | 'meeting' | 'item' | 'translation' | 'text';

/** A problem found in one file, before it is pinned to the file's path as shown to the clerk. */
export type FileProblem = Omit<Problem, 'file'>;

/** Lines of the front-matter keys the later checks may name, by `lineKey(path)`. */
export type Lines = Readonly<Record<string, number>>;

/**
 * What reading one Markdown file gives: plain data, a function of the file's kind and bytes alone
 * (never of its path or of other files), so it can be cached by a hash of the bytes
 * (parse-cache.ts). Checks that need the path or other files (slugs, committees, attachments,
 * referrals) run on it every time.
 */
export interface FileRecord {
  /** Whether the file starts with a `---` line. */
  hasFrontMatter: boolean;
  /** The body is the file's text from this offset (in UTF-16 units) on. */
  bodyStart: number;
  /**
   * The body's bytes start at this offset and decode alone to exactly the body (valid UTF-8), so
   * the front matter need not be decoded again; -1 when they do not (the whole file is decoded).
   */
  bodyByte: number;
  /** The validated front matter; absent when anything in it is wrong. */
  data?: unknown;
  /** What validation found (YAML errors, schema errors, unknown-key warnings), in the order found. */
  problems: FileProblem[];
  /** The committee slug named in the front matter as written (a meeting's committee, an item's referred_from.committee), if text. */
  committee?: string;
  /** Lines of the keys named by later checks (see `LINES_NEEDED`). */
  lines: Lines;
}

/** `['attachments', 0, 'file']` -> `attachments.0.file` */
export const lineKey = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** The line of `path` recorded in `lines`; a path not recorded is a mistake in this module. */
export function lineOf(lines: Lines, path: readonly PropertyKey[]): number {
  const line = lines[lineKey(path)];
  if (line === undefined) throw new Error(`Internal error: the line of ${lineKey(path)} was not recorded when the file was read`);
  return line;
}

/** Keys whose lines a later check may report, by kind (plus each item attachment's `file`). */
const LINES_NEEDED: Record<FileKind, readonly (readonly PropertyKey[])[]> = {
  committee: [],
  meeting: [['committee']],
  item: [['item'], ['call_in_deadline'], ['referred_from', 'committee'], ['referred_from', 'date'], ['referred_from', 'minute']],
  translation: [['item']],
  text: [],
};

/**
 * Parse and validate one Markdown file of the given kind (`text` is its bytes decoded), as JSON
 * text: the form the parse cache stores, so a record read from the cache and one made now are the
 * same (no `undefined`, no shared objects). Keeps nothing of the YAML document.
 */
export function recordJson(kind: FileKind, bytes: Buffer, text: string): string {
  const parsed = parseMarkdownFile(text);
  const bodyStart = text.length - parsed.body.length;
  // gray-matter's body is always the end of the text (after the front matter and a BOM).
  if (text.slice(bodyStart) !== parsed.body) throw new Error('Internal error: the body is not the end of the file');
  let bodyByte = bytes.length - Buffer.byteLength(parsed.body, 'utf8');
  if (bodyByte < 0 || !isUtf8(bytes.subarray(bodyByte)) || bytes.toString('utf8', bodyByte) !== parsed.body) bodyByte = -1;
  const problems = new Problems();
  let data: unknown;
  // An item without front matter is reported as such by the loader, and not validated.
  if (kind !== 'item' || parsed.hasFrontMatter) {
    if (kind === 'committee') data = validate(committeeSchema, parsed, '', KNOWN_KEYS.committee, problems);
    else if (kind === 'meeting') data = validate(meetingSchema, parsed, '', KNOWN_KEYS.meeting, problems);
    else if (kind === 'translation') data = validate(translationSchema, parsed, '', KNOWN_KEYS.translation, problems);
    else if (kind === 'text') data = validate(textSchema, parsed, '', KNOWN_KEYS.text, problems);
    else data = validate(itemSchema, parsed, '', KNOWN_KEYS.item, problems, { referred_from: KNOWN_KEYS.referred_from, attachments: KNOWN_KEYS.attachment });
  }
  const written = parsed.data as { committee?: unknown; referred_from?: { committee?: unknown } } | undefined;
  const committee = kind === 'meeting' ? written?.committee : kind === 'item' ? written?.referred_from?.committee : undefined;
  const lines: Record<string, number> = {};
  for (const path of LINES_NEEDED[kind]) lines[lineKey(path)] = parsed.lineOf(path);
  if (kind === 'item' && data !== undefined) {
    const { attachments } = data as { attachments: unknown[] };
    for (let i = 0; i < attachments.length; i++) lines[lineKey(['attachments', i, 'file'])] = parsed.lineOf(['attachments', i, 'file']);
  }
  const record: FileRecord = {
    hasFrontMatter: parsed.hasFrontMatter,
    bodyStart,
    bodyByte,
    ...(data !== undefined && { data }),
    problems: problems.list.map(({ line, field, message, severity }) => ({ line, field, message, severity })),
    ...(typeof committee === 'string' && { committee }),
    lines,
  };
  return JSON.stringify(record);
}

/** The body of a file with these bytes, as the record describes it. */
export function bodyOf(record: FileRecord, bytes: Buffer): string {
  return record.bodyByte >= 0 ? bytes.toString('utf8', record.bodyByte) : bytes.toString('utf8').slice(record.bodyStart);
}
