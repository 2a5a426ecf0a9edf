import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { loadCouncil } from '../content/load.ts';
import type { Problem } from '../content/problems.ts';
import type { BuildContext, OutputStage } from './context.ts';
import { collectAfterRelease } from './gc.ts';
import { finishInterruptedPublish, isFolder, OLD_SUFFIX, scanLiveFiles, SiteOutput } from './output.ts';
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
  if (finishInterruptedPublish(stateDir)) log('publishing: finished publishing an earlier build that was interrupted');
  const scan = scanLiveFiles(outDir, stateDir);
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
  const staging = await mkdtemp(path.join(path.dirname(outDir), `.${path.basename(outDir)}.building-`));
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
    for (const stage of options.stages ?? STAGES) {
      const t = Date.now();
      await stage.run(ctx);
      collectAfterRelease();
      log(`${stage.name}: done (${Date.now() - t} ms, peak memory so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`);
    }
    const t = Date.now();
    publishing = true;
    const published = ctx.output!.publish();
    log(`publishing: ${published.mode}, ${published.written} files written, ${published.deleted} deleted, ${ctx.output!.keptCount} kept (${Date.now() - t} ms)`);
    publishing = false;
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
