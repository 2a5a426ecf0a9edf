import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { loadCouncil } from '../content/load.ts';
import type { Problem } from '../content/problems.ts';
import type { BuildContext, OutputStage } from './context.ts';
import { collectAfterRelease } from './gc.ts';
import { finishInterruptedPublish, isFolder, OLD_SUFFIX, scanLiveFiles, SiteOutput } from './output.ts';
import { identityOnDisk } from './reuse.ts';
import { buildCodeFingerprint, codeChangedSince, contentIdentity, racyUnchanged, readStamp, removeStamp, sameBuild, siteIdentity, writeStamp, type ContentIdentity } from './stamp.ts';
import { STAGES } from './stages.ts';
import { silent, type Progress } from './progress.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** Kept between builds, outside the output (default: .minutebook-cache beside the output folder). */
  cacheDir?: string;
  log?: (line: string) => void;
  /** Progress reporter for long stages (default: silent). */
  progress?: Progress;
  /** Stages to run (default: all); tests may run fewer. */
  stages?: readonly OutputStage[];
  cwd?: string;
  /**
   * Delete the replaced output tree in a detached process, so the command ends as soon as the new
   * site is live (the CLI does; default false: deleted before build() returns).
   */
  removeOldInBackground?: boolean;
  /**
   * When the code, the content folder and the live site are all exactly as the last build left
   * them (src/build/stamp.ts), return at once and leave the site as it is (default true). Tests
   * of what the stages do on a rebuild turn it off.
   */
  skipIfUnchanged?: boolean;
}

export interface BuildResult {
  ok: boolean;
  problems: Problem[];
  /** True when nothing had changed since the last build, so nothing was done. */
  unchanged?: boolean;
}

