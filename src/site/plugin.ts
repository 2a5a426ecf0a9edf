import path from 'node:path';
import { renderHtml } from '../markdown/markdown.ts';
import { indexOf } from '../model/queries.ts';
import { longDate, clockTime } from './filters/dates.ts';
import { getBuildContext } from './handoff.ts';
import { PUBLIC_DIR } from './paths.ts';

/* Eleventy's config API is untyped JavaScript; this is the part we use. */
interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (...args: any[]) => unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  setTemplateFormats(formats: string[]): void;
  setQuietMode(quiet: boolean): void;
}

/**
 * The Minutebook Eleventy plugin: the council model and the build's assets as global data,
 * the filters templates use, and public/ copied to the site root. Pages live in layouts/.
 */
export default function minutebookPlugin(config: EleventyConfig): void {
  const ctx = getBuildContext();
  if (!ctx) throw new Error('Run Eleventy through `minutebook build`, which reads and validates content/ first');
  const { council } = ctx;
  const index = indexOf(council);
  config.setQuietMode(true);
  config.setTemplateFormats(['njk']);
  config.addPassthroughCopy({ [path.relative(process.cwd(), PUBLIC_DIR) || '.']: '/' });
  config.addGlobalData('council', council);
  config.addGlobalData('assets', Object.fromEntries(ctx.assets));
  config.addFilter('markdown', (source: string) => renderHtml(source ?? ''));
  config.addFilter('longDate', (iso: string) => longDate(iso));
  config.addFilter('clockTime', (hhmm: string) => clockTime(hhmm));
  config.addFilter('committee', (slug: string) => index.committee(slug));
  config.addFilter('meeting', (slug: string) => index.meeting(slug));
  config.addFilter('item', (id: string) => index.item(id));
  config.addFilter('itemsOf', (meetingSlug: string) => index.itemsOf(index.meeting(meetingSlug)));
}
