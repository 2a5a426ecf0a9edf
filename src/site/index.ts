import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildContext, OutputStage } from '../build/context.ts';
import { OutputMemory } from '../build/reuse.ts';
import { councilIn } from '../model/localise.ts';
import { siteLanguages } from '../model/queries.ts';
import { collectAfterRelease, collectIfOverBudget } from '../build/gc.ts';
import { setBuildContext, setPageLanguage, setPagePlan } from './handoff.ts';
import { shareNunjucksCompilation } from './nunjucks-cache.ts';
import { ContentKeys, pageKeys, RECORD_TEMPLATES, SINGLE_TEMPLATES, type KeyedPage, type PageSelection } from './page-keys.ts';
import { LAYOUTS_DIR, PUBLIC_DIR } from './paths.ts';
import minutebookPlugin from './plugin.ts';
import { listViews } from './views/lists.ts';

/**
 * Renders every HTML page with Eleventy from the layouts in layouts/: once per language of the
 * council, the Welsh pages under /cy/ (see docs/welsh.md). A page whose key (src/site/page-keys.ts)
 * is the one the live page was rendered from is taken over from the previous build instead, so an
 * edit renders only the pages it can change; a language with nothing to render runs no Eleventy.
 */
export interface PagesStageOptions {
  /**
   * Item, meeting and issue pages per Eleventy run. Eleventy keeps every page of a run in memory
   * until it has written them all, so a big archive renders in several runs of at most this many
   * record pages (the first run also renders the lists: see planRuns). Default:
   * MINUTEBOOK_PAGES_PER_RUN, else 4,000.
   */
  itemsPerRun?: number;
}

export function createPagesStage(options: PagesStageOptions = {}): OutputStage {
  const itemsPerRun = options.itemsPerRun ?? (Number(process.env.MINUTEBOOK_PAGES_PER_RUN) || 4000);
  return {
    name: 'pages',
    async run(ctx) {
      setBuildContext(ctx);
      const memory = OutputMemory.open(ctx, 'pages');
      try {
        publishPublicFiles(ctx, memory);
        // Every language's pages are made from the council as written: hash it once.
        const content = new ContentKeys(ctx.council);
        const sizes = new Map<string, string>();
        const layouts = readdirSync(LAYOUTS_DIR).filter((file) => file.endsWith('.njk'));
        for (const lang of siteLanguages(ctx.council.site)) {
          const council = councilIn(ctx.council, lang);
          const views = listViews(council, lang);
          const keys = pageKeys(council, lang, ctx, content, views, sizes);
          const selection: PageSelection = { items: [], meetings: [], issues: [], committees: [], registers: [] };
          const rendered: KeyedPage[] = [];
          const count = { records: 0, recordsReused: 0, lists: 0, listsReused: 0 };
          /** Take each unchanged page over; the others are rendered: `render(record)`. */
          const sort = <T>(pages: Map<T, KeyedPage>, kind: 'records' | 'lists', render: (record: T) => void) => {
            for (const [record, page] of pages) {
              if (memory.reuse(page.path, page.key)) count[kind === 'records' ? 'recordsReused' : 'listsReused']++;
              else {
                render(record);
                rendered.push(page);
                count[kind]++;
              }
            }
          };
          sort(keys.items, 'records', (item) => selection.items.push(item));
          sort(keys.meetings, 'records', (meeting) => selection.meetings.push(meeting));
          sort(keys.issues, 'records', (issue) => selection.issues.push(issue));
          sort(keys.committees, 'lists', (committee) => selection.committees.push(committee));
          sort(keys.registers, 'lists', (register) => selection.registers.push(register));
          const templates = new Set<string>();
          sort(keys.singles, 'lists', (template) => templates.add(template));
          for (const [records, template] of Object.entries(RECORD_TEMPLATES)) {
            if (selection[records as keyof PageSelection].length > 0) templates.add(template);
          }
          // A template that is not keyed (page-keys.ts) is rendered on every build.
          const keyed = new Set([...Object.keys(SINGLE_TEMPLATES), ...Object.values(RECORD_TEMPLATES)]);
          for (const file of layouts) if (!keyed.has(file)) templates.add(file);

          setPageLanguage(lang);
          let written = 0;
          const onPage = () => {
            ctx.progress(`pages (${lang})`, ++written, count.records);
            // Within a run too: V8 lets the heap grow to about twice what is alive between its own
            // collections, some 300 MB a run at 30,000 items. Under the budget this costs nothing.
            if (written % PAGES_PER_COLLECTION_CHECK === 0) collectIfOverBudget();
          };
          for (const run of planRuns(selection, templates, itemsPerRun)) {
            // What an earlier run (or stage) left is garbage now: collect it before this run makes more.
            collectAfterRelease();
            setPagePlan({ council, views, ...run, onPage });
            shareNunjucksCompilation();
            // Imported here, not at the top: a build that renders no page never loads Eleventy (most of a second).
            const { default: Eleventy } = await import('@11ty/eleventy');
            const eleventy = new Eleventy(LAYOUTS_DIR, ctx.outDir, { quietMode: true, configPath: NO_CONFIG_FILE, config: eleventyConfig });
            eleventy.disableLogger();
            await eleventy.write();
          }
          for (const page of rendered) memory.wrote(page.path, page.key);
          ctx.log(
            `pages (${lang}): ${count.records} item, meeting and issue pages and ${count.lists} lists rendered, ` +
              `${count.recordsReused} and ${count.listsReused} unchanged and reused`,
          );
        }
        memory.save();
      } finally {
        setBuildContext(undefined);
        setPageLanguage('en');
        setPagePlan(undefined);
      }
    },
  };
}

