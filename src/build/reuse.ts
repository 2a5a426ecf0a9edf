import { copyFileSync, linkSync, lstatSync, mkdirSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { BuildContext } from './context.ts';
import { fieldStart } from './lines.ts';
import { noMemory, readMemoryFile, saveMemoryFile, type MemoryFile } from './memory-file.ts';
import type { FileIdentity, SiteOutput } from './output.ts';

/** What a build remembers of one file it published: what it was made from, and which file it is. */
interface Recorded {
  /** What the file was made from (a hash of its inputs, or of its bytes): equal keys, equal bytes. */
  key: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

/**
 * A record as this build keeps it: the line the memory file holds for it (a record unchanged
 * since the previous build: written back as it is), or a new one. The previous build's records
 * stay lines until asked about: at 85,000 files, an object per record that every build makes and
 * keeps alive is much of the garbage collector's work.
 */
type Entry = string | Recorded;

const VERSION = 2;

/** The identity of a file on disk that only the same file keeps: inode, size and modification time. */
function identity(stats: Stats): FileIdentity {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
}

/** The identity of the regular file at `file`, or null if there is none. */
export function identityOnDisk(file: string): FileIdentity | null {
  // throwIfNoEntry: a missing file is common (a first build), and an exception per file costs more than the stat.
  const stats = lstatSync(file, { throwIfNoEntry: false });
  return stats?.isFile() ? identity(stats) : null;
}

/**
 * Lets a stage take a file over from the previous build instead of making it again. Each stage
 * records, per published path, the key the file was made from and the file's identity (inode, size,
 * mtime), kept in `<cache>/outputs/<stage>.tsv`. A file is reused only when its key is unchanged and
 * the file in the live output is still the very file recorded (so a hand-edited output, a cache from
 * another folder or a build that never went live are all caught); it is then hard-linked into the
 * new output, which keeps its identity for the build after. Nothing is trusted that cannot be checked.
 */
export class OutputMemory {
  private readonly next = new Map<string, Entry>();
  private readonly folders = new Set<string>();

  private constructor(
    private readonly file: string,
    /** The previous build's records: each file's line, by path. */
    private readonly stored: MemoryFile,
    private readonly previousDir: string | undefined,
    private readonly outDir: string,
    private readonly output: SiteOutput | undefined,
  ) {}

  /** The memory of stage `name` (a file name part) for this build. */
  static open(ctx: Pick<BuildContext, 'cacheDir' | 'outDir' | 'previousDir' | 'output'>, name: string): OutputMemory {
    const file = path.join(ctx.cacheDir, 'outputs', `${name}.tsv`);
    // No memory yet, or an unreadable one: everything is made afresh.
    const stored = ctx.previousDir ? readMemoryFile(file, HEADER, 5) : noMemory();
    return new OutputMemory(file, stored, ctx.previousDir, ctx.outDir, ctx.output);
  }

  private get previous(): ReadonlyMap<string, string> {
    return this.stored.records;
  }

  /**
   * If the previous build published `formerRel` (by default `rel` itself; a path inside the site, no
   * leading slash) from `key` and the live file is still that one, take it over at `rel` and return
   * true. In a build (ctx.output set) a file at its own path stays where it is in the live site and
   * is kept (src/build/output.ts); otherwise, and for a file that moves, it is hard-linked into the
   * new output. Synchronous on purpose: tens of thousands of checks cost about a third of the CPU
   * of fs/promises' round trips.
   */
  reuse(rel: string, key: string, formerRel = rel): boolean {
    if (!this.previousDir) return false;
    const from = path.join(this.previousDir, formerRel);
    // In a build, the live files were lstat'ed on a worker thread while the content was read.
    const before = this.recorded(formerRel);
    const kept = this.checked(before, from, this.output?.liveIdentity(formerRel));
    if (!kept || before!.key !== key) return false;
    if (this.output && formerRel === rel) {
      this.output.keep(rel, kept);
      // The very record the previous build made (same key, same file): kept, line and all.
      this.next.set(rel, this.previous.get(rel)!);
      return true;
    }
    const to = path.join(this.outDir, rel);
    this.ensureFolder(path.dirname(to));
    linkOrCopy(from, to);
    // A copy (across file systems) is a new file: remember its own identity.
    this.next.set(rel, { key, ...identity(lstatSync(to)) });
    return true;
  }

  /**
   * The identity of `file`, if it is still the very file the previous build recorded at `rel`;
   * `known` is its identity if already looked up (null: no such file), else it is lstat'ed now.
   */
  private checked(before: Recorded | undefined, file: string, known?: FileIdentity | null): FileIdentity | undefined {
    if (!before) return undefined;
    const found = known !== undefined ? known : identityOnDisk(file);
    if (!found || found.ino !== before.ino || found.size !== before.size || found.mtimeMs !== before.mtimeMs) return undefined;
    return found;
  }

  /** What the previous build recorded for `rel`, if anything. */
  private recorded(rel: string): Recorded | undefined {
    const line = this.previous.get(rel);
    return line === undefined ? undefined : recordOf(line);
  }

  /** One mkdir per new folder of the output, parents first (a recursive mkdir per file stats every level). */
  ensureFolder(folder: string): void {
    if (this.folders.has(folder)) return;
    if (folder !== this.outDir && path.dirname(folder) !== folder) this.ensureFolder(path.dirname(folder));
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    this.folders.add(folder);
  }

  /** Remember a file just written to the new output at `rel`, made from `key`. */
  wrote(rel: string, key: string): void {
    this.output?.unkeep(rel);
    this.next.set(rel, { key, ...identity(lstatSync(path.join(this.outDir, rel))) });
  }

  /** The key the previous build recorded for `rel`, if its file is still the one recorded. */
  keyOf(rel: string, file: string): string | undefined {
    const before = this.recorded(rel);
    return this.checked(before, file) && before!.key;
  }

  /** The key recorded for `rel`, if the recorded file had this identity (a file already checked, e.g. one kept). */
  keyOfIdentity(rel: string, id: FileIdentity): string | undefined {
    const before = this.recorded(rel);
    return before && before.ino === id.ino && before.size === id.size && before.mtimeMs === id.mtimeMs ? before.key : undefined;
  }

  /** Remember the file of known identity at `rel` (one kept from the live site) as made from `key`. */
  remember(rel: string, key: string, id: FileIdentity): void {
    const record = { key, ...id };
    // The previous build's very record: its line is kept, compared as text rather than parsed.
    const before = this.previous.get(rel);
    this.next.set(rel, before !== undefined && before === lineOf(rel, record) ? before : record);
  }

  /**
   * Keep what this build published for the next one (memory-file.ts: few changes go to a journal
   * beside the memory): a rebuild with no change writes nothing.
   */
  save(): void {
    // A path with a line break, or a key with a tab, makes no line that names its path: not kept, made again next time.
    saveMemoryFile(this.file, HEADER, 5, this.stored, this.next, (rel, r) => (typeof r === 'string' ? r : lineOf(rel, r)));
  }
}

/**
 * A memory file (memory-file.ts): a header line, then one line per file, tab-separated: key,
 * inode, size, mtime and the path last (a path could hold a tab; none holds a line break, and a key
 * never holds either). Lines, not JSON: at 85,000 files it reads and writes in a fraction of the time.
 */
const HEADER = `minutebook outputs ${VERSION}`;

/** A record's line in the memory file. */
const lineOf = (rel: string, r: Recorded) => `${r.key}\t${r.ino}\t${r.size}\t${r.mtimeMs}\t${rel}`;

/** The record of a memory line (readMemoryFile checked it has its five fields). */
function recordOf(line: string): Recorded {
  const ino = fieldStart(line, 1);
  const size = fieldStart(line, 2);
  const mtimeMs = fieldStart(line, 3);
  const rel = fieldStart(line, 4);
  return {
    key: line.slice(0, ino - 1),
    ino: Number(line.slice(ino, size - 1)),
    size: Number(line.slice(size, mtimeMs - 1)),
    mtimeMs: Number(line.slice(mtimeMs, rel - 1)),
  };
}

/**
 * Outputs are immutable once published (a build writes a new tree), so the new output can share a
 * file with a hard link instead of a copy; across file systems it copies.
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM') throw error;
    copyFileSync(from, to);
  }
}
