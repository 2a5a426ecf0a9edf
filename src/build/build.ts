import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadCouncil } from '../content/load.ts';
import type { Problem } from '../content/problems.ts';
import type { BuildContext, OutputStage } from './context.ts';
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
}

export interface BuildResult {
  ok: boolean;
  problems: Problem[];
}

/**
 * Build the site into a staging folder beside the output, then swap it into place.
 * On any failure (content errors or a crash) the previous output is left exactly as it was.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const contentDir = path.resolve(options.contentDir);
  const outDir = path.resolve(options.outDir);
  const cacheDir = path.resolve(options.cacheDir ?? path.join(path.dirname(outDir), '.minutebook-cache'));

  const started = Date.now();
  const progress = options.progress ?? silent;
  const { council, problems } = await loadCouncil(contentDir, { cwd: options.cwd, progress: (done, total) => progress('reading', done, total) });
  if (!council) return { ok: false, problems };
  log(`reading: ${council.committees.length} committees, ${council.meetings.length} meetings, ${council.items.length} items (${Date.now() - started} ms)`);

  await mkdir(path.dirname(outDir), { recursive: true });
  await removeLeftovers(outDir, options.removeOldInBackground ?? false);
  await mkdir(cacheDir, { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(outDir), `.${path.basename(outDir)}.building-`));
  try {
    const previousDir = (await isDirectory(outDir)) ? outDir : undefined;
    const ctx: BuildContext = {
      council,
      contentDir,
      outDir: staging,
      cacheDir,
      ...(previousDir !== undefined && { previousDir }),
      log,
      progress,
      assets: new Map(),
    };
    for (const stage of options.stages ?? STAGES) {
      const t = Date.now();
      await stage.run(ctx);
      log(`${stage.name}: done (${Date.now() - t} ms, peak memory so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`);
    }
    await swapInto(staging, outDir, options.removeOldInBackground ?? false);
  } catch (error) {
    // A failed stage may leave writes in flight: retry, and never let the clean-up hide the failure.
    await rm(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
    throw new Error(`The build failed, and ${path.relative(options.cwd ?? process.cwd(), outDir) || outDir} was left as it was`, { cause: error });
  }
  return { ok: true, problems };
}

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/**
 * Replace `outDir` by `staging` with two renames, so the output is never half-written. The old
 * tree is then deleted: at once, or, with `inBackground`, by a detached process after this one
 * has reported the new site live (at 10,000 items that is some 85,000 unlinks, seconds to tens of
 * seconds on a slow disk, which no reader of the site needs to wait for).
 */
async function swapInto(staging: string, outDir: string, inBackground: boolean) {
  const exists = await stat(outDir).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await rename(staging, outDir);
    return;
  }
  const old = `${staging}${OLD_SUFFIX}`;
  await rename(outDir, old);
  await rename(staging, outDir);
  if (inBackground) removeInBackground(old);
  else await rm(old, { recursive: true, force: true, maxRetries: 5 });
}

/** Suffix of a replaced output tree waiting to be deleted. */
const OLD_SUFFIX = '.old';

/** Delete a folder in a detached Node process that outlives this one. */
function removeInBackground(dir: string) {
  const script = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 5 })';
  spawn(process.execPath, ['-e', script, dir], { detached: true, stdio: 'ignore' }).unref();
}

/** Replaced trees an earlier build left (its background deletion was stopped): delete them too. */
async function removeLeftovers(outDir: string, inBackground: boolean) {
  const parent = path.dirname(outDir);
  const prefix = `.${path.basename(outDir)}.building-`;
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(OLD_SUFFIX)) continue;
    if (inBackground) removeInBackground(path.join(parent, name));
    else await rm(path.join(parent, name), { recursive: true, force: true, maxRetries: 5 });
  }
}
