/**
 * `npm run bench [-- --sizes 1000,10000] [--keep]`: for each archive size, generates a content folder
 * (bench/generate.ts) and times, each in its own process so peak RSS can be read: a full build from an
 * empty cache, a rebuild with no change, a rebuild after editing one item, a rebuild after adding a
 * meeting; then, in the same run as references, the naive floor script (bench/floor.ts) and Eleventy
 * alone (bench/eleventy-alone.ts); and the PDF stage on 1 and 2 worker threads over a 1,000-item
 * archive. Prints a table, writes bench/results.json and docs/benchmarks.md.
 * Ratios matter more than seconds: the machine may be shared, so its load average is recorded.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { extraMeeting, generateArchive, writeFiles } from './generate.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const sizes = (option('--sizes') ?? '1000,10000').split(',').map((s) => Number(s.replace(/[_k]/g, (c) => (c === 'k' ? '000' : ''))));
const keep = args.includes('--keep');
const merge = args.includes('--merge');
/** Skip the floor script and Eleventy alone (the 30k floor alone takes about half an hour). */
const noReferences = args.includes('--no-references');
const WORKER_ITEMS = Number(option('--worker-items') ?? 1_000);
const ROOT = path.resolve(import.meta.dirname, '..');

interface Measured {
  /** Wall time, milliseconds. */
  ms: number;
  /** Peak resident set size, MB. */
  rssMB: number;
  stdout: string;
}

/** GNU time reads the peak RSS the kernel keeps for a child; without it, poll VmHWM in /proc. */
function timeCommand(): string | undefined {
  if (existsSync('/usr/bin/time')) return '/usr/bin/time';
  if (process.getuid?.() === 0) {
    try {
      execFileSync('apt-get', ['install', '-y', '-qq', 'time'], { stdio: 'ignore' });
      if (existsSync('/usr/bin/time')) return '/usr/bin/time';
    } catch {
      // Fall back to /proc below.
    }
  }
  return undefined;
}
const TIME = timeCommand();

/** Run `node ...argv` in a fresh process; its wall time and peak RSS. */
function measure(argv: string[], env: Record<string, string> = {}): Promise<Measured> {
  const [command, commandArgs] = TIME ? [TIME, ['-v', process.execPath, ...argv]] : [process.execPath, argv];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let hwmKB = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const poll = TIME
      ? undefined
      : setInterval(() => {
          readFile(`/proc/${child.pid}/status`, 'utf8').then(
            (s) => (hwmKB = Math.max(hwmKB, Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0))),
            () => {},
          );
        }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (poll) clearInterval(poll);
      const kb = TIME ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0) : hwmKB;
      if (code !== 0) reject(new Error(`node ${argv.join(' ')} exited with ${code}:\n${stderr.slice(-4000)}`));
      else resolve({ ms: Math.round(ms), rssMB: Math.round(kb / 1024), stdout });
    });
  });
}

/** Files written, by kind. */
async function outputStats(dir: string) {
  const stats = { files: 0, pages: 0, pdfs: 0, bytes: 0, searchBytes: 0 };
  const walk = async (folder: string, inSearch: boolean): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(file, inSearch || (folder === dir && entry.name === 'search'));
      else {
        const { size } = await stat(file);
        stats.files++;
        stats.bytes += size;
        if (inSearch) stats.searchBytes += size;
        if (entry.name.endsWith('.html')) stats.pages++;
        if (entry.name.endsWith('.pdf')) stats.pdfs++;
      }
    }
  };
  await walk(dir, false);
  return stats;
}

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const sec = (ms: number) => (ms / 1000).toFixed(1);
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

interface BuildFigures {
  ms: number;
  rssMB: number;
  /** Each step of the build as its log reports it: time, and the process's peak memory after it. */
  steps?: Step[];
}

interface Step {
  name: string;
  ms: number;
  peakMB?: number;
}

