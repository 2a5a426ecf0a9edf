import crypto, { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomically } from '../build/atomic.ts';
import type { Lang } from '../model/types.ts';
import { FIELD_COUNT, TermTable, validTerms, type DocTerms } from './build-index.ts';

/**
 * What the search stage keeps between builds, in `<cache>/search/`: the browser bundle with the
 * hashes of the files it was made from (bundle.ts), a record of each language's index: the key of
 * its inputs and the keys of its files (index.ts), and every document's counted words (here).
 * Nothing is trusted that cannot be checked: each file carries a hash of its own contents, every
 * key covers the code that made it (CODE_FINGERPRINT, or the bundle's own sources), and a file
 * that does not check out is ignored and its contents made afresh.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The one-shot hash of Node 20.12 and later: several times faster than createHash for small inputs. */
const oneShot = (crypto as { hash?: (algorithm: string, data: Uint8Array | string, encoding: 'base64url') => string }).hash;

/** Full SHA-256 of bytes or text (base64url): the key of a published file, or of what it is made from. */
export function contentKey(data: Uint8Array | string): string {
  return oneShot !== undefined ? oneShot('sha256', data, 'base64url') : createHash('sha256').update(data).digest('base64url');
}

/** Source folders whose code decides what the index holds: search itself, Markdown, and the model. */
const CODE_FOLDERS = ['src/search', 'src/markdown', 'src/model'];
/** Packages whose code decides it too (and, through findPackage, what they depend on). */
const CODE_PACKAGES = ['lunr', 'markdown-it'];

function findPackage(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name, 'package.json');
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      if (path.dirname(dir) === dir) return undefined;
    }
  }
}

function fingerprintOfCode(): string | undefined {
  try {
    const hash = createHash('sha256');
    hash.update(`node ${process.versions.node} unicode ${process.versions.unicode} icu ${process.versions.icu}\n`);
    for (const folder of CODE_FOLDERS) {
      const files = readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts'))
        .sort();
      for (const file of files) hash.update(`${folder}/${file}\n`).update(readFileSync(path.join(ROOT, folder, file))).update('\n');
    }
    // The packages and, recursively, their dependencies, as Node would resolve them.
    const seen = new Set<string>();
    const visit = (name: string, from: string) => {
      const file = findPackage(name, from);
      if (file === undefined) throw new Error(`search: cannot find package ${name}`);
      if (seen.has(file)) return;
      seen.add(file);
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; dependencies?: Record<string, string> };
      hash.update(`${path.relative(ROOT, file)} ${manifest.version}\n`);
      for (const dependency of Object.keys(manifest.dependencies ?? {}).sort()) visit(dependency, path.dirname(file));
    };
    for (const name of CODE_PACKAGES) visit(name, ROOT);
    return hash.digest('base64url');
  } catch {
    return undefined;
  }
}

/**
 * A fingerprint of the code that builds the index, taken when this module loads (so it is the code
 * this process runs, not what is on disk later). Undefined if it cannot be read: nothing is cached.
 */
export const CODE_FINGERPRINT = fingerprintOfCode();

/** The folder of the search stage's cache. */
export function searchCacheDir(cacheDir: string): string {
  return path.join(cacheDir, 'search');
}

/** Save a JSON record with a hash of itself. */
export function saveRecord(file: string, value: unknown): void {
  const text = JSON.stringify(value);
  writeAtomically(file, JSON.stringify({ check: contentKey(text), value: text }));
}

/** A record saved by saveRecord, or undefined if it is missing, unreadable or does not match its hash. */
export function readRecord(file: string): unknown {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { check?: unknown; value?: unknown };
    if (typeof saved.value !== 'string' || saved.check !== contentKey(saved.value)) return undefined;
    return JSON.parse(saved.value);
  } catch {
    return undefined;
  }
}

/** What a document gives the index besides its item: the language of its text, its snippet and its counted words. */
export interface CountedText {
  lang: Lang;
  snippet: string;
  terms: DocTerms;
}

const MAGIC = 'minutebook search documents\n';
const VERSION = 1;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const BASE = 'documents.bin';
const DELTA = 'documents-delta.bin';

interface Header {
  version: number;
  fingerprint: string;
  littleEndian: boolean;
  /** In a delta: the checksum of the base file it adds to. */
  base?: string;
  terms: string[];
  /** Per document: key, language, snippet, and the number of int32s of its counted words. */
  docs: [string, Lang, string, number][];
}

