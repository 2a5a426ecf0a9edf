import { Worker } from 'node:worker_threads';
import type { PdfJob } from './job.ts';

export interface RenderTask {
  job: PdfJob;
  /** Where the worker writes the PDF (atomically). */
  file: string;
}

type Reply = { ready: true } | { id: number; error?: string };

/** Render tasks on `size` worker threads, each taking the next task when it finishes one. */
export async function renderOnWorkers(tasks: readonly RenderTask[], size: number): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(size, tasks.length) }, () => new Worker(new URL('./worker.js', import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= tasks.length) return resolve();
              const id = next++;
              worker.postMessage({ id, job: tasks[id]!.job, file: tasks[id]!.file });
            };
            worker.on('message', (reply: Reply) => {
              if ('id' in reply && reply.error !== undefined) {
                reject(new Error(`PDF for ${tasks[reply.id]!.file} failed in a worker: ${reply.error}`));
                return;
              }
              feed();
            });
            worker.on('error', (error) => reject(new Error('PDF worker crashed', { cause: error })));
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`PDF worker exited with code ${code}`));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
