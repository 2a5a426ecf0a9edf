import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../content/problems.ts';
import { writeAtomically } from './atomic.ts';
import { codeFingerprint } from './fingerprint.ts';
import type { FileIdentity } from './output.ts';

/**
 * The build stamp: what the last successful build was made from and what it published, so that a
 * build with nothing to do can tell so at once and leave the site alone (build.ts), instead of
 * walking the whole archive through every stage to find that every file is unchanged.
 *
 * It holds, as SHA-256 digests:
 * - the code (every source, template and public file, the lock file, Node's version);
 * - the content folder: every file's and folder's path and identity (size, mtime, ctime, inode);
 * - the live site: every file the publish listed, with its identity (inode, size, mtime).
 * A build is a no-op only if all three are what they were, for the same folders and stages. An
 * edit to any content file changes its ctime, which no tool can set back, so it is always seen
 * (and a file changed in the last seconds before the stamp was taken, where a coarse file system
 * clock could hide a second edit, is compared by its bytes: see contentIdentity). A file in the
 * live site replaced, deleted or edited by hand is seen too, and a full build then puts it right,
 * unless the edit kept its size and put its mtime back as it was, which the stages' own memories
 * (src/build/reuse.ts) cannot see either. The stamp is deleted before a publish starts and written
 * after it ends, so an interrupted publish leaves none; and none is written when the code on disk
 * changed after the process started (it may not be the code that ran).
 *
 * The stamp also keeps the last build's warnings and its counts, so a no-op reports what a full
 * build would.
 */
export interface BuildStamp {
  version: number;
  /** The code's fingerprint (see buildCodeFingerprint). */
  code: string;
  contentDir: string;
  outDir: string;
  /** Problems are shown relative to this folder. */
  cwd: string;
  stages: string[];
  /** Digest of the content folder's listing with identities (contentIdentity). */
  content: string;
  /** The files changed just before the listing was taken, by path: the sha256 of their bytes then. */
  racy: Record<string, string>;
  /** Digest of the live site's files with identities (siteIdentity). */
  site: string;
  /** For the log: site files, and the model's counts. */
  counts: { siteFiles: number; committees: number; meetings: number; items: number };
  /** The last build's warnings (a successful build has no errors). */
  problems: Problem[];
}

const VERSION = 2;

export const stampFile = (stateDir: string) => path.join(stateDir, 'build-stamp.json');

/** The project's root folder (this file is src/build/stamp.ts). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What the build's code is: sources, templates, public files and package manifests (those present). */
const CODE_SOURCES = ['src', 'layouts', 'public', '.eleventy.js', 'tsconfig.json', 'package.json', 'package-lock.json'];
const presentSources = () => CODE_SOURCES.filter((source) => existsSync(path.join(ROOT, source)));

/**
 * A fingerprint of all the code a build's output depends on: every file of src, layouts and
 * public, the Eleventy and TypeScript configurations, package.json and the lock file (where there
 * is one), the installed version of every dependency and of Nunjucks (Eleventy's), and Node's
 * version. Broader than each stage's own fingerprint: it only has to say "nothing at all
 * changed". Undefined where the sources are not beside this module (then no build is a no-op).
 */
export function buildCodeFingerprint(): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    return codeFingerprint({
      sources: presentSources(),
      packages: [...Object.keys(manifest.dependencies ?? {}), 'nunjucks'].sort(),
      extra: [`node ${process.version}`],
    });
  } catch {
    return undefined;
  }
}

/**
 * Whether a file of the code was written at or after `sinceMs` (the process's start): the code
 * that runs was loaded from the files as they were then, so the fingerprint, read from the files
 * as they are, may not describe it, and no stamp is written.
 */
export function codeChangedSince(sinceMs: number): boolean {
  const changed = (file: string): boolean => {
    const s = statSync(file, { throwIfNoEntry: false });
    if (!s) return false;
    if (s.isDirectory()) return readdirSync(file).some((name) => changed(path.join(file, name)));
    return Math.max(s.mtimeMs, s.ctimeMs) >= sinceMs;
  };
  return presentSources().some((source) => changed(path.join(ROOT, source)));
}

