import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeAtomically } from '../build/atomic.ts';
import { FileReader } from '../build/file-reader.ts';
import { codeFingerprint as sharedFingerprint } from '../build/fingerprint.ts';
import { bodyOf, recordJson, type FileKind, type FileRecord } from './records.ts';

/**
 * The parse cache: each Markdown file's `FileRecord` (its validated front matter, problems and
 * key lines, records.ts), keyed by the file's kind and a SHA-256 of its bytes, in one file in the
 * build's cache folder. A record depends on nothing but the file and the code that made it, whose
 * fingerprint (below) heads the file: a change to that code, or to the packages it uses, or to
 * Node, empties the cache.
 *
 * The file is text: a first line `minutebook-parse-cache <fingerprint> <sha256 of the rest>`, then
 * one line per record, `<kind> <hash>\t<record as JSON>`. Anything unreadable (missing, truncated,
 * corrupt, another fingerprint) means a clean read, never a failure. It is rewritten whole (temp
 * file, then rename) after a read that parsed a file or no longer needed one, and then holds
 * exactly the records of that read's files; a read that changed nothing leaves it alone.
 */
export const PARSE_CACHE_FILE = path.join('content', 'parsed.txt');

const MAGIC = 'minutebook-parse-cache';

/** The cache file's records, left as bytes: each is decoded when a file needs it, or copied as it is. */
interface Stored {
  /** The lines after the first. */
  bytes: Buffer;
  /** Where each key's line starts in `bytes`. */
  lines: Map<string, number>;
}

const EMPTY: Stored = { bytes: Buffer.alloc(0), lines: new Map() };

export class ParseCache {
  /** This read's files by key, in the order read: where the record's line is in the stored bytes, or its JSON if made now. */
  private readonly used = new Map<string, number | string>();
  private parsed = 0;
  private count = 0;

  private constructor(
    private readonly file: string | undefined,
    private readonly fingerprint: string,
    private readonly stored: Stored,
  ) {}

  /** The cache in `cacheDir` (an empty one when it cannot be read); without a folder, nothing is kept. */
  static open(cacheDir: string | undefined): ParseCache {
    if (cacheDir === undefined) return new ParseCache(undefined, '', EMPTY);
    const file = path.join(cacheDir, PARSE_CACHE_FILE);
    let fingerprint: string;
    try {
      fingerprint = codeFingerprint();
    } catch {
      // The sources are not beside this module (a bundle?): a stale record could not be told, so keep none.
      return new ParseCache(undefined, '', EMPTY);
    }
    return new ParseCache(file, fingerprint, readStored(file, fingerprint));
  }

  /** Read a Markdown file of this kind: its record, from the cache or made now, and its body. */
  read(kind: FileKind, file: string): { record: FileRecord; body: string } {
    const bytes = this.reader.read(file);
    this.count++;
    let json: string | undefined;
    if (this.file === undefined) {
      json = recordJson(kind, bytes, bytes.toString('utf8'));
      this.parsed++;
    } else {
      const key = `${kind} ${sha256(bytes)}`;
      const found = this.used.get(key) ?? this.stored.lines.get(key);
      if (typeof found === 'number') {
        json = this.stored.bytes.toString('utf8', found + key.length + 1, this.stored.bytes.indexOf(0x0a, found));
      } else if (found === undefined) {
        json = recordJson(kind, bytes, bytes.toString('utf8'));
        this.parsed++;
      } else {
        json = found;
      }
      this.used.set(key, found ?? json);
    }
    const record = JSON.parse(json) as FileRecord;
    return { record, body: bodyOf(record, bytes) };
  }

  /** A file's bytes, in a buffer reused by the next call (no allocation per file, as readFileSync makes). */
  private readonly reader = new FileReader();

  /** Files read so far. */
  get reads(): number {
    return this.count;
  }

  /** Files parsed so far (not found in the cache). */
  get misses(): number {
    return this.parsed;
  }

  /**
   * Write the records of this read's files, unless they are those stored. A cache that cannot be
   * written is left as it was: the next read parses more, with the same result.
   */
  save(): void {
    if (this.file === undefined) return;
    if (this.parsed === 0 && this.used.size === this.stored.lines.size) return;
    const { bytes } = this.stored;
    const lines = Array.from(this.used, ([key, line]) =>
      typeof line === 'number' ? bytes.subarray(line, bytes.indexOf(0x0a, line) + 1) : Buffer.from(`${key}\t${line}\n`),
    );
    const body = Buffer.concat(lines);
    const head = `${MAGIC} ${this.fingerprint} ${createHash('sha256').update(body).digest('hex')}\n`;
    try {
      writeAtomically(this.file, [Buffer.from(head), body]);
    } catch {
      // Left as it was (writeAtomically leaves no temporary file behind).
    }
  }
}

/** SHA-256 of a file's bytes, in base64 (one call where Node has crypto.hash, from 20.12). */
const sha256 = (bytes: Buffer): string =>
  typeof crypto.hash === 'function' ? crypto.hash('sha256', bytes, 'base64') : createHash('sha256').update(bytes).digest('base64');

/** The stored records; none when the file is missing, damaged or made by other code. */
function readStored(file: string, fingerprint: string): Stored {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return EMPTY;
  }
  const headEnd = bytes.indexOf(0x0a);
  const head = bytes.toString('latin1', 0, Math.max(headEnd, 0)).split(' ');
  if (headEnd < 0 || head.length !== 3 || head[0] !== MAGIC || head[1] !== fingerprint) return EMPTY;
  const body = bytes.subarray(headEnd + 1);
  if (createHash('sha256').update(body).digest('hex') !== head[2]) return EMPTY;
  const lines = new Map<string, number>();
  for (let start = 0; start < body.length; ) {
    const end = body.indexOf(0x0a, start);
    const tab = body.indexOf(0x09, start);
    if (end < 0 || tab < 0 || tab > end) return EMPTY;
    lines.set(body.toString('latin1', start, tab), start);
    start = end + 1;
  }
  return { bytes: body, lines };
}

/**
 * What a record depends on besides the file: this folder's sources (parsing, schemas, messages),
 * the model's lists of allowed values, the packages that parse and validate, and Node's version.
 */
export function codeFingerprint(): string {
  return sharedFingerprint({ sources: ['src/content', 'src/model/types.ts'], packages: ['gray-matter', 'yaml', 'zod', 'luxon'], extra: [`node ${process.version}`] });
}

