import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputStage } from '../build/context.ts';
import { linkOrCopy, OutputMemory } from '../build/reuse.ts';
import { jobHash, rendererHash } from './cache.ts';
import { planPdfs, type ItemJob } from './job.ts';
import { renderOnWorkers, type RenderTask } from './pool.ts';

export interface PdfStageOptions {
  /** Worker threads for rendering (default: MINUTEBOOK_PDF_WORKERS, else 2, the build machine's cores). */
  workers?: number;
  /** Below this many PDFs to render, render on the main thread: starting workers costs more. */
  minJobsForWorkers?: number;
  /** Render on the main thread too while the workers start (default true; tests turn it off to exercise the workers alone). */
  mainThreadHelps?: boolean;
  /**
   * Up to this many PDFs to link from the cache, each is looked for there with a stat; above it, the
   * cache folder is listed once (default 500; at 10,000 items it holds some 11,845 names).
   */
  statCacheAtMost?: number;
}

/**
 * Writes every agenda item's PDF beside its page and each meeting's pack (meetings without items get
 * none). Each is rendered once into ctx.cacheDir/pdf/<hash of its job and the renderer>.pdf and
 * hard-linked from there; a live PDF that is still the file linked for the same hash stays as it is.
 */
export function createPdfStage(options: PdfStageOptions = {}): OutputStage {
  const workers = options.workers ?? workersFromEnv() ?? 2;
  const minJobsForWorkers = options.minJobsForWorkers ?? 64;
  const mainThreadHelps = options.mainThreadHelps ?? true;
  const statCacheAtMost = options.statCacheAtMost ?? 500;
  return {
    name: 'PDFs',
    async run(ctx) {
      const { council, cacheDir, outDir, log, progress } = ctx;
      const planned = planPdfs(council);
      const fingerprint = await rendererHash();
      const dir = path.join(cacheDir, 'pdf');
      await mkdir(dir, { recursive: true });
      const memo = new WeakMap<ItemJob, string>();
      // Each PDF's name in the cache, which is also its key in the stage's memory.
      const cached = planned.map((p) => {
        const name = `${jobHash(p.job, fingerprint, memo)}.pdf`;
        return { ...p, name, file: path.join(dir, name) };
      });

      // The live site's PDF, if it is still the cached file it was linked from, is kept as it is:
      // its cached file is not looked for. After a small edit that is all but a handful.
      const memory = OutputMemory.open(ctx, 'pdfs');
      const toLink = cached.filter((c) => !memory.reuse(c.path, c.name));
      // The others are linked from the cache, rendered first if missing there. For many, one
      // directory listing costs less than a stat each.
      const listing = toLink.length > statCacheAtMost ? new Set(await readdir(dir)) : undefined;
      const seen = new Set<string>();
      const missing: RenderTask[] = [];
      for (const c of toLink) {
        if (seen.has(c.file)) continue;
        seen.add(c.file);
        if (listing ? listing.has(c.name) : existsSync(c.file)) continue;
        missing.push({ job: c.job, file: c.file });
      }
      const renderHere = async (task: RenderTask) => {
        const temporary = `${task.file}.${process.pid}.tmp`;
        // Imported here, not at the top: a build with every PDF cached never loads pdfkit and the fonts.
        const { renderJob } = await import('./render.ts');
        await writeFile(temporary, await renderJob(task.job));
        await rename(temporary, task.file);
      };
      let rendered = 0;
      const tick = () => progress('PDFs', ++rendered, missing.length);
      if (missing.length >= minJobsForWorkers && workers > 0) {
        await renderOnWorkers(missing, workers, mainThreadHelps ? renderHere : undefined, tick);
      } else {
        for (const task of missing) {
          await renderHere(task);
          tick();
        }
      }

      for (const c of toLink) {
        const to = path.join(outDir, c.path);
        memory.ensureFolder(path.dirname(to));
        linkOrCopy(c.file, to);
        memory.wrote(c.path, c.name);
      }
      memory.save();
      log(`PDFs: ${missing.length} rendered, ${planned.length - missing.length} reused`);
    },
  };
}

/** MINUTEBOOK_PDF_WORKERS=0 renders on the main thread only (for measuring and debugging). */
function workersFromEnv(): number | undefined {
  const value = process.env.MINUTEBOOK_PDF_WORKERS;
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`MINUTEBOOK_PDF_WORKERS must be a whole number, got "${value}"`);
  return n;
}

/** The build's PDF stage. */
export const pdfStage: OutputStage = createPdfStage();
