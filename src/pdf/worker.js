// Worker-thread entry for PDF rendering. Plain JavaScript because a worker starts outside the
// TypeScript loader; tsx's API then imports the renderer's TypeScript sources.
import { rename, writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { renderJob } = await tsImport('./render.ts', import.meta.url);

parentPort.on('message', async ({ id, job, file }) => {
  try {
    const bytes = await renderJob(job);
    const temporary = `${file}.${process.pid}.${id}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, file);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
parentPort.postMessage({ ready: true });