/** A cache file as read: its checksum (hex), the base it adds to, and its documents (term numbers of `terms`). */
interface Segment {
  check: string;
  base?: string;
  terms: string[];
  docs: Map<string, CountedText>;
}

/**
 * Every document's counted words and snippet, by the key of its source (documentSourceOf), kept in
 * `<cache>/search/` so a rebuild only reads and counts the documents that changed.
 *
 * `documents.bin` holds them all as of some build; `documents-delta.bin` the few counted since
 * (naming the base file's checksum, so it is never read with another base), so that a build that
 * counted one document writes one small file, not the whole cache again. Each file: a four-byte
 * header length, the header (a magic line and JSON: term table, then per document its key,
 * language, snippet and size), padded with spaces to a multiple of four bytes; the counted words
 * as int32s (in the machine's byte order, which the header names); and a SHA-256 of everything
 * before it. A file that does not check out, or was written by other code, is not read.
 */
export class DocumentCache {
  /** Term numbers of every counted document, those read from the cache and those counted now. */
  readonly table: TermTable;
  private readonly used = new Map<string, CountedText>();
  private changed = false;
  /** How many documents were counted in this build (not found in the cache). */
  counted = 0;

  private constructor(
    private readonly dir: string,
    private readonly fingerprint: string | undefined,
    private readonly base: Segment | undefined,
    /** Documents of the base file (term numbers as in `table`), and of the delta (renumbered). */
    private readonly saved: ReadonlyMap<string, CountedText>,
    table: TermTable,
  ) {
    this.table = table;
  }

  /** The cache in `dir` for code with this fingerprint (empty if there is none, or it is not to be trusted). */
  static open(dir: string, fingerprint: string | undefined): DocumentCache {
    const base = fingerprint === undefined ? undefined : readSegment(path.join(dir, BASE), fingerprint);
    const table = new TermTable(base?.terms ?? []);
    const saved = new Map(base?.docs ?? []);
    const delta = base === undefined ? undefined : readSegment(path.join(dir, DELTA), fingerprint!);
    if (delta !== undefined && delta.base === base!.check) {
      const ids = delta.terms.map((term) => table.idOfTerm(term));
      for (const [key, text] of delta.docs) {
        const terms = text.terms.slice();
        forEachTermNumber(terms, (i) => {
          terms[i] = ids[terms[i]!]!;
        });
        saved.set(key, { ...text, terms });
      }
    }
    return new DocumentCache(dir, fingerprint, base, saved, table);
  }

  /** The counted document saved under `key`, if any. */
  get(key: string): CountedText | undefined {
    const found = this.used.get(key) ?? this.saved.get(key);
    if (found !== undefined) this.used.set(key, found);
    return found;
  }

  /** Keep a document just counted (with term numbers from `table`). */
  add(key: string, text: CountedText): void {
    this.used.set(key, text);
    this.changed = true;
    this.counted++;
  }

  /**
   * Save the documents of this build, if anything changed: as a delta when they are mostly those
   * of the base file, else as a new base file of them alone.
   */
  save(): void {
    if (this.fingerprint === undefined) return;
    if (!this.changed && this.used.size === this.saved.size) return;
    const base = this.base;
    const fresh = [...this.used].filter(([key, text]) => base?.docs.get(key) !== text);
    const unused = base === undefined ? 0 : [...base.docs.keys()].filter((key) => !this.used.has(key)).length;
    if (base !== undefined && fresh.length <= Math.max(64, base.docs.size / 8) && unused <= base.docs.size / 4) {
      // Renumber the delta's terms into a table of its own.
      const names: string[] = [];
      const ids = new Map<number, number>();
      const docs = fresh.map(([key, text]): [string, CountedText] => {
        const terms = text.terms.slice();
        forEachTermNumber(terms, (i) => {
          let id = ids.get(terms[i]!);
          if (id === undefined) {
            id = names.push(this.table.names[terms[i]!]!) - 1;
            ids.set(terms[i]!, id);
          }
          terms[i] = id;
        });
        return [key, { ...text, terms }];
      });
      writeSegment(path.join(this.dir, DELTA), this.fingerprint, names, docs, base.check);
      return;
    }
    const entries = [...this.used];
    // Terms no kept document uses stay in the table until they are a quarter of it.
    const names = this.table.names;
    const used = new Uint8Array(names.length);
    let usedCount = 0;
    for (const [, { terms }] of entries) {
      forEachTermNumber(terms, (i) => {
        if (used[terms[i]!] === 0) {
          used[terms[i]!] = 1;
          usedCount++;
        }
      });
    }
    let terms = names;
    let docs = entries;
    if (usedCount < names.length * 0.75) {
      const renumber = new Int32Array(names.length);
      terms = [];
      names.forEach((name, id) => {
        if (used[id] === 1) renumber[id] = terms.push(name) - 1;
      });
      docs = entries.map(([key, text]) => {
        const counted = text.terms.slice();
        forEachTermNumber(counted, (i) => {
          counted[i] = renumber[counted[i]!]!;
        });
        return [key, { ...text, terms: counted }];
      });
    }
    writeSegment(path.join(this.dir, BASE), this.fingerprint, terms, docs);
    rmSync(path.join(this.dir, DELTA), { force: true });
  }
}

