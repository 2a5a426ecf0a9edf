import { createHash } from 'node:crypto';
import { codeFingerprint as sharedFingerprint } from '../build/fingerprint.ts';
import { readMemoryFile, saveMemoryFile, type MemoryFile } from '../build/memory-file.ts';
import path from 'node:path';
import type { FileDigest } from './digest.ts';

/**
 * A file the stage expects to take over from the live site without making it: its inputs are the
 * ones it was last made from, so its bytes are the ones recorded (`digest`). If the live file turns
 * out not to be the one recorded (OutputMemory.reuse says no), `make` makes it after all.
 */
export interface Kept {
  digest: FileDigest;
  make: () => string;
}

/**
 * One open-data output: its site-relative URL, its content (or a Kept one), and optionally the key
 * of the inputs it is made from, recorded with its digest for the next build.
 */
export type OpenDataFile = readonly [url: string, content: string | Uint8Array | Kept, inputKey?: string];

export function isKept(content: string | Uint8Array | Kept): content is Kept {
  return typeof content !== 'string' && !(content instanceof Uint8Array);
}

/** What the previous build recorded of a file made from known inputs. */
export interface InputRecord {
  key: string;
  digest: FileDigest;
  /** Its line in the memory file it was read from: written back as it is while the record is unchanged. */
  line?: string;
}

/** Input key -> digest records of the previous build (by URL), and those of this build. */
export interface InputMemory {
  previous: ReadonlyMap<string, InputRecord>;
  next: Map<string, InputRecord>;
  /** The memory file as read, which saving updates. */
  stored: MemoryFile;
}

const HEADER = 'minutebook open-data inputs 2';

/**
 * `<cache>/open-data-inputs.tsv`: for each open-data file made from known inputs, the key of those
 * inputs and the size and sha256 of the bytes they made, one tab-separated line per file (the URL
 * last; lines, not JSON: some 44,000 of them at 10,000 items). A pure function's memo (same inputs,
 * same code, same bytes), so it is valid whatever happened to the live site since: whether a file
 * can be taken over is still decided by OutputMemory 'open-data' against the live file itself.
 */
export function openInputMemory(cacheDir: string): InputMemory {
  const previous = new Map<string, InputRecord>();
  // None yet, or unreadable: every file is made.
  const stored = readMemoryFile(inputMemoryFile(cacheDir), HEADER, 4);
  for (const [url, line] of stored.records) {
    const [key, size, sha256] = line.split('\t', 3) as [string, string, string];
    previous.set(url, { key, digest: { size: Number(size), sha256 }, line });
  }
  return { previous, next: new Map(), stored };
}

/** Keep this build's records for the next (memory-file.ts: few changes go to a journal beside the memory). */
export function saveInputMemory(cacheDir: string, memory: InputMemory): void {
  const lineOf = (url: string, r: InputRecord) => {
    const before = memory.previous.get(url);
    const same = before?.line !== undefined && before.key === r.key && before.digest.size === r.digest.size && before.digest.sha256 === r.digest.sha256;
    // A URL with a tab or line break is not recorded (an empty line names nothing): made again next time.
    return same ? before.line! : /[\t\n]/.test(url) ? '' : `${r.key}\t${r.digest.size}\t${r.digest.sha256}\t${url}`;
  };
  saveMemoryFile(inputMemoryFile(cacheDir), HEADER, 4, memory.stored, memory.next, lineOf);
}

const inputMemoryFile = (cacheDir: string) => path.join(cacheDir, 'open-data-inputs.tsv');

/** A short hash of strings (the parts are length-prefixed, so ["ab","c"] and ["a","bc"] differ). */
export function keyOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest('base64');
}

/**
 * A fingerprint of the code that makes open data from the model: every file under src/opendata and
 * src/model, and luxon (it makes meeting start times). An input key includes it, so a change to the
 * code makes every file again.
 */
export function codeFingerprint(): string {
  return sharedFingerprint({ sources: ['src/opendata', 'src/model'], packages: ['luxon'] });
}

/** [URL, content] pairs of open-data files, a Kept one made (for callers that want every file's bytes). */
export function* contentsOf(files: Iterable<OpenDataFile>): Generator<[string, string]> {
  for (const [url, content] of files) yield [url, isKept(content) ? content.make() : typeof content === 'string' ? content : Buffer.from(content).toString('utf8')];
}