/**
 * How recent a change is "racy": a file system whose clock is coarse (2 s on FAT, 1 s on HFS+,
 * some network mounts) can give a second edit within one tick the same mtime and ctime as the
 * first, and if the size is the same too, only the bytes tell.
 */
const RACY_MS = 3000;

export interface ContentIdentity {
  digest: string;
  files: number;
  /** Files whose mtime or ctime is within RACY_MS of `startedMs`, with the sha256 of their bytes. */
  racy: Record<string, string>;
}

/**
 * The content folder as a digest of every entry's path and identity, and how many files it has.
 * Links are followed, as the loader follows them (an attachment may be in a linked folder): a
 * linked file counts with its target's identity, a linked folder with everything in it, once.
 * `skip` leaves out folders of the build's own (an output or cache inside the content folder),
 * and a file changed in the RACY_MS before `startedMs` is also hashed (see RACY_MS).
 */
export function contentIdentity(contentDir: string, options: { skip?: (full: string) => boolean; startedMs?: number } = {}): ContentIdentity {
  const { skip = () => false, startedMs = Date.now() } = options;
  const hash = createHash('sha256');
  let files = 0;
  const racy: Record<string, string> = {};
  const walked = new Set<string>();
  const walk = (dir: string, rel: string) => {
    const real = realpathSync(dir);
    if (walked.has(real)) {
      hash.update(`${rel}/ (walked)\n`);
      return;
    }
    walked.add(real);
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const shown = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.name === '.git' && entry.isDirectory()) continue; // a repository's own files are never content
      if (skip(full)) continue;
      const s = entry.isDirectory() ? undefined : statSync(full, { throwIfNoEntry: false });
      if (entry.isDirectory() || s?.isDirectory()) {
        hash.update(`${shown}/\n`);
        walk(full, shown);
        continue;
      }
      hash.update(s ? `${shown}\0${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}\n` : `${shown}\0missing\n`);
      if (s && Math.max(s.mtimeMs, s.ctimeMs) > startedMs - RACY_MS) racy[shown] = bytesDigest(full) ?? 'missing';
      files++;
    }
  };
  walk(contentDir, '');
  return { digest: hash.digest('hex'), files, racy };
}

/** Whether the files a stamp found racy still have the bytes they had then. */
export function racyUnchanged(contentDir: string, racy: Record<string, string>): boolean {
  return Object.entries(racy).every(([rel, sha256]) => (bytesDigest(path.join(contentDir, rel)) ?? 'missing') === sha256);
}

function bytesDigest(file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * The live site as a digest of each listed file's path and identity (null: no regular file there).
 * The same for the identities a scan found at a build's start and for those recorded after a publish.
 */
export function siteIdentity(files: readonly string[], identityOf: (rel: string) => FileIdentity | null | undefined): string {
  const hash = createHash('sha256');
  for (const rel of files) {
    const id = identityOf(rel);
    hash.update(id ? `${rel}\0${id.ino}:${id.size}:${id.mtimeMs}\n` : `${rel}\0missing\n`);
  }
  return hash.digest('hex');
}

/** The stamp the last build left in `stateDir`, if there is a readable one of this version. */
export function readStamp(stateDir: string): BuildStamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(stampFile(stateDir), 'utf8')) as BuildStamp;
    return stamp.version === VERSION ? stamp : undefined;
  } catch {
    return undefined;
  }
}

export function writeStamp(stateDir: string, stamp: Omit<BuildStamp, 'version'>): void {
  writeAtomically(stampFile(stateDir), JSON.stringify({ version: VERSION, ...stamp }));
}

export function removeStamp(stateDir: string): void {
  rmSync(stampFile(stateDir), { force: true });
}

/** Whether `stamp` was made by this code, for these folders and stages. */
export function sameBuild(stamp: BuildStamp, now: Pick<BuildStamp, 'code' | 'contentDir' | 'outDir' | 'cwd' | 'stages'>): boolean {
  return (
    stamp.code === now.code &&
    stamp.contentDir === now.contentDir &&
    stamp.outDir === now.outDir &&
    stamp.cwd === now.cwd &&
    stamp.stages.join('\n') === now.stages.join('\n')
  );
}
