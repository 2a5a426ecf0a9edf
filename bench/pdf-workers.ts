/**
 * The PDF stage alone with a set number of worker threads and an empty cache (the main thread only
 * hands out work), for `npm run bench` to compare 2 workers with 1. Prints as JSON its wall time and
 * the CPU time of the whole process over the stage, every thread's (so how many cores it kept busy).
 *
 *   node --import tsx bench/pdf-workers.ts CONTENT_DIR WORK_DIR WORKERS
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadCouncil } from '../src/content/load.ts';
import { createPdfStage } from '../src/pdf/index.ts';

const [contentDir, workDir, workers] = process.argv.slice(2) as [string, string, string];
const { council, problems } = await loadCouncil(contentDir);
if (!council) throw new Error(`the archive has errors: ${problems.map((p) => p.message).join('; ')}`);
const outDir = path.join(workDir, 'out');
const cacheDir = path.join(workDir, 'cache');
await mkdir(outDir, { recursive: true });
const stage = createPdfStage({ workers: Number(workers), minJobsForWorkers: 0, mainThreadHelps: false });
const started = performance.now();
const cpuBefore = process.cpuUsage();
await stage.run({ council, contentDir, outDir, cacheDir, log: () => {}, progress: () => {}, assets: new Map() });
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ workers: Number(workers), ms: Math.round(performance.now() - started), cpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