/**
 * Build the site into a staging folder beside the output, then publish it (src/build/output.ts):
 * files kept unchanged stay in place, the new ones are renamed in, the ones gone are deleted.
 * On any failure (content errors or a crash) the previous output is left exactly as it was.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const contentDir = path.resolve(options.contentDir);
  const outDir = path.resolve(options.outDir);
  const cacheDir = path.resolve(options.cacheDir ?? path.join(path.dirname(outDir), '.minutebook-cache'));

  const started = Date.now();
  const progress = options.progress ?? silent;
  const stateDir = path.join(cacheDir, 'outputs');
  // Before anything is read: a publish an earlier build left half-done is finished first.
  const interrupted = finishInterruptedPublish(stateDir);
  if (interrupted) log('publishing: finished publishing an earlier build that was interrupted');
  const scan = scanLiveFiles(outDir, stateDir);
  const stages = options.stages ?? STAGES;
  // What this build is made from, taken before any content is read: a file edited from here on is
  // seen by the next build.
  const code = buildCodeFingerprint();
  const made = { code: code ?? '', contentDir, outDir, cwd: path.resolve(options.cwd ?? process.cwd()), stages: stages.map((s) => s.name) };
  const content = code === undefined ? undefined : contentIdentityOrNone(contentDir, ownFolders(outDir, cacheDir));
  if (content && !interrupted && options.skipIfUnchanged !== false) {
    const stamp = readStamp(stateDir);
    const same = stamp !== undefined && sameBuild(stamp, made) && stamp.content === content.digest && racyUnchanged(contentDir, stamp.racy);
    const live = same ? await scan : undefined;
    if (stamp && live && siteIdentity(live.files, (rel) => live.identities.get(rel)) === stamp.site) {
      const { committees, meetings, items, siteFiles } = stamp.counts;
      log(
        `nothing changed since the last build (${committees} committees, ${meetings} meetings, ${items} items; ` +
          `${content.files} content files and ${siteFiles} site files as they were): the site was left as it is (${Date.now() - started} ms)`,
      );
      await removeLeftovers(outDir, options.removeOldInBackground ?? false);
      return { ok: true, problems: stamp.problems, unchanged: true };
    }
  }
  const { council, problems, files } = await loadCouncil(contentDir, { cwd: options.cwd, cacheDir, progress: (done, total) => progress('reading', done, total) });
  if (!council) return { ok: false, problems };
  log(
    `reading: ${council.committees.length} committees, ${council.meetings.length} meetings, ${council.items.length} items; ` +
      `${files.parsed} of ${files.read} files parsed, the others unchanged (${Date.now() - started} ms)`,
  );

  await mkdir(path.dirname(outDir), { recursive: true });
  await removeLeftovers(outDir, options.removeOldInBackground ?? false);
  await mkdir(cacheDir, { recursive: true });
  const shown = (dir: string) => path.relative(options.cwd ?? process.cwd(), dir) || dir;
  let publishing = false;
  const staging = await mkdtemp(path.join(path.dirname(outDir), stagingPrefix(outDir)));
  try {
    const previousDir = isFolder(outDir) ? outDir : undefined;
    const output = new SiteOutput(staging, outDir, stateDir);
    output.useScan(await scan);
    const ctx: BuildContext = {
      council,
      contentDir,
      outDir: staging,
      cacheDir,
      ...(previousDir !== undefined && { previousDir }),
      output,
      log,
      progress,
      assets: new Map(),
    };
    for (const stage of stages) {
      const t = Date.now();
      await stage.run(ctx);
      collectAfterRelease();
      log(`${stage.name}: done (${Date.now() - t} ms, peak memory so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`);
    }
    const t = Date.now();
    publishing = true;
    // No stamp while the live site changes: an interrupted publish leaves none behind.
    removeStamp(stateDir);
    const published = output.publish();
    log(`publishing: ${published.mode}, ${published.written} files written, ${published.deleted} deleted, ${output.keptCount} kept (${Date.now() - t} ms)`);
    publishing = false;
    // The code on disk changed while this process ran: the stamp could not say which code made the site.
    if (content && !codeChangedSince(performance.timeOrigin)) {
      try {
        const site = siteIdentity(published.files, (rel) => output.keptIdentity(rel) ?? identityOnDisk(path.join(outDir, rel)));
        const counts = { siteFiles: published.files.length, committees: council.committees.length, meetings: council.meetings.length, items: council.items.length };
        writeStamp(stateDir, { ...made, content: content.digest, racy: content.racy, site, counts, problems });
      } catch {
        // The site is published; without a stamp the next build only does its work in full.
      }
    }
    if (published.replacedTree) {
      if (options.removeOldInBackground) removeInBackground(published.replacedTree);
      else await rm(published.replacedTree, { recursive: true, force: true, maxRetries: 5 });
    }
  } catch (error) {
    if (publishing) {
      // The journal names the staged files: keep them, so the next build finishes this publish.
      throw new Error(`Publishing the build into ${shown(outDir)} stopped part-way; the next build finishes it`, { cause: error });
    }
    // A failed stage may leave writes in flight: retry, and never let the clean-up hide the failure.
    await rm(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
    throw new Error(`The build failed, and ${shown(outDir)} was left as it was`, { cause: error });
  }
  return { ok: true, problems };
}

/** The content folder's identity (stamp.ts), or undefined if it cannot be listed (loadCouncil then says why). */
function contentIdentityOrNone(contentDir: string, skip: (full: string) => boolean): ContentIdentity | undefined {
  try {
    return contentIdentity(contentDir, { skip });
  } catch {
    return undefined;
  }
}

/**
 * The build's own folders, should they be inside the content folder (`--content . --out _site`):
 * the output, its staging and replaced trees beside it, and the cache. They change with every
 * build, and are never content.
 */
function ownFolders(outDir: string, cacheDir: string): (full: string) => boolean {
  const parent = path.dirname(outDir);
  const staging = stagingPrefix(outDir);
  return (full) => full === outDir || full === cacheDir || (path.dirname(full) === parent && path.basename(full).startsWith(staging));
}

/** The start of the name of a build's staging folder beside `outDir` (and of its replaced tree, `….old`). */
const stagingPrefix = (outDir: string) => `.${path.basename(outDir)}.building-`;

/** Delete a folder in a detached Node process that outlives this one. */
function removeInBackground(dir: string) {
  const script = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 5 })';
  spawn(process.execPath, ['-e', script, dir], { detached: true, stdio: 'ignore' }).unref();
}

/** Replaced trees an earlier build left (its background deletion was stopped): delete them too. */
async function removeLeftovers(outDir: string, inBackground: boolean) {
  const parent = path.dirname(outDir);
  const prefix = stagingPrefix(outDir);
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(OLD_SUFFIX)) continue;
    if (inBackground) removeInBackground(path.join(parent, name));
    else await rm(path.join(parent, name), { recursive: true, force: true, maxRetries: 5 });
  }
}