/** The build log's timed lines: "reading: … (N ms)", "<stage>: done (N ms, peak memory so far M MB)", "publishing: … (N ms)". */
function stepsOf(stdout: string): Step[] {
  const steps: Step[] = [];
  for (const line of stdout.split('\n')) {
    const done = /^(.+): done \((\d+) ms, peak memory so far (\d+) MB\)$/.exec(line);
    if (done) steps.push({ name: done[1]!, ms: Number(done[2]), peakMB: Number(done[3]) });
    const other = /^(reading|publishing): .*\((\d+) ms\)$/.exec(line);
    if (other) steps.push({ name: other[1]!, ms: Number(other[2]) });
    const unchanged = /^nothing changed since the last build .*\((\d+) ms\)$/.exec(line);
    if (unchanged) steps.push({ name: 'nothing to do', ms: Number(unchanged[1]) });
  }
  return steps;
}

/** Every measurement for one archive size; fields are filled in as they are measured. */
interface SizeResult {
  items: number;
  /** The code measured (sizes merged from separate runs may differ). */
  commit?: string;
  loadAverageAtStart: number;
  output?: { files: number; pages: number; pdfs: number; bytes: number; searchBytes: number; bytesMB: number; searchMB: number };
  full?: BuildFigures & { pagesPerSecond: number; pdfsPerSecond: number };
  editOne?: BuildFigures & { file: string };
  eleventy?: BuildFigures;
  floor?: BuildFigures & { pagesMs: number; pdfMs: number };
  noChange?: BuildFigures;
  addMeeting?: BuildFigures & { items: number };
  ratios?: { fullOverFloor: number; fullOverEleventy?: number };
}

/**
 * Measure one archive size, calling `saved` after each step so a long run that is stopped keeps
 * what it measured. The steps the targets need come first: full build, the floor, one edit.
 */
async function benchSize(items: number, saved: (partial: SizeResult) => Promise<void>): Promise<SizeResult> {
  const root = await mkdtemp(path.join(tmpdir(), `minutebook-bench-${items}-`));
  const content = path.join(root, 'content');
  const archive = generateArchive(items);
  await writeFiles(content, archive);
  log(`${items} items: ${archive.size} content files in ${content}`);
  // Not --quiet: the log's timed lines give each step's time and peak memory (progress lines are few when not a terminal).
  const buildArgs = ['bin/minutebook.js', 'build', '--content', content, '--out', path.join(root, 'site'), '--cache', path.join(root, 'cache')];
  const r: SizeResult = { items, commit: machine.commit, loadAverageAtStart: Number(loadavg()[0]!.toFixed(2)) };
  const figures = (m: Measured): BuildFigures => ({ ms: m.ms, rssMB: m.rssMB, steps: stepsOf(m.stdout) });

  const full = await measure(buildArgs);
  const output = await outputStats(path.join(root, 'site'));
  r.output = { ...output, bytesMB: mb(output.bytes), searchMB: Number((output.searchBytes / 2 ** 20).toFixed(1)) };
  r.full = { ...figures(full), pagesPerSecond: Math.round(output.pages / (full.ms / 1000)), pdfsPerSecond: Number((output.pdfs / (full.ms / 1000)).toFixed(1)) };
  log(`full build ${sec(full.ms)} s, ${full.rssMB} MB: ${output.pages} pages, ${output.pdfs} PDFs, ${mb(output.bytes)} MB`);
  await saved(r);

  if (!noReferences) {
    const floor = await measure(['--import', 'tsx', 'bench/floor.ts', content, path.join(root, 'floor')]);
    const floorPhases = lastJson(floor.stdout);
    r.floor = { ...figures(floor), pagesMs: floorPhases.pagesMs!, pdfMs: floorPhases.pdfMs! };
    r.ratios = { fullOverFloor: Number((full.ms / floor.ms).toFixed(2)) };
    log(`floor ${sec(floor.ms)} s (pages ${sec(floorPhases.pagesMs!)} s, PDFs ${sec(floorPhases.pdfMs!)} s), ${floor.rssMB} MB`);
    await saved(r);
  }

  // Edit the body of the middle open item: what a clerk correcting a typo does.
  const open = [...archive].filter(([f, text]) => f.startsWith('meetings/') && !f.endsWith('/index.md') && !text.includes('\nexempt: true'));
  const [edited, text] = open[open.length >> 1]!;
  await writeFile(path.join(content, edited), `${text}\nThe Chair added that the minute should record the thanks of the Committee to the staff involved.\n`);
  const editOne = await measure(buildArgs);
  r.editOne = { ...figures(editOne), file: edited };
  log(`one item edited (${edited}) ${sec(editOne.ms)} s`);
  await saved(r);

  if (!noReferences) {
    const eleventy = await measure(['--import', 'tsx', 'bench/eleventy-alone.ts', content, path.join(root, 'eleventy')]);
    r.eleventy = figures(eleventy);
    r.ratios = { ...r.ratios!, fullOverEleventy: Number((full.ms / eleventy.ms).toFixed(2)) };
    log(`Eleventy alone ${sec(eleventy.ms)} s, ${eleventy.rssMB} MB`);
    await saved(r);
  }

  const noChange = await measure(buildArgs);
  r.noChange = figures(noChange);
  log(`no change ${sec(noChange.ms)} s`);
  await saved(r);

  await writeFiles(content, extraMeeting(items));
  const addMeeting = await measure(buildArgs);
  r.addMeeting = { ...figures(addMeeting), items: 8 };
  log(`one meeting added ${sec(addMeeting.ms)} s`);
  await saved(r);

  if (!keep) await rm(root, { recursive: true, force: true });
  return r;
}

