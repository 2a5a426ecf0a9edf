import { readdirSync } from 'node:fs';
import path from 'node:path';
import { LANGS, type Lang } from '../model/types.ts';

const TRANSLATION = new RegExp(`^(.+)\\.(${LANGS.join('|')})\\.md$`);

/** What a content folder holds, by role, in a stable (sorted) order. */
export interface ContentFiles {
  site: string;
  committees: string[];
  /** `<committee>.cy.md` beside `<committee>.md`: its terms of reference in another language. */
  committeeTranslations: TranslationFile[];
  /**
   * Meeting folders, each with its index.md (if present), item files, versions of items in other
   * languages, and `index.cy.md`: the meeting's notes in another language.
   */
  meetings: { folder: string; dir: string; index?: string; items: string[]; translations: TranslationFile[]; indexTranslations: TranslationFile[] }[];
}

/** `<item>.cy.md` (or `.en.md`) beside `<item>.md`: that item (or meeting's notes, or committee's terms of reference) in another language. */
export interface TranslationFile {
  file: string;
  /** File name of the file it translates, e.g. 05-budget.md */
  of: string;
  lang: Lang;
}

async function list(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

const isMarkdown = (name: string) => name.endsWith('.md') && !name.startsWith('.');

/** The file `name` in `dir` as a version of another in another language, if its name says it is one. */
function translationOf(dir: string, name: string): TranslationFile | undefined {
  const match = TRANSLATION.exec(name);
  return match ? { file: path.join(dir, name), of: `${match[1]}.md`, lang: match[2] as Lang } : undefined;
}

/** Find the site file, committee files and meeting folders under a content folder. */
export async function findContentFiles(contentDir: string): Promise<ContentFiles> {
  const committeesDir = path.join(contentDir, 'committees');
  const meetingsDir = path.join(contentDir, 'meetings');
  const committees: string[] = [];
  const committeeTranslations: TranslationFile[] = [];
  for (const e of await list(committeesDir)) {
    if (!e.isFile() || !isMarkdown(e.name)) continue;
    const translation = translationOf(committeesDir, e.name);
    if (translation) committeeTranslations.push(translation);
    else committees.push(path.join(committeesDir, e.name));
  }
  const meetings: ContentFiles['meetings'] = [];
  for (const entry of await list(meetingsDir)) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dir = path.join(meetingsDir, entry.name);
    const files = (await list(dir)).filter((e) => e.isFile() && isMarkdown(e.name));
    const translations: TranslationFile[] = [];
    const indexTranslations: TranslationFile[] = [];
    const items: string[] = [];
    for (const f of files) {
      const translation = translationOf(dir, f.name);
      if (translation) (translation.of === 'index.md' ? indexTranslations : translations).push(translation);
      else if (f.name !== 'index.md') items.push(path.join(dir, f.name));
    }
    meetings.push({
      folder: entry.name,
      dir,
      index: files.some((f) => f.name === 'index.md') ? path.join(dir, 'index.md') : undefined,
      items,
      translations,
      indexTranslations,
    });
  }
  return { site: path.join(contentDir, 'site.yml'), committees, committeeTranslations, meetings };
}