/** Call `visit` with the index in `data` (documents' counted words, one after another) of every term number. */
function forEachTermNumber(data: Int32Array, visit: (index: number) => void): void {
  for (let at = 0; at < data.length; ) {
    let distinct = 0;
    for (let f = 0; f < FIELD_COUNT; f++) distinct += data[at + FIELD_COUNT + f]!;
    const end = at + 2 * FIELD_COUNT + 2 * distinct;
    for (let i = at + 2 * FIELD_COUNT; i < end; i += 2) visit(i);
    at = end;
  }
}

function writeSegment(file: string, fingerprint: string, terms: string[], entries: readonly [string, CountedText][], base?: string): void {
  const docs: Header['docs'] = [];
  let size = 0;
  for (const [key, { lang, snippet, terms: counted }] of entries) {
    docs.push([key, lang, snippet, counted.length]);
    size += counted.length;
  }
  const data = new Int32Array(size);
  let at = 0;
  for (const [, { terms: counted }] of entries) {
    data.set(counted, at);
    at += counted.length;
  }
  const header: Header = { version: VERSION, fingerprint, littleEndian: LITTLE_ENDIAN, ...(base !== undefined && { base }), terms, docs };
  const head = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`);
  const padding = Buffer.alloc((4 - ((head.length + 4) % 4)) % 4, ' ');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length + padding.length);
  const body = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const check = createHash('sha256').update(length).update(head).update(padding).update(body).digest();
  writeAtomically(file, [length, head, padding, body, check]);
}

function readSegment(file: string, fingerprint: string): Segment | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    if (bytes.length < 4 + 32) return undefined;
    const end = bytes.length - 32;
    const check = createHash('sha256').update(bytes.subarray(0, end)).digest();
    if (!check.equals(bytes.subarray(end))) return undefined;
    const headEnd = 4 + bytes.readUInt32LE(0);
    if (headEnd > end || (end - headEnd) % 4 !== 0) return undefined;
    const text = bytes.toString('utf8', 4, headEnd);
    if (!text.startsWith(MAGIC)) return undefined;
    const header = JSON.parse(text.slice(MAGIC.length)) as Header;
    if (header.version !== VERSION || header.fingerprint !== fingerprint || header.littleEndian !== LITTLE_ENDIAN) return undefined;
    if (!Array.isArray(header.terms) || !Array.isArray(header.docs) || !header.terms.every((t) => typeof t === 'string')) return undefined;
    if (header.base !== undefined && typeof header.base !== 'string') return undefined;
    // The int32s, aligned (copied if the file's buffer is not).
    const aligned = (bytes.byteOffset + headEnd) % 4 === 0 ? bytes : Buffer.from(bytes);
    const data = new Int32Array(aligned.buffer, aligned.byteOffset + headEnd, (end - headEnd) / 4);
    const docs = new Map<string, CountedText>();
    let at = 0;
    for (const entry of header.docs) {
      const [key, lang, snippet, size] = entry;
      if (typeof key !== 'string' || (lang !== 'en' && lang !== 'cy') || typeof snippet !== 'string' || !Number.isInteger(size) || size < 0) return undefined;
      if (at + size > data.length) return undefined;
      const terms = data.subarray(at, at + size);
      if (!validTerms(terms, header.terms.length)) return undefined;
      docs.set(key, { lang, snippet, terms });
      at += size;
    }
    if (at !== data.length) return undefined;
    return { check: check.toString('hex'), ...(header.base !== undefined && { base: header.base }), terms: header.terms, docs };
  } catch {
    return undefined;
  }
}