/** One run of the PDF stage (CPU time and cores only in results from stop 18 on). */
interface WorkerRun {
  processMs: number;
  stageMs: number;
  rssMB: number;
  cpuMs?: number;
  cores?: number;
}

interface WorkerResults {
  items: number;
  one: WorkerRun;
  two: WorkerRun;
  speedup: number;
  /** About the most two workers can gain on this machine's cores, if each keeps as many busy as one did alone. */
  ceiling?: number;
  machineCores?: number;
}

/** How many cores one worker kept busy, and about what that leaves two workers to gain. */
function workerCeiling(workers: WorkerResults): string {
  const { ceiling, machineCores, one } = workers;
  if (ceiling === undefined || machineCores === undefined || one.cores === undefined || !Number.isFinite(ceiling)) return '';
  return `; 1 worker kept ${one.cores.toFixed(2)} cores busy, so ${machineCores} cores allow about ${ceiling}×`;
}

/** The PDF stage alone on one and on two worker threads, from an empty cache. */
async function benchWorkers(): Promise<WorkerResults> {
  const root = await mkdtemp(path.join(tmpdir(), 'minutebook-bench-workers-'));
  const content = path.join(root, 'content');
  await writeFiles(content, generateArchive(WORKER_ITEMS));
  const one = await measure(['--import', 'tsx', 'bench/pdf-workers.ts', content, path.join(root, 'one'), '1']);
  log(`PDF stage, 1 worker: ${sec(one.ms)} s`);
  const two = await measure(['--import', 'tsx', 'bench/pdf-workers.ts', content, path.join(root, 'two'), '2']);
  log(`PDF stage, 2 workers: ${sec(two.ms)} s`);
  if (!keep) await rm(root, { recursive: true, force: true });
  const stage = (m: Measured): WorkerRun => {
    const { ms, cpuMs } = lastJson(m.stdout);
    return { processMs: m.ms, stageMs: ms!, rssMB: m.rssMB, cpuMs: cpuMs!, cores: cpuMs! / Math.max(1, ms!) };
  };
  const [a, b] = [stage(one), stage(two)];
  // One worker keeps more than one core busy (V8's collector works beside it on threads of its own).
  // If each of two workers needed as much, the machine's cores would allow about this gain.
  const machineCores = availableParallelism();
  const ceiling = Number(Math.min(2, machineCores / a.cores!).toFixed(2));
  return { items: WORKER_ITEMS, one: a, two: b, speedup: Number((a.stageMs / b.stageMs).toFixed(2)), ceiling, machineCores };
}

