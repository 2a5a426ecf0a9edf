/**
 * Search bench: builds the index of a synthetic archive (generate.ts; 10,000 items, or --items N),
 * then measures for two-word queries the bytes a first and a later search download (raw and gzip),
 * and the time from Enter to results in headless Chromium; then, in the same run, the same for
 * Pagefind over one HTML page per open item of the same archive (pagefind.ts).
 * Run: npx tsx bench/search/run.ts [--items 30000] [--no-save]
 * Numbers are printed and saved to bench/search/results.json, not asserted (tests do not time things).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildIndex } from '../../src/search/build-index.ts';
import { bundleSearchScript } from '../../src/search/bundle.ts';
import { documentsOf } from '../../src/search/documents.ts';
import { SearchEngine, type Loader } from '../../src/search/engine.ts';
import { hashOf } from '../../src/search/build-index.ts';
import { readState } from '../../src/search/state.ts';
import { termsOf } from '../../src/search/tokenize.ts';
import { launchChromium } from '../../tests/helpers/chromium.ts';
import { serveStatic } from '../../tests/helpers/serve.ts';
import { generateCouncil } from './generate.ts';
import { folderSize, measurePagefind, PAGEFIND_PAGE, runPagefind, sentBytes, writeItemPages, type QueryFigures } from './pagefind.ts';

const argv = process.argv.slice(2);
const ITEMS = argv.includes('--items') ? Number(argv[argv.indexOf('--items') + 1]) : 10_000;
const SAVE = !argv.includes('--no-save');
const FIRSTS = 10;
const loadAtStart = loadavg();
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const council = generateCouncil(ITEMS);
const started = performance.now();
const index = buildIndex(council);
const buildMs = performance.now() - started;
const script = await bundleSearchScript();
const scriptPath = `search/search-${hashOf(script)}.js`;
const files = new Map(index.files).set(scriptPath, script);
const gz = new Map<string, number>();
const gzipped = (file: string) => {
  let size = gz.get(file);
  if (size === undefined) gz.set(file, (size = gzipSync(files.get(file)!, { level: 6 }).length));
  return size;
};

// What a static host sends: JSON and JS compressed, binary shards as they are (application/octet-stream).
const sent = (file: string) => (file.endsWith('.bin') ? files.get(file)!.length : gzipped(file));

const shardFiles = [...files.keys()].filter((f) => f.includes('/shards/'));
const shardSizes = shardFiles.map((f) => files.get(f)!.length).sort((a, b) => a - b);
const all = [...files.values()].reduce((s, f) => s + f.length, 0);
console.log(`archive: ${council.items.length} items, ${index.docs} indexed (exempt left out)`);
console.log(`build: ${(buildMs / 1000).toFixed(1)} s, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`);
console.log(`index: ${files.size} files, ${kb(all)} in all; ${shardFiles.length} shards, median ${kb(shardSizes[shardSizes.length >> 1]!)}, largest ${kb(shardSizes.at(-1)!)}`);
console.log(`bundle: ${kb(script.length)} (${kb(gzipped(scriptPath))} gzip); manifest ${kb(files.get(index.manifest)!.length)} (${kb(gzipped(index.manifest))} gzip)`);

// Two-word queries a resident might type: pairs of words taken from the same item, so they match.
const documents = documentsOf(council);
const queries: string[] = [];
let seed = 7;
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
while (queries.length < 20) {
  const doc = documents[Math.floor(next() * documents.length)]!;
  const words = doc.fields.body.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3 && termsOf(w, doc.lang).length > 0);
  if (words.length < 2) continue;
  queries.push(`${words[Math.floor(next() * words.length)]} ${words[Math.floor(next() * words.length)]}`.toLowerCase());
}
queries.push('council report', 'planning application');

// Bytes: replay each query through the engine with a loader that records what it fetches.
const fetched = new Set<string>();
const recording = (log: string[]): Loader => {
  const read = (url: string) => {
    log.push(url.slice(1));
    return files.get(url.slice(1))!;
  };
  return { bytes: async (url) => read(url), json: async (url) => JSON.parse(new TextDecoder().decode(read(url))) };
};
const totals = new Map<string, number>();
let firstWorst = { raw: 0, gzip: 0 };
let laterWorst = { raw: 0, gzip: 0 };
const warm = new SearchEngine(`/${index.manifest}`, recording([]));
for (const q of queries) {
  const cold: string[] = [scriptPath];
  const answer = await new SearchEngine(`/${index.manifest}`, recording(cold)).search(readState(new URLSearchParams({ q })));
  const first = { raw: cold.reduce((s, f) => s + files.get(f)!.length, 0), gzip: cold.reduce((s, f) => s + sent(f), 0) };
  const log: string[] = [];
  await new SearchEngine(`/${index.manifest}`, recording(log)).search(readState(new URLSearchParams({ q })));
  const fresh = log.filter((f) => !fetched.has(f) && f !== index.manifest);
  for (const f of log) fetched.add(f);
  const later = { raw: fresh.reduce((s, f) => s + files.get(f)!.length, 0), gzip: fresh.reduce((s, f) => s + sent(f), 0) };
  firstWorst = { raw: Math.max(firstWorst.raw, first.raw), gzip: Math.max(firstWorst.gzip, first.gzip) };
  if (fetched.size > log.length) laterWorst = { raw: Math.max(laterWorst.raw, later.raw), gzip: Math.max(laterWorst.gzip, later.gzip) };
  totals.set(q, answer.total);
  console.log(`  "${q}": ${answer.total} results; first search ${kb(first.raw)} (${kb(first.gzip)} sent) in ${cold.length} files; as a later search ${kb(later.raw)} (${kb(later.gzip)} sent)`);
  await warm.search(readState(new URLSearchParams({ q })));
}
console.log(`worst first search: ${kb(firstWorst.raw)} uncompressed, ${kb(firstWorst.gzip)} sent by a host gzipping JSON/JS (budget 250 KB, plus the page itself)`);
console.log(`worst later search: ${kb(laterWorst.raw)} uncompressed, ${kb(laterWorst.gzip)} sent (budget 100 KB)`);
const shardGzip = shardFiles.reduce((s, f) => s + gzipped(f), 0) / shardFiles.reduce((s, f) => s + files.get(f)!.length, 0);
console.log(`shards gzip to ${(shardGzip * 100).toFixed(0)}% of their size, so leaving them uncompressed costs little`);

// Time from Enter to results in headless Chromium, over a page with the search page's elements.
const root = await mkdtemp(path.join(tmpdir(), 'minutebook-search-bench-'));
for (const [file, bytes] of files) {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), bytes);
}
await writeFile(path.join(root, '404.html'), 'not found');
await writeFile(
  path.join(root, 'search/index.html'),
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>Search</title>
<form id="search-form"><input id="search-q" name="q" type="search"><button>Search</button></form>
<div id="search-needs-js">Search needs JavaScript</div>
<section id="search" data-index="/${index.manifest}" hidden><p id="search-status" role="status"></p>
<div id="search-empty" hidden></div><ol id="search-list"></ol><nav id="search-pages"></nav></section>
<script type="module" src="/${scriptPath}"></script>`,
);
const server = await serveStatic(root);
const browser = await launchChromium();

/** Type a query into the box as a person would, press Enter; milliseconds from Enter until the count is announced. */
async function timeSearch(page: Page, q: string): Promise<number> {
  await page.fill('#search-q', '');
  await page.type('#search-q', q, { delay: 20 });
  const done = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const status = document.getElementById('search-status')!;
        let t0 = 0;
        document.getElementById('search-q')!.addEventListener('keydown', (e) => e.key === 'Enter' && (t0 = performance.now()), { once: true });
        const observer = new MutationObserver(() => {
          if (t0 && status.textContent && status.textContent !== 'Searching…') {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
      }),
  );
  await page.press('#search-q', 'Enter');
  return done;
}

