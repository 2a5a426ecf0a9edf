import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { PdfJob } from './job.ts';

export interface RenderTask {
  job: PdfJob;
  /** Where the PDF is written (atomically). */
  file: string;
}

type Reply = { ready: true } | { id: number; error?: string };

/**
 * How a render worker is started. Its old generation is capped at 512 MB, some six times what a
 * worker keeps alive (pdfkit, fontkit, the parsed fonts and the shaped-word caches: 40 to 90 MB):
 * V8 lets an uncapped heap grow to up to four times what survived its last collection before
 * it collects again, and makes that factor smaller the smaller the cap, so a capped worker's heap
 * stays near what it uses. At 30,000 items the process's peak memory two minutes into the stage
 * was 1,165 MB uncapped and 903 MB capped, rendering no slower.
 */
export const WORKER_OPTIONS = { resourceLimits: { maxOldGenerationSizeMb: 512 } } as const;

/**
 * Render tasks on `size` worker threads, each taking the next task when it finishes one. A worker
 * takes a second or so to load pdfkit and the renderer, so until the first one is ready the main
 * thread renders from the same queue with `renderHere`.
 */
export async function renderOnWorkers(
  tasks: readonly RenderTask[],
  size: number,
  renderHere?: (task: RenderTask) => Promise<void>,
  onDone: () => void = () => {},
): Promise<void> {
  let next = 0;
  let anyReady = false;
  const workers = Array.from({ length: Math.min(size, tasks.length) }, () => new Worker(new URL('./worker.js', import.meta.url), WORKER_OPTIONS));
  try {
    const done = workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let busy = false;
          const feed = () => {
            busy = next < tasks.length;
            if (!busy) return resolve();
            const id = next++;
            worker.postMessage({ id, job: tasks[id]!.job, file: tasks[id]!.file });
          };
          worker.on('message', (reply: Reply) => {
            if ('ready' in reply) anyReady = true;
            else if (reply.error !== undefined) return reject(new Error(`PDF for ${tasks[reply.id]!.file} failed in a worker: ${reply.error}`));
            else onDone();
            feed();
          });
          worker.on('error', (error) => reject(new Error('PDF worker crashed', { cause: error })));
          worker.on('exit', (code) => {
            if (busy || next < tasks.length) reject(new Error(`PDF worker exited with code ${code}`));
            else resolve();
          });
        }),
    );
    while (renderHere && !anyReady && next < tasks.length) {
      await renderHere(tasks[next++]!);
      onDone();
      await nextTurn(); // let a worker's "ready" message in
    }
    await Promise.all(done);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