/** Record pages rendered between two checks of the heap against the build's budget (src/build/gc.ts). */
const PAGES_PER_COLLECTION_CHECK = 500;

/** What one Eleventy run renders: these records' pages and these templates (see PagePlan). */
export interface PageRun {
  selection: PageSelection;
  templates: Set<string>;
}

/** The record pages split between runs (the others are few: the first run renders them all). */
const SPLIT = ['items', 'meetings', 'issues'] as const;

/**
 * The Eleventy runs that render `selection` and `templates`: the first renders every page that is
 * not an item, meeting or issue page (the lists, committee and register pages, the one-page
 * templates), and item, meeting and issue pages are shared out, in that order, at most
 * `perRun` to a run. A run's memory grows with its pages, so a bigger archive makes more runs,
 * not bigger ones. No templates, no runs.
 */
export function planRuns(selection: PageSelection, templates: ReadonlySet<string>, perRun: number): PageRun[] {
  const split = new Set<string>(SPLIT.map((records) => RECORD_TEMPLATES[records]));
  let run: PageRun = {
    selection: { ...selection, items: [], meetings: [], issues: [] },
    templates: new Set([...templates].filter((template) => !split.has(template))),
  };
  const runs: PageRun[] = [];
  let room = Math.max(1, perRun);
  for (const records of SPLIT) {
    const all = selection[records];
    for (let start = 0; start < all.length; ) {
      if (room === 0) {
        runs.push(run);
        run = { selection: { items: [], meetings: [], issues: [], committees: [], registers: [] }, templates: new Set() };
        room = Math.max(1, perRun);
      }
      const part = all.slice(start, start + room);
      (run.selection[records] as unknown[]).push(...part);
      run.templates.add(RECORD_TEMPLATES[records]);
      start += part.length;
      room -= part.length;
    }
  }
  if (run.templates.size > 0) runs.push(run);
  return runs;
}

/**
 * Eleventy's configuration, given as a function rather than through .eleventy.js: the config file
 * loads the plugin through a tsx loader of its own, which Eleventy registered anew for each run
 * (a tenth of a second each), while this process already has the plugin loaded. The config file
 * also sets `htmlTemplateEngine`, which only applies to .html templates (layouts/ has none).
 */
function eleventyConfig(config: unknown): void {
  const user = config as { addPlugin(plugin: unknown): void; setIncludesDirectory(dir: string): void };
  user.setIncludesDirectory('_includes');
  user.addPlugin(minutebookPlugin);
}

/** Eleventy reads no config file when given an empty path. */
const NO_CONFIG_FILE = '';

/** Copy public/ (stylesheets, the default logo) to the site root, or take each file over when unchanged. */
function publishPublicFiles(ctx: BuildContext, memory: OutputMemory): void {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : entry.isFile() ? [path.join(dir, entry.name)] : []));
  for (const file of walk(PUBLIC_DIR)) {
    const rel = path.relative(PUBLIC_DIR, file).split(path.sep).join('/');
    const key = `public ${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
    if (memory.reuse(rel, key)) continue;
    const to = path.join(ctx.outDir, rel);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(file, to);
    memory.wrote(rel, key);
  }
}

/** The build's pages stage. */
export const pagesStage: OutputStage = createPagesStage();
