import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildContext } from '../../src/build/context.ts';
import type { Council } from '../../src/model/types.ts';
import { outputPathOf } from '../../src/model/urls.ts';
import { createPdfStage } from '../../src/pdf/index.ts';
import { WORKER_OPTIONS } from '../../src/pdf/pool.ts';
import { exemptItem, makeCouncil, openItem } from './council.ts';

const A = '2025-11-03-cabinet';
const B = '2025-12-01-cabinet';

function council(edit = ''): Council {
  return makeCouncil({
    [A]: [openItem(A, 'minutes', '1', { body: 'Minutes of the last meeting.' }), exemptItem(A, 'depot', '2')],
    [B]: [
      openItem(B, 'budget', '1', { title: 'Budget 2026/27', body: `The budget was agreed.${edit}` }),
      openItem(B, 'parks', '2', { title: 'Parks strategy', body: 'Parks – and play areas.' }),
    ],
  });
}

const temporary: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'minutebook-pdf-stage-'));
  temporary.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(temporary.map((d) => rm(d, { recursive: true, force: true })));
});

/** Run the stage and return the log lines and the PDFs written (site path → bytes). */
async function build(c: Council, cacheDir: string, stage = createPdfStage()) {
  const outDir = await tempDir();
  const lines: string[] = [];
  const ctx: BuildContext = { council: c, contentDir: outDir, outDir, cacheDir, log: (l) => lines.push(l), progress: () => {}, assets: new Map() };
  await stage.run(ctx);
  const files = new Map<string, Buffer>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.set(path.relative(outDir, full).split(path.sep).join('/'), await readFile(full));
    }
  };
  await walk(outDir);
  return { lines, files };
}

describe('the PDF stage', () => {
  it("writes each item's PDF beside its page and a pack for each meeting with items", async () => {
    const c = council();
    const { files } = await build(c, await tempDir());
    const expected = [...c.items.map((i) => outputPathOf(i.pdf)), outputPathOf(c.meetings[0]!.pack), outputPathOf(c.meetings[1]!.pack)];
    expect([...files.keys()].sort()).toEqual(expected.sort());
  });

  it('gives a cancelled meeting without items no pack', async () => {
    const c = council();
    const cancelled = c.meetings.find((m) => m.status === 'cancelled')!;
    const { files } = await build(c, await tempDir());
    expect(files.has(outputPathOf(cancelled.pack))).toBe(false);
  });

  it('writes byte-identical PDFs on two builds from empty caches', async () => {
    const first = await build(council(), await tempDir());
    const second = await build(council(), await tempDir());
    expect(second.files.size).toBe(first.files.size);
    for (const [file, bytes] of first.files) expect(second.files.get(file)?.equals(bytes), file).toBe(true);
  });

  it('re-renders only the edited item and its pack on a rebuild', async () => {
    const cache = await tempDir();
    const first = await build(council(), cache);
    expect(first.lines).toContain('PDFs: 6 rendered, 0 reused');
    const second = await build(council(' With thanks to officers.'), cache);
    expect(second.lines).toContain('PDFs: 2 rendered, 4 reused');
    const changed = [...second.files].filter(([file, bytes]) => !first.files.get(file)!.equals(bytes)).map(([file]) => file);
    expect(changed.sort()).toEqual([`meetings/${B}/${B}.pdf`, `meetings/${B}/budget.pdf`]);
  });

  it('finds cached PDFs the same way whether it stats each one or lists the cache folder', async () => {
    const listing = createPdfStage({ statCacheAtMost: 0 });
    const statting = createPdfStage({ statCacheAtMost: Infinity });
    for (const stage of [listing, statting]) {
      const cache = await tempDir();
      const first = await build(council(), cache, stage);
      expect(first.lines).toContain('PDFs: 6 rendered, 0 reused');
      const again = await build(council(' With thanks to officers.'), cache, stage);
      expect(again.lines).toContain('PDFs: 2 rendered, 4 reused');
      expect([...again.files.keys()].sort()).toEqual([...first.files.keys()].sort());
    }
  });

  it('does not re-render an item when only another item comes to refer to it', async () => {
    const cache = await tempDir();
    await build(council(), cache);
    const referred = council();
    const budget = referred.items.find((i) => i.slug === 'budget')!;
    if (!budget.exempt) budget.referredTo = [{ committee: 'council', date: '2026-01-20', meeting: '2026-01-20-council', itemId: '2026-01-20-council/budget' }];
    const again = await build(referred, cache);
    expect(again.lines).toContain('PDFs: 0 rendered, 6 reused');
  });

  it('renders the same bytes on worker threads as on the main thread', async () => {
    const onMain = await build(council(), await tempDir(), createPdfStage({ workers: 0 }));
    const onWorkers = await build(council(), await tempDir(), createPdfStage({ workers: 2, minJobsForWorkers: 1, mainThreadHelps: false }));
    expect(onWorkers.lines).toContain('PDFs: 6 rendered, 0 reused');
    for (const [file, bytes] of onMain.files) expect(onWorkers.files.get(file)?.equals(bytes), file).toBe(true);
  }, 120_000); // starting two workers on a busy machine can take tens of seconds

  it('starts its render workers with a heap capped well below what V8 would allow', async () => {
    const limitOf = async (options: WorkerOptions) => {
      const worker = new Worker("require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapStatistics().heap_size_limit)", { eval: true, ...options });
      const [limit] = (await once(worker, 'message')) as [number];
      await worker.terminate();
      return limit / 2 ** 20;
    };
    const capped = await limitOf(WORKER_OPTIONS);
    expect(capped).toBeGreaterThan(WORKER_OPTIONS.resourceLimits.maxOldGenerationSizeMb);
    expect(capped).toBeLessThan(WORKER_OPTIONS.resourceLimits.maxOldGenerationSizeMb + 100); // the old generation, plus the young one
    expect(await limitOf({})).toBeGreaterThan(capped);
  });
});