function git(argv: string[]) {
  try {
    return execFileSync('git', argv, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const machine = {
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  memoryGB: Number((totalmem() / 2 ** 30).toFixed(1)),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
  /** The code measured: each build is a fresh process, so record what it ran. */
  commit: git(['rev-parse', '--short', 'HEAD']) + (git(['status', '--porcelain', '--', 'src', 'layouts', 'bin']) ? ' (with uncommitted changes in src/)' : ''),
  peakRss: TIME ? 'GNU time -v (maximum resident set size)' : '/proc/<pid>/status VmHWM, polled every 50 ms',
};
interface Results {
  date: string;
  machine: typeof machine;
  loadAverageAtEnd: number[];
  sizes: SizeResult[];
  pdfWorkers?: WorkerResults;
  bytesPerQuery: string;
}

/** Measure every size, then the PDF workers; save and report. */
async function measureAll() {
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')}`);
  const runs: SizeResult[] = [];
  let workers: WorkerResults | undefined;
  const resultsOf = (pdfWorkers?: WorkerResults, measured: SizeResult[] = runs): Results => ({
    date: new Date().toISOString().slice(0, 10),
    machine,
    loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))),
    sizes: measured,
    pdfWorkers,
    bytesPerQuery: 'not measured: bench/search/run.ts exposes no function for it (it measures them on its own: npx tsx bench/search/run.ts)',
  });
  const save = (results: Results) => writeFile(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  // --merge keeps the sizes an earlier run measured that this one does not.
  const earlier: SizeResult[] = merge
    ? ((JSON.parse(await readFile(path.join(ROOT, 'bench/results.json'), 'utf8').catch(() => '{}')) as Partial<Results>).sizes ?? []).filter((r) => !sizes.includes(r.items))
    : [];
  runs.push(...earlier);
  // The worker comparison is short: measure it first, so a long run that is stopped still has it.
  workers = await benchWorkers();
  await save(resultsOf(workers));
  for (const items of sizes) {
    const done = runs.length;
    runs.push(await benchSize(items, (partial) => save(resultsOf(workers, [...runs.slice(0, done), partial]))));
    runs.sort((a, b) => a.items - b.items);
    await save(resultsOf(workers));
  }
  const results = resultsOf(workers);
  await save(results);
  await report(results);
  log('wrote bench/results.json and docs/benchmarks.md');
}

/** Print the tables and rewrite docs/benchmarks.md from a run's results. */
async function report(results: Results) {
  const { machine, sizes: runs, pdfWorkers: workers } = results;
  const n = (x: number) => x.toLocaleString('en-GB');
  /** A cell, or a dash for a step the run did not reach. */
  const cell = <T>(value: T | undefined, show: (v: T) => string) => (value === undefined ? '–' : show(value));
  const time = (b?: BuildFigures) => cell(b, (v) => `${sec(v.ms)} s`);
  const table = [
    '| items | full build | pages/s | PDFs/s | peak RSS | no change | one item edited | one meeting added | output | search index | floor (pages + PDFs) | full ÷ floor | Eleventy alone |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.map(
      (r) =>
        `| ${n(r.items)} | ${time(r.full)} | ${cell(r.full, (f) => String(f.pagesPerSecond))} | ${cell(r.full, (f) => String(f.pdfsPerSecond))} | ${cell(r.full, (f) => `${f.rssMB} MB`)} | ` +
        `${time(r.noChange)} | ${time(r.editOne)} | ${time(r.addMeeting)} | ` +
        `${cell(r.output, (o) => `${o.bytesMB} MB (${n(o.pages)} pages, ${n(o.pdfs)} PDFs)`)} | ${cell(r.output, (o) => `${o.searchMB} MB`)} | ` +
        `${cell(r.floor, (f) => `${sec(f.ms)} s (${sec(f.pagesMs)} + ${sec(f.pdfMs)}), ${f.rssMB} MB`)} | ${cell(r.ratios, (x) => `${x.fullOverFloor}×`)} | ${cell(r.eleventy, (e) => `${sec(e.ms)} s, ${e.rssMB} MB`)} |`,
    ),
  ].join('\n');
  // Each target is judged at the size it names (else at the largest size measured, and said so).
  const largest = runs.at(-1)!;
  const sizeFor = (size: number) => runs.find((r) => r.items === size) ?? largest;
  const at = (r: SizeResult) => ` at ${n(r.items)} items`;
  const verdict = (size: number, r: SizeResult, measured: number | undefined, ok: (v: number) => boolean) =>
    r.items < size ? `not measured at ${size / 1000}k` : measured === undefined ? 'not reached' : ok(measured) ? 'yes' : 'no';
  const [ten, thirty] = [sizeFor(10_000), sizeFor(30_000)];
  const targets = [
    '| target (issue #6) | measured | met |',
    '|---|---|---|',
    `| full build ≤ 0.4× the floor (10k) | ${cell(ten.ratios, (x) => `${x.fullOverFloor}×${at(ten)}`)} | ${verdict(10_000, ten, ten.ratios?.fullOverFloor, (v) => v <= 0.4)} |`,
    `| one edited item up to date in ≤ 3 s (10k) | ${cell(ten.editOne, (e) => `${sec(e.ms)} s${at(ten)}`)} | ${verdict(10_000, ten, ten.editOne?.ms, (v) => v <= 3000)} |`,
    `| peak RSS ≤ 1.5 GB (30k) | ${cell(thirty.full, (f) => `${f.rssMB} MB${at(thirty)}`)} | ${verdict(30_000, thirty, thirty.full?.rssMB, (v) => v <= 1536)} |`,
    workers
      ? `| PDFs on 2 workers ≥ 1.8× 1 worker | ${workers.speedup}× (${sec(workers.one.stageMs)} s → ${sec(workers.two.stageMs)} s, ${n(workers.items)} items)${workerCeiling(workers)} | ${workers.speedup >= 1.8 ? 'yes' : 'no'} |`
      : '| PDFs on 2 workers ≥ 1.8× 1 worker | not measured | |',
  ].join('\n');
  // Where the time and memory go: each step of the full build and of the one-edit rebuild, per size.
  const stepNames = [...new Set(runs.flatMap((r) => [...(r.full?.steps ?? []), ...(r.editOne?.steps ?? [])].map((x) => x.name)))];
  const stepCell = (b: BuildFigures | undefined, name: string, memory: boolean) =>
    cell(
      b?.steps?.find((x) => x.name === name),
      (x) => `${sec(x.ms)} s${memory && x.peakMB !== undefined ? `, ${n(x.peakMB)} MB` : ''}`,
    );
  const steps = [
    `| step | ${runs.map((r) => `full build, ${n(r.items)} (time, peak memory after it)`).join(' | ')} | ${runs.map((r) => `one edit, ${n(r.items)}`).join(' | ')} |`,
    `|---|${runs.map(() => '---:|').join('')}${runs.map(() => '---:|').join('')}`,
    ...stepNames.map((name) => `| ${name} | ${runs.map((r) => stepCell(r.full, name, true)).join(' | ')} | ${runs.map((r) => stepCell(r.editOne, name, false)).join(' | ')} |`),
  ].join('\n');
  console.log(`\n${table}\n\n${targets}\n\n${steps}\n`);

  const perSize = runs
    .map((r) => `${n(r.items)} items: load average ${r.loadAverageAtStart} at its start${r.commit ? `, code at ${r.commit}` : ''}`)
    .join('; ');
  const doc = `# Benchmarks

\`npm run bench\` generates synthetic council archives (\`bench/generate.ts\`: ten committees on a rota,
1,500 items a year, 6–10 items a meeting, 300–900 words each, scrutiny → Cabinet → Full Council
references sharing an issue, about 8% of items in Welsh, 2% exempt, a few cancelled and scheduled
meetings) and measures, each in its own process:

- **full build**: \`minutebook build\` from an empty cache (pages, PDFs, search, open data);
- **floor**: \`bench/floor.ts\`, naive on purpose: gray-matter + markdown-it + a template literal per
  page, then a plain pdfkit loop on one core with the Noto Sans TTF registered for every PDF, one
  PDF per item (the build also writes each meeting's pack and a Welsh edition of every PDF under
  \`/cy/\`: compare the PDFs column with the items);
- **one item edited**: a rebuild after a sentence is added to one item's body;
- **Eleventy alone**: \`bench/eleventy-alone.ts\`, one Eleventy 3 template paginated over the items'
  front matter, one minimal page per item;
- **no change**: a rebuild with nothing changed (the build stamp, \`src/build/stamp.ts\`, finds
  nothing to do and no stage runs);
- **one meeting added**: a rebuild after a new meeting with 8 items is added;
- **PDF workers**: the PDF stage alone from an empty cache on 1 and on 2 worker threads
  (\`bench/pdf-workers.ts\`), over a ${n(workers?.items ?? WORKER_ITEMS)}-item archive, with the cores
  the 1-worker run kept busy (its process's CPU time over the stage's wall time). V8 collects
  garbage on threads of its own beside the worker, so one worker uses more than one core; if each of
  two needs as much, the machine's cores ÷ that (2 at most) is about what two workers can gain.

\`\`\`
npm run bench                           # 1,000 and 10,000 items
npm run bench -- --sizes 30000          # the 30k archive, opt-in
npm run bench -- --sizes 30000 --no-references --merge  # 30k without the floor and Eleventy alone
npm run bench -- --sizes 1000 --keep    # keep the generated folders in the temp directory
npm run bench -- --worker-items 2000    # items in the archive the PDF worker comparison renders
npm run bench -- --sizes 10000 --merge  # keep the other sizes already in bench/results.json
npm run bench -- --report               # rewrite this page from bench/results.json
\`\`\`

Figures go to \`bench/results.json\` (saved after every step, so a stopped run keeps what it
measured); this page is rewritten with the latest table. Pages counts every \`.html\` file written,
PDFs every \`.pdf\`; the search index is everything under \`/search/\`; peak RSS is read with
${machine.peakRss}. Bytes per query are not measured here: \`bench/search/run.ts\` measures them on
its own (docs/search.md). A dash is a step the run did not reach.

## Latest run (${results.date})

Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}, ${machine.platform}.
Load average at start ${machine.loadAverageAtStart.join(', ')} (1, 5, 15 min), at the end
${results.loadAverageAtEnd.join(', ')}; ${perSize}. The machine is shared with other work, so
compare the ratios (each measured side by side in one run) rather than the seconds.

${table}

${targets}

### Where the time and memory go

Each step as the build's log reports it, for the full build and the one-edit rebuild (the step's
wall time; for the full build, the process's peak memory after it, worker threads included).
Process start and the parts between steps make up the rest of each build's time.

${steps}
`;
  await writeFile(path.join(ROOT, 'docs/benchmarks.md'), doc);
}

// `--report` rewrites docs/benchmarks.md from bench/results.json without measuring again.
if (args.includes('--report')) await report(JSON.parse(await readFile(path.join(ROOT, 'bench/results.json'), 'utf8')) as Results);
else await measureAll();
