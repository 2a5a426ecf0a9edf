import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, rmSync, statSync, type Stats } from 'node:fs';
import { writeAtomically } from './atomic.ts';
import { fieldStart, formatLines, parseLineList, recordName } from './lines.ts';

/**
 * A build's memory kept as a lines file (lines.ts) and updated in part.
 *
 * Each record is one line whose last field names it (a path or a URL). A rebuild after a small edit
 * changes a few dozen of the 85,000 records a memory holds at 10,000 items, so writing the whole
 * file again (8 MB, a quarter of a second) would be nearly all waste. Instead the changes go into a
 * journal beside it, `<file>.log`, in batches:
 *
 *     <header> journal <inode>:<size>:<mtime of the file it continues>
 *     +<a record line, new or changed>
 *     -<the name of a record no longer kept>
 *     .<lines in the batch>\t<sha256 of them>
 *
 * The journal is written whole each time (temporary file, then rename; it holds at most an eighth
 * as many lines as the file has records), so two builds saving at once leave one build's
 * memory, never a mix. Reading applies the batches in order over the file; a batch that does not
 * match its closing line, or a journal that continues another version of the file (the file was
 * rewritten since, or deleted), is left out, with anything after it. A memory read without some of
 * its changes only remembers less: every memory here either checks a record against the live file
 * it describes, or is a memo of a pure function that is true whenever it was written.
 *
 * Once the journal would hold more than an eighth as many lines as the file has records, the
 * journal is removed and then the file written whole.
 */
export interface MemoryFile {
  /** Each record's line, by its name (the last field). */
  records: Map<string, string>;
  /** The journal's batches that were applied, as text (empty: none), which a save carries over. */
  journal: string;
  /** Lines of those batches, for deciding when to write the file whole. */
  journalLines: number;
  /** The file's identity as read, which a journal must continue; undefined when no file was read. */
  base?: string;
}

/** A memory with nothing in it: a first build's, or one that could not be read. */
export const noMemory = (): MemoryFile => ({ records: new Map(), journal: '', journalLines: 0 });

export function readMemoryFile(file: string, header: string, fieldCount: number): MemoryFile {
  let text: string;
  let stats: Stats;
  try {
    // One descriptor for the identity and the text, so they are of the same version of the file.
    const fd = openSync(file, 'r');
    try {
      stats = fstatSync(fd);
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return noMemory();
  }
  const lines = parseLineList(text, header, fieldCount);
  if (!lines) return noMemory();
  const records = new Map<string, string>();
  for (const line of lines) records.set(recordName(line, fieldCount), line);
  const base = identityOf(stats);
  const { applied, lines: journalLines } = applyJournal(`${file}.log`, journalHead(header, base), fieldCount, records);
  return { records, journal: applied, journalLines, base };
}

/**
 * Keep `next` (each record by its name, made a line by `lineOf`) as the memory that `previous` was
 * read as: nothing is written when they are the same, the changes go to the journal when they are
 * few, and otherwise the file is written whole. A line whose last field is not its name, or that
 * holds a line break, is not kept (its file is made again next time).
 */
export function saveMemoryFile<T>(
  file: string,
  header: string,
  fieldCount: number,
  previous: MemoryFile,
  next: ReadonlyMap<string, T>,
  lineOf: (name: string, record: T) => string,
): void {
  const names = (line: string, name: string) => !line.includes('\n') && fieldStart(line, fieldCount - 1) >= 0 && recordName(line, fieldCount) === name;
  const changes: string[] = [];
  const dropped = new Set<string>();
  for (const [name, record] of next) {
    const line = lineOf(name, record);
    // A record as read (the very string) was checked when it was read: only the others are looked at.
    if (previous.records.get(name) === line) continue;
    if (names(line, name)) changes.push(`+${line}`);
    else dropped.add(name);
  }
  for (const name of previous.records.keys()) if (!next.has(name) || dropped.has(name)) changes.push(`-${name}`);
  if (changes.length === 0) return;
  const journal = `${file}.log`;
  const limit = Math.max(64, next.size / 8);
  if (previous.base === undefined || previous.journalLines + changes.length > limit || !sameFile(file, previous.base)) {
    // The journal goes first: should the build stop in between, the memory is only older, never mixed.
    rmSync(journal, { force: true });
    writeAtomically(file, formatLines(header, Array.from(next, ([name, record]) => (dropped.has(name) ? '' : lineOf(name, record))).filter((line) => line !== '')));
    return;
  }
  const batch = `${changes.join('\n')}\n.${changes.length}\t${hashOf(changes)}\n`;
  writeAtomically(journal, `${journalHead(header, previous.base)}\n${previous.journal}${batch}`);
}

/** Apply the journal's batches to `records` up to the first one that does not check out: the text of those applied, and their lines. */
function applyJournal(journal: string, head: string, fieldCount: number, records: Map<string, string>): { applied: string; lines: number } {
  let text: string;
  try {
    text = readFileSync(journal, 'utf8');
  } catch {
    return { applied: '', lines: 0 };
  }
  if (!text.startsWith(`${head}\n`)) return { applied: '', lines: 0 };
  const lines = text.slice(head.length + 1).split('\n');
  let applied = 0;
  /** Lines of the journal up to the last closing line applied. */
  let upTo = 0;
  let batch: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (!line.startsWith('.')) {
      batch.push(line);
      continue;
    }
    const tab = line.indexOf('\t');
    if (tab < 0 || Number(line.slice(1, tab)) !== batch.length || line.slice(tab + 1) !== hashOf(batch)) break;
    if (!batch.every((l) => (l[0] === '+' && fieldStart(l, fieldCount - 1) > 0) || l[0] === '-')) break;
    for (const l of batch) {
      if (l[0] === '+') records.set(recordName(l, fieldCount), l.slice(1));
      else records.delete(l.slice(1));
    }
    applied += batch.length;
    upTo = i + 1;
    batch = [];
  }
  return { applied: lines.slice(0, upTo).map((l) => `${l}\n`).join(''), lines: applied };
}

const journalHead = (header: string, base: string) => `${header} journal ${base}`;

const hashOf = (lines: readonly string[]) => createHash('sha256').update(lines.join('\n')).digest('base64');

/** Inode, size and modification time: which version of a file this is (a rewrite by rename is a new inode). */
const identityOf = (stats: Stats) => `${stats.ino}:${stats.size}:${stats.mtimeMs}`;

function sameFile(file: string, identity: string): boolean {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats !== undefined && identityOf(stats) === identity;
}