// Ours: bytes the server sent for each search (the page's own HTML left out), and Enter to results.
const skipHtml = (p: string) => p.endsWith('.html') || p === '/favicon.ico';
const oursFirsts: QueryFigures[] = [];
for (const q of queries.slice(0, FIRSTS)) {
  server.sent.clear();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/search/`);
  const ms = await timeSearch(page, q);
  oursFirsts.push({ q, results: totals.get(q)!, ms, ...sentBytes(root, server.sent, skipHtml) });
  await context.close();
}
// Later searches: one page, one query after another.
const page = await browser.newPage();
await page.goto(`${server.url}/search/`);
await timeSearch(page, 'council');
const oursLaters: QueryFigures[] = [];
for (const q of queries) {
  server.sent.clear();
  const ms = await timeSearch(page, q);
  oursLaters.push({ q, results: totals.get(q)!, ms, ...sentBytes(root, server.sent, skipHtml) });
}
await page.close();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const summary = (firsts: QueryFigures[], laters: QueryFigures[]) => ({
  firstSentMax: Math.max(...firsts.map((f) => f.sent)),
  firstSentMedian: median(firsts.map((f) => f.sent)),
  firstRawMax: Math.max(...firsts.map((f) => f.raw)),
  laterSentMax: Math.max(...laters.map((f) => f.sent)),
  laterSentMedian: median(laters.map((f) => f.sent)),
  laterRawMax: Math.max(...laters.map((f) => f.raw)),
  firstMsMedian: Math.round(median(firsts.map((f) => f.ms))),
  firstMsWorst: Math.round(Math.max(...firsts.map((f) => f.ms))),
  laterMsMedian: Math.round(median(laters.map((f) => f.ms))),
  laterMsWorst: Math.round(Math.max(...laters.map((f) => f.ms))),
});
const ours = summary(oursFirsts, oursLaters);
console.log(
  `ours, Chromium: first search ${kb(ours.firstSentMax)} sent at most (median ${kb(ours.firstSentMedian)}), later ${kb(ours.laterSentMax)} at most; ` +
    `Enter to results: first median ${ours.firstMsMedian} ms, worst ${ours.firstMsWorst} ms; later median ${ours.laterMsMedian} ms, worst ${ours.laterMsWorst} ms ` +
    `(load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
);

// Pagefind over the same archive, same queries, same server and browser.
const pages = await writeItemPages(council, root);
await writeFile(path.join(root, 'pagefind-bench.html'), PAGEFIND_PAGE);
const pagefindRun = await runPagefind(root);
const pagefindIndex = await folderSize(path.join(root, 'pagefind'));
console.log(`pagefind ${pagefindRun.version}: ${pages} pages indexed in ${(pagefindRun.ms / 1000).toFixed(1)} s; ${pagefindIndex.files} files, ${kb(pagefindIndex.bytes)}`);
const pf = await measurePagefind(browser, server, root, queries, FIRSTS);
const pagefind = summary(pf.firsts, pf.laters);
console.log(
  `pagefind, Chromium: first search ${kb(pagefind.firstSentMax)} sent at most (median ${kb(pagefind.firstSentMedian)}), later ${kb(pagefind.laterSentMax)} at most; ` +
    `search() to ten results' data: first median ${pagefind.firstMsMedian} ms, worst ${pagefind.firstMsWorst} ms; later median ${pagefind.laterMsMedian} ms, worst ${pagefind.laterMsWorst} ms ` +
    `(load average ${loadavg()[0]!.toFixed(1)})`,
);
for (const [i, q] of queries.entries()) {
  console.log(`  "${q}": ours ${oursLaters[i]!.results} results, ${kb(oursLaters[i]!.sent)} later; pagefind ${pf.laters[i]!.results} results, ${kb(pf.laters[i]!.sent)} later`);
}
await browser.close();
await server.close();
await rm(root, { recursive: true, force: true });

if (SAVE) {
  const file = path.resolve('bench/search/results.json');
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { runs: Record<string, unknown> }) : { runs: {} };
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
  saved.runs[String(ITEMS)] = {
    date: new Date().toISOString().slice(0, 10),
    commit,
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version },
    loadAverage: { start: loadAtStart.map((l) => Number(l.toFixed(2))), end: loadavg().map((l) => Number(l.toFixed(2))) },
    items: council.items.length,
    indexed: index.docs,
    queries,
    ours: {
      buildMs: Math.round(buildMs),
      index: { files: files.size, bytes: all },
      bundleBytes: script.length,
      ...ours,
      firsts: oursFirsts,
      laters: oursLaters,
    },
    pagefind: {
      version: pagefindRun.version,
      pages,
      buildMs: Math.round(pagefindRun.ms),
      index: pagefindIndex,
      ...pagefind,
      firsts: pf.firsts,
      laters: pf.laters,
    },
  };
  await writeFile(file, `${JSON.stringify(saved, null, 2)}\n`);
  console.log(`saved to ${path.relative(process.cwd(), file)}`);
}
