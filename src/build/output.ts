import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeAtomically } from './atomic.ts';
import { linkOrCopy } from './reuse.ts';

/** The identity of a file that only the same file keeps: inode, size and modification time. */
export interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** One file of the new site: where it is now, and (for a file kept from the live site) its identity. */
export interface SiteFile {
  /** Path inside the site, '/'-separated, no leading slash. */
  rel: string;
  file: string;
  identity?: FileIdentity;
}

const VERSION = 1;

/** A site-relative path list, '/'-separated, of every file under `root`, sorted. */
export function listTree(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir === '' ? root : path.join(root, dir), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const e of entries) {
      const rel = dir === '' ? e.name : `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else found.push(rel);
    }
  };
  walk('');
  return found.sort(byPath);
}

/** Whether `dir` is a folder (not a file, nor a link to one). */
export function isFolder(dir: string): boolean {
  try {
    return lstatSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Whether `file` is `dir` or inside it, by their paths (nothing is read). Not a prefix test:
 * /site-private starts with /site but is beside it; and a name that starts with two dots
 * (/site/..notes.pdf) is inside.
 */
export function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The folders a site path is in, innermost first ('a/b/c.html': 'a/b', 'a'). */
function foldersOf(rel: string): string[] {
  const folders: string[] = [];
  for (let d = path.posix.dirname(rel); d !== '.'; d = path.posix.dirname(d)) folders.push(d);
  return folders;
}

/**
 * SiteOutputs of the builds running, by staging folder. Kept on globalThis: Eleventy loads the site
 * plugin (which asks for PDF sizes) through its own module loader, so it may see another instance
 * of this module.
 */
const live: Map<string, SiteOutput> = ((globalThis as Record<symbol, unknown>)[Symbol.for('minutebook.siteOutputs')] ??= new Map()) as Map<string, SiteOutput>;

/** The SiteOutput whose staging folder is `stagingDir`, while its build runs. */
export function siteOutputOf(stagingDir: string): SiteOutput | undefined {
  return live.get(path.resolve(stagingDir));
}

/**
 * The new site while a build makes it. Files the build writes go to a staging folder beside the
 * live site; files a stage takes over unchanged (OutputMemory.reuse) stay where they are in the
 * live site and are only recorded here as kept. Nothing under the live site changes until
 * `publish`, so a build that fails leaves it exactly as it was.
 *
 * `publish` then makes the live site the new one: it deletes the live files the new site no
 * longer has, and renames each staged file into place (a rename replaces a file atomically).
 * What it will do is first written to a journal in the cache, so a publish that is interrupted
 * (the machine stops) is completed by the next build before it reads anything. A one-item edit
 * of a 10,000-item archive renames a few dozen files instead of re-linking some 85,000 into a
 * fresh tree. A build that keeps nothing (the first, or one after a change to the templates)
 * swaps the whole staging folder in with two renames instead.
 *
 * Which files the live site has is read from the list the previous publish saved, not from a
 * walk of the live tree (seconds at 85,000 files on a slow disk). A file put into the live site by
 * hand is therefore not the build's: it is neither listed nor deleted, and a hand-edited file
 * is never kept (OutputMemory checks each kept file's identity).
 */
export class SiteOutput {
  private readonly kept = new Map<string, FileIdentity>();
  /** The live files the last publish listed and their identities (null: missing), if scanned; see scanLiveFiles. */
  private scan?: LiveScan;

  constructor(
    readonly stagingDir: string,
    readonly liveDir: string,
    /** `<cache>/outputs`: the saved file list and the publish journal. */
    private readonly stateDir: string,
  ) {
    live.set(path.resolve(stagingDir), this);
  }

  /**
   * Answer liveIdentity from a scan of the live files (scanLiveFiles) instead of lstat'ing each,
   * and publish from its list of them instead of reading the list again.
   */
  useScan(scan: LiveScan | undefined): void {
    this.scan = scan;
  }

  /**
   * The identity the scan found for the live file at `rel` (null: no regular file there), or
   * undefined if the scan did not cover it (not listed, not scanned yet, or no scan).
   */
  liveIdentity(rel: string): FileIdentity | null | undefined {
    return this.scan?.identities.get(rel);
  }

  /** The live file at `rel` (already checked to be the one recorded) is part of the new site as it is. */
  keep(rel: string, identity: FileIdentity): void {
    this.kept.set(rel, identity);
  }

  get keptCount(): number {
    return this.kept.size;
  }

  /** A kept file is to be replaced by one staged (OutputMemory.wrote calls this for every file written). */
  unkeep(rel: string): void {
    this.kept.delete(rel);
  }

  /** The identity of the live file kept at `rel` (no file system call), if it is kept. */
  keptIdentity(rel: string): FileIdentity | undefined {
    return this.kept.get(rel);
  }

  /**
   * Where the new site's file at `rel` is now, or undefined: kept (no file system call: pages ask
   * this for some 47,000 PDF links at 10,000 items), else staged.
   */
  locate(rel: string): SiteFile | undefined {
    const identity = this.keptIdentity(rel);
    if (identity) return { rel, file: path.join(this.liveDir, rel), identity };
    const staged = path.join(this.stagingDir, rel);
    return lstatSync(staged, { throwIfNoEntry: false })?.isFile() ? { rel, file: staged } : undefined;
  }

  /** Every file of the new site so far, sorted by path: a staged file wins over a kept one. */
  files(): SiteFile[] {
    const staged = listTree(this.stagingDir);
    const stagedSet = new Set(staged);
    const all: SiteFile[] = staged.map((rel) => ({ rel, file: path.join(this.stagingDir, rel) }));
    for (const [rel, identity] of this.kept) if (!stagedSet.has(rel)) all.push({ rel, file: path.join(this.liveDir, rel), identity });
    return all.sort((a, b) => byPath(a.rel, b.rel));
  }

  /**
   * Make the live site the new one (see the class comment). Returns what changed. Call once,
   * after every stage has succeeded. `interruptAfter` (for tests) stops the publish with an error
   * after that many files have been moved in, as a crash would.
   */
  publish(options: { interruptAfter?: number } = {}): { mode: 'first' | 'swapped' | 'in place'; written: number; deleted: number; files: string[]; replacedTree?: string } {
    live.delete(path.resolve(this.stagingDir));
    const liveExists = isFolder(this.liveDir);
    const before = liveExists ? this.savedList() : undefined;
    const staged = listTree(this.stagingDir);
    // Renaming a staged file over a live one also frees the old file, which costs far more than
    // linking a kept file into the staging folder (the old tree of a swap is deleted after the
    // command ends). So when many files changed (new templates render every page again), the
    // staging folder is swapped in, whole, as after a build that keeps nothing.
    const many = staged.length > SWAP_MIN_STAGED && staged.length * KEPT_PER_STAGED_FILE > this.kept.size;
    const stagedSet = new Set(staged);
    const files = [...new Set([...staged, ...this.kept.keys()])].sort(byPath);
    if (!liveExists || this.kept.size === 0 || before === undefined || many) {
      // The new site is the staging folder, with the kept files linked into it, swapped in with two renames.
      const made = new Set<string>();
      const linkIn = (rel: string) => {
        ensureFolder(this.stagingDir, path.dirname(rel), made);
        linkOrCopy(path.join(this.liveDir, rel), path.join(this.stagingDir, rel));
      };
      for (const [rel] of this.kept) if (!stagedSet.has(rel)) linkIn(rel);
      if (!liveExists) {
        renameSync(this.stagingDir, this.liveDir);
        this.saveList(files);
        return { mode: 'first', written: staged.length, deleted: 0, files };
      }
      if (before !== undefined) {
        // Files put into the live site by hand are not the build's (not in its list): they stay,
        // unless the new site has a file or folder in their way.
        const listed = new Set(before);
        const taken = new Set(files);
        for (const rel of files) for (const folder of foldersOf(rel)) taken.add(`${folder}/`);
        const clear = (rel: string) => !taken.has(rel) && !taken.has(`${rel}/`) && !foldersOf(rel).some((folder) => taken.has(folder));
        for (const rel of listTree(this.liveDir)) if (!listed.has(rel) && clear(rel)) linkIn(rel);
      }
      const replacedTree = `${this.stagingDir}${OLD_SUFFIX}`;
      renameSync(this.liveDir, replacedTree);
      renameSync(this.stagingDir, this.liveDir);
      this.saveList(files);
      return { mode: 'swapped', written: staged.length, deleted: 0, files, replacedTree };
    }
    const deleted = before.filter((rel) => !stagedSet.has(rel) && !this.kept.has(rel));
    const journal: Journal = { version: VERSION, staging: this.stagingDir, live: this.liveDir, deleted, staged, files };
    writeAtomically(journalFile(this.stateDir), JSON.stringify(journal));
    applyJournal(journal, options.interruptAfter);
    this.saveList(files);
    rmSync(journalFile(this.stateDir), { force: true });
    return { mode: 'in place', written: staged.length, deleted: deleted.length, files };
  }

  /** The files of the live site as the last publish recorded them (undefined if unknown or not this site's). */
  private savedList(): readonly string[] | undefined {
    return this.scan?.files ?? savedList(this.stateDir, this.liveDir);
  }

  private saveList(files: string[]): void {
    // Saved before the journal is removed: a publish interrupted in between is finished again, harmlessly.
    writeAtomically(listFile(this.stateDir), JSON.stringify({ version: VERSION, live: this.liveDir, files }));
  }
}

/** The files of the live site `liveDir` as the last publish recorded them (undefined if unknown or not this site's). */
function savedList(stateDir: string, liveDir: string): string[] | undefined {
  try {
    const saved = JSON.parse(readFileSync(listFile(stateDir), 'utf8')) as { version: number; live: string; files: string[] };
    return saved.version === VERSION && saved.live === liveDir && Array.isArray(saved.files) ? saved.files : undefined;
  } catch {
    return undefined;
  }
}

/** The live site's files as the last publish listed them, and each one's identity now (null: no regular file there). */
export interface LiveScan {
  files: readonly string[];
  identities: ReadonlyMap<string, FileIdentity | null>;
}

/**
 * Lstat every file of the live site (about 85,000 at 10,000 items) on a worker thread, so the main
 * thread can read the content meanwhile: a build hands the result to SiteOutput.useScan, and
 * OutputMemory then checks each kept file's identity from memory instead of one lstat at a time
 * on the main thread. Resolves to undefined (each file is then lstat'ed when asked about) without
 * a list of the live files (a first build) or if the scan fails. A file that changes between the
 * scan and the publish is as much a race as one that changes just after its lstat.
 */
export function scanLiveFiles(liveDir: string, stateDir: string): Promise<LiveScan | undefined> {
  const files = isFolder(liveDir) ? savedList(stateDir, liveDir) : undefined;
  if (!files || files.length === 0) return Promise.resolve(undefined);
  const worker = new Worker(new URL('./identities-worker.js', import.meta.url), { workerData: { liveDir, files } });
  worker.unref(); // a build that stops early (bad content) does not wait for it
  return new Promise<LiveScan | undefined>((resolve) => {
    worker.once('message', (stats: Float64Array) => {
      const identities = new Map<string, FileIdentity | null>();
      files.forEach((rel, i) => {
        const ino = stats[i * 3]!;
        identities.set(rel, Number.isNaN(ino) ? null : { ino, size: stats[i * 3 + 1]!, mtimeMs: stats[i * 3 + 2]! });
      });
      resolve({ files, identities });
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/**
 * A publish renames its staged files into the live site while it keeps more than this many files
 * per staged one (or stages few); otherwise it swaps the whole tree (see publish). Measured at 10,000 items: a
 * one-item edit stages about 100 files and keeps 85,000; new templates stage 23,000 and keep
 * 62,000, which took over a minute renamed in place and a few seconds swapped.
 */
const KEPT_PER_STAGED_FILE = 20;
/** Below this many staged files a publish is quick either way, and stays in place. */
const SWAP_MIN_STAGED = 1000;

/** Suffix of a replaced output tree waiting to be deleted. */
export const OLD_SUFFIX = '.old';

interface Journal {
  version: number;
  staging: string;
  live: string;
  deleted: string[];
  /** The files to rename from the staging folder into the live site (journals of older builds: all there). */
  staged?: string[];
  /** Every file of the live site once published. */
  files: string[];
}

const journalFile = (stateDir: string) => path.join(stateDir, 'publish-journal.json');
const listFile = (stateDir: string) => path.join(stateDir, 'site-files.json');

/**
 * Carry out a publish: delete, then rename every file still staged into place. Each step can be
 * repeated (a file already deleted or already moved is skipped), so a journal left by an
 * interrupted publish is completed by running it again.
 */
function applyJournal(journal: Journal, interruptAfter = Infinity): void {
  const { staging, live: liveDir, deleted } = journal;
  for (const rel of deleted) {
    rmSync(path.join(liveDir, rel), { force: true });
    pruneEmptyFolders(liveDir, path.dirname(rel));
  }
  const made = new Set<string>();
  let moved = 0;
  for (const rel of journal.staged ?? listTree(staging)) {
    if (moved++ === interruptAfter) throw new Error('publish interrupted (test)');
    const to = path.join(liveDir, rel);
    ensureFolder(liveDir, path.dirname(rel), made);
    try {
      renameSync(path.join(staging, rel), to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !existsSync(path.join(staging, rel))) continue; // moved in by the interrupted run
      if (code !== 'EISDIR' && code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR') throw error;
      // A folder of the live site where the new site has a file: the folder's files were deleted above.
      rmSync(to, { recursive: true, force: true });
      renameSync(path.join(staging, rel), to);
    }
  }
  rmSync(staging, { recursive: true, force: true });
}

/** mkdir -p of `dir` under `root`, replacing a file that stands where a folder must be. */
function ensureFolder(root: string, dir: string, made: Set<string>): void {
  if (dir === '.' || dir === '' || made.has(dir)) return;
  ensureFolder(root, path.dirname(dir), made);
  const folder = path.join(root, dir);
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (!lstatSync(folder).isDirectory()) {
      unlinkSync(folder);
      mkdirSync(folder);
    }
  }
  made.add(dir);
}

/** Remove `dir` (under root) and its parents while they are empty, as a clean build would not have them. */
function pruneEmptyFolders(root: string, dir: string): void {
  for (let d = dir; d !== '.' && d !== ''; d = path.dirname(d)) {
    try {
      rmdirSync(path.join(root, d));
    } catch {
      return;
    }
  }
}

/**
 * Finish a publish that an earlier build started and did not complete (its journal is still in
 * `<cache>/outputs`). Returns true if there was one.
 */
export function finishInterruptedPublish(stateDir: string): boolean {
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(journalFile(stateDir), 'utf8')) as Journal;
  } catch {
    return false;
  }
  if (journal.version !== VERSION) return false;
  applyJournal(journal);
  writeAtomically(listFile(stateDir), JSON.stringify({ version: VERSION, live: journal.live, files: journal.files }));
  rmSync(journalFile(stateDir), { force: true });
  return true;
}
