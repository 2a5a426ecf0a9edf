import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fieldStart, formatLines, parseLineList } from './lines.ts';

/**
 * A build's memory kept as a lines file (lines.ts) and updated in part.
 *
 * Each record is one line whose last field names it (a path or a URL). A rebuild after a small edit
 * changes a few dozen of the 85,000 records a memory holds at 10,000 items, so writing the whole
 * file again (8 MB, a quarter of a second) would be nearly all waste. Instead the changes go into a
 * journal beside it, `<file>.log`, appended in batches:
 *
 *     <header> journal <inode>:<size>:<mtime of the file it continues>
 *     +<a record line, new or changed>
 *     -<the name of a record no longer kept>
 *     .<lines in the batch>\t<sha256 of them>
 *
 * Reading applies the batches in order over the file. A batch without its closing line, or whose
 * lines do not match its hash (a build stopped while appending), ends the journal there: that
 * batch and any after it are left out. A journal that continues another version of the file (the
 * file was rewritten since, or deleted) is left out whole. A memory read without some of its
 * changes only remembers less: every memory here either checks a record against the live file it
 * describes, or is a memo of a pure function that is true whenever it was written.
 *
 * Once the journal holds more than an eighth as many lines as the file has records, the file is
 * written whole again (temporary file, then rename) and the journal removed.
 */
export interface MemoryFile {
  /** Each record's line, by its name (the last field). */
  records: Map<string, string>;
  /** Lines the valid journal holds (0: none), for deciding when to write the file whole. */
  journalLines: number;
  /** The journal ends in a batch that is cut short or damaged: anything appended after it would be left out. */
  journalTorn?: boolean;
  /** The file's identity as read, which a journal must continue; undefined when no file was read. */
  base?: string;
}

export function readMemoryFile(file: string, header: string, fieldCount: number): MemoryFile {
  let text: string;
  let stats: Stats;
  try {
    const fd = openSync(file, 'r');
    try {
      stats = fstatSync(fd);
      text = readAll(fd, stats.size);
    } finally {
      closeSync(fd);
    }
  } catch {
    return { records: new Map(), journalLines: 0 };
  }
  const lines = parseLineList(text, header, fieldCount);
  if (!lines) return { records: new Map(), journalLines: 0 };
  const nameStart = fieldCount - 1;
  const records = new Map<string, string>();
  for (const line of lines) records.set(line.slice(fieldStart(line, nameStart)), line);
  const base = identityOf(stats);
  const { applied, torn } = applyJournal(`${file}.log`, `${header} journal ${base}`, fieldCount, records);
  return { records, journalLines: applied, ...(torn && { journalTorn: true }), base };
}

/**
 * Keep `next` (each record's line by its name) as the memory that `previous` was read as: nothing is
 * written when they are the same, the changes are appended to the journal when they are few, and
 * otherwise the file is written whole. Record lines must hold no line break.
 */
export function saveMemoryFile(file: string, header: string, previous: MemoryFile, next: ReadonlyMap<string, string>): void {
  const changes: string[] = [];
  for (const [name, line] of next) if (previous.records.get(name) !== line) changes.push(`+${line}`);
  for (const name of previous.records.keys()) if (!next.has(name)) changes.push(`-${name}`);
  if (changes.length === 0) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const journal = `${file}.log`;
  const limit = Math.max(64, next.size / 8);
  if (previous.base === undefined || previous.journalTorn || previous.journalLines + changes.length > limit || !sameFile(file, previous.base)) {
    writeWhole(file, formatLines(header, [...next.values()]));
    rmSync(journal, { force: true });
    return;
  }
  const batch = `${changes.join('\n')}\n.${changes.length}\t${hashOf(changes)}\n`;
  if (previous.journalLines === 0) writeWhole(journal, `${header} journal ${previous.base}\n${batch}`);
  else appendFileSync(journal, batch);
}

/**
 * Apply the journal's complete batches to `records`: the lines applied (0 if there is no journal or
 * it continues another file), and whether anything after them was left out.
 */
function applyJournal(journal: string, expectedHead: string, fieldCount: number, records: Map<string, string>): { applied: number; torn: boolean } {
  let text: string;
  try {
    text = readFileSync(journal, 'utf8');
  } catch {
    return { applied: 0, torn: false };
  }
  const lines = text.split('\n');
  if (lines[0] !== expectedHead) return { applied: 0, torn: false };
  let applied = 0;
  let batch: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('.')) {
      batch.push(line);
      continue;
    }
    const tab = line.indexOf('\t');
    if (tab < 0 || Number(line.slice(1, tab)) !== batch.length || line.slice(tab + 1) !== hashOf(batch)) return { applied, torn: true };
    if (!batch.every((l) => (l[0] === '+' && fieldStart(l, fieldCount - 1) > 0) || l[0] === '-')) return { applied, torn: true };
    for (const l of batch) {
      if (l[0] === '+') records.set(l.slice(fieldStart(l, fieldCount - 1)), l.slice(1));
      else records.delete(l.slice(1));
    }
    applied += batch.length;
    batch = [];
  }
  // What follows the last closing line: nothing (the text ends in a line break), or a batch cut short.
  return { applied, torn: batch.length > 1 || batch[0] !== '' };
}

const hashOf = (lines: readonly string[]) => createHash('sha256').update(lines.join('\n')).digest('base64');

/** Inode, size and modification time: which version of a file this is (a rewrite by rename is a new inode). */
const identityOf = (stats: Stats) => `${stats.ino}:${stats.size}:${stats.mtimeMs}`;

function sameFile(file: string, identity: string): boolean {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats !== undefined && identityOf(stats) === identity;
}

function readAll(fd: number, size: number): string {
  const buffer = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, buffer, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return buffer.toString('utf8', 0, read);
}

function writeWhole(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
