import { readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { IANAZone } from 'luxon';
import type { Committee, Council, OpenItem, Site } from '../model/types.ts';
import { urls } from '../model/urls.ts';
import { isInside } from '../build/output.ts';
import { findContentFiles } from './files.ts';
import { parseYaml } from './frontmatter.ts';
import { ParseCache } from './parse-cache.ts';
import { Problems, type Problem } from './problems.ts';
import { lineOf, type FileKind, type FileRecord } from './records.ts';
import { KNOWN_KEYS, siteSchema, type CommitteeData, type ItemData, type MeetingData, type TranslationData } from './schemas.ts';
import type { TranslationFile } from './files.ts';
import { slugify } from './values.ts';
import { suggestion, validate } from './validate.ts';
import { assembleCouncil, type LoadedItem, type LoadedMeeting } from './assemble.ts';

export interface LoadOptions {
  /** Problems name files relative to this folder (default: the working directory). */
  cwd?: string;
  progress?: (done: number, total: number) => void;
  /**
   * The build's cache folder: each file's parse and validation is kept there (parse-cache.ts), keyed
   * by its bytes, so a rebuild parses only the files that changed. The result is the same with or
   * without it.
   */
  cacheDir?: string;
}

export interface LoadResult {
  /** The council, when there are no errors (warnings allowed). */
  council?: Council;
  /** Every error and warning, sorted by file and line. */
  problems: Problem[];
  /** Markdown files read, and how many of them were parsed rather than taken from the parse cache. */
  files: { read: number; parsed: number };
}

/** Read and validate a content folder into the council model, collecting every problem on the way. */
export async function loadCouncil(contentDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const root = path.resolve(contentDir);
  const cwd = options.cwd ?? process.cwd();
  const shownPath = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || '.';
  // A file (not a folder, which may hold the working directory) as shown is its folder as shown,
  // then its name: one path.relative per folder rather than per file.
  const shownDirs = new Map<string, string>();
  const shown = (file: string) => {
    const dir = path.dirname(file);
    let dirShown = shownDirs.get(dir);
    if (dirShown === undefined) shownDirs.set(dir, (dirShown = shownPath(dir)));
    return dirShown === '.' ? path.basename(file) : `${dirShown}/${path.basename(file)}`;
  };
  const problems = new Problems();
  const files = await findContentFiles(root);
  const cache = ParseCache.open(options.cacheDir);
  const read = (kind: FileKind, file: string, fileShown: string) => readContentFile(cache, kind, file, fileShown, problems);

  const site = await loadSite(files.site, shown(files.site), problems);

  const committees = new Map<string, Committee>();
  /** Each committee by its file, for the versions beside it in other languages. */
  const committeeOfFile = new Map<string, Committee>();
  for (const file of files.committees) {
    const parsed = read('committee', file, shown(file));
    const data = parsed.data as CommitteeData | undefined;
    const slug = slugify(path.basename(file, '.md'));
    if (!data) continue;
    if (committees.has(slug)) {
      problems.error(shown(file), 1, 'file name', `gives the slug "${slug}", already used by ${committees.get(slug)!.sourcePath} (expected a unique file name)`);
      continue;
    }
    const committee: Committee = {
      slug,
      name: data.name,
      ...(data.name_cy !== undefined && { nameCy: data.name_cy }),
      category: data.category,
      termsOfReference: parsed.body,
      url: urls.committee(slug),
      meetings: [],
      sourcePath: shown(file),
    };
    committees.set(slug, committee);
    committeeOfFile.set(file, committee);
  }
  for (const t of files.committeeTranslations) {
    const fileShown = shown(t.file);
    const words = readText(t, fileShown, 'terms of reference', read, problems);
    if (words === undefined) continue;
    const original = path.join(path.dirname(t.file), t.of);
    const committee = committeeOfFile.get(original);
    if (!committee) {
      // The committee's own file may have failed validation (already reported) or not exist at all.
      if (!files.committees.includes(original)) {
        problems.error(fileShown, 1, 'file name', `translates ${t.of}, which is not in the committees folder (expected ${t.of} beside it)`);
      }
      continue;
    }
    committee.translations = { ...committee.translations, [t.lang]: { termsOfReference: words, sourcePath: fileShown } };
  }

  const meetings: LoadedMeeting[] = [];
  const meetingBySlug = new Map<string, string>();
  let done = 0;
  const total = files.meetings.reduce((n, m) => n + 1 + m.items.length + m.translations.length + m.indexTranslations.length, 0);
  for (const folder of files.meetings) {
    done += 1 + folder.items.length + folder.translations.length + folder.indexTranslations.length;
    options.progress?.(done, total);
    const folderShown = shownPath(folder.dir);
    const slug = slugify(folder.folder);
    if (!folder.index) {
      problems.error(`${folderShown}/index.md`, 1, 'index.md', 'missing (every meeting folder needs an index.md with at least committee and date)');
      continue;
    }
    const indexShown = shown(folder.index);
    if (!slug) {
      problems.error(indexShown, 1, 'folder', `"${folder.folder}" gives an empty URL (expected a folder name such as 2025-01-14-cabinet)`);
      continue;
    }
    const other = meetingBySlug.get(slug);
    if (other !== undefined) {
      problems.error(indexShown, 1, 'folder', `has the same URL ${urls.meeting(slug)} as ${other} (expected a unique folder name)`);
      continue;
    }
    meetingBySlug.set(slug, folderShown);
    const parsed = read('meeting', folder.index, indexShown);
    const data = parsed.data as MeetingData | undefined;
    // Check the committee even when another field is wrong, so every problem is reported at once.
    if (parsed.committee !== undefined) checkCommittee(parsed.committee, committees, parsed, ['committee'], indexShown, problems);
    const items = await loadItems(root, folder.items, slug, shown, read, committees, problems);
    await loadTranslations(folder.translations, items, shown, read, problems);
    const translations: NonNullable<LoadedMeeting['translations']> = {};
    for (const t of folder.indexTranslations) {
      const fileShown = shown(t.file);
      const words = readText(t, fileShown, 'notes', read, problems);
      if (words !== undefined) translations[t.lang] = { notes: words, sourcePath: fileShown };
    }
    if (data) meetings.push({ slug, data, notes: parsed.body, sourcePath: indexShown, items, ...(Object.keys(translations).length > 0 && { translations }) });
  }
  cache.save();
  const counts = { read: cache.reads, parsed: cache.misses };

  if (site && problems.errors.length === 0) {
    const council = assembleCouncil(site, [...committees.values()], meetings, problems);
    return { council: problems.errors.length === 0 ? council : undefined, problems: problems.sorted(), files: counts };
  }
  return { problems: problems.sorted(), files: counts };
}

async function loadSite(file: string, fileShown: string, problems: Problems): Promise<Site | undefined> {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    problems.error(fileShown, 1, 'site.yml', 'missing (every content folder needs a site.yml with at least the council\'s name)');
    return undefined;
  }
  const parsed = parseYaml(source);
  const data = validate(siteSchema, parsed, fileShown, KNOWN_KEYS.site, problems);
  if (!data) return undefined;
  if (!IANAZone.isValidZone(data.timezone)) {
    problems.error(fileShown, parsed.lineOf(['timezone']), 'timezone', `"${data.timezone}" is not a time zone (expected an IANA zone such as Europe/London)`);
    return undefined;
  }
  if (data.logo !== undefined) {
    const logo = path.resolve(path.dirname(file), data.logo);
    if (!(await isFileInside(logo, path.dirname(file)))) {
      problems.error(fileShown, parsed.lineOf(['logo']), 'logo', `${data.logo} does not exist (expected an image file inside the content folder)`);
      return undefined;
    }
  }
  return {
    name: data.name,
    ...(data.name_cy !== undefined && { nameCy: data.name_cy }),
    ...(data.base_url !== undefined && { baseUrl: data.base_url }),
    timezone: data.timezone,
    ...(data.colour !== undefined && { colour: data.colour.toLowerCase() }),
    ...(data.logo !== undefined && { logo: urls.file(path.posix.normalize(data.logo.split(path.sep).join('/'))) }),
  };
}

/** A Markdown file read through the parse cache, its validation problems recorded. */
interface ContentFile extends FileRecord {
  body: string;
}

function readContentFile(cache: ParseCache, kind: FileKind, file: string, fileShown: string, problems: Problems): ContentFile {
  const { record, body } = cache.read(kind, file);
  for (const p of record.problems) problems.list.push({ file: fileShown, ...p });
  (record as ContentFile).body = body;
  return record as ContentFile;
}

function checkCommittee(
  slug: string,
  committees: Map<string, Committee>,
  parsed: ContentFile,
  at: PropertyKey[],
  file: string,
  problems: Problems,
): boolean {
  if (committees.has(slug)) return true;
  const known = [...committees.keys()];
  problems.error(
    file,
    lineOf(parsed.lines, at),
    at.join('.'),
    `"${slug}" is not a committee${suggestion(slug, known) || ` (expected one of: ${known.join(', ') || 'none — add content/committees/<slug>.md'})`}`,
  );
  return false;
}

async function isFileInside(file: string, root: string): Promise<boolean> {
  if (!isInside(root, file)) return false;
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

async function loadItems(
  root: string,
  files: string[],
  meetingSlug: string,
  shown: (file: string) => string,
  read: (kind: FileKind, file: string, fileShown: string) => ContentFile,
  committees: Map<string, Committee>,
  problems: Problems,
): Promise<LoadedItem[]> {
  const items: LoadedItem[] = [];
  const bySlug = new Map<string, string>();
  const byNumber = new Map<string, string>();
  for (const file of files) {
    const fileShown = shown(file);
    const base = path.basename(file, '.md');
    const slug = slugify(base);
    const parsed = read('item', file, fileShown);
    if (!parsed.hasFrontMatter) {
      problems.error(fileShown, 1, 'front matter', 'missing (expected the file to start with a --- line, fields such as title, type and item, then ---)');
      continue;
    }
    const data = parsed.data as ItemData | undefined;
    if (parsed.committee !== undefined) checkCommittee(parsed.committee, committees, parsed, ['referred_from', 'committee'], fileShown, problems);
    if (!slug || slug === meetingSlug) {
      problems.error(fileShown, 1, 'file name', `"${base}" cannot be an item's URL (expected a name such as 05-budget.md, unlike the folder's)`);
      continue;
    }
    const sameSlug = bySlug.get(slug);
    if (sameSlug !== undefined) {
      problems.error(fileShown, 1, 'file name', `has the same URL as ${sameSlug} (expected a unique file name in the meeting)`);
      continue;
    }
    bySlug.set(slug, fileShown);
    if (!data) continue;
    const sameNumber = byNumber.get(data.item);
    if (sameNumber !== undefined) {
      problems.error(fileShown, lineOf(parsed.lines, ['item']), 'item', `${data.item} is also the number of ${sameNumber} (expected a number unique within the meeting)`);
      continue;
    }
    byNumber.set(data.item, fileShown);
    const attachments = await loadAttachments(root, file, data, parsed, fileShown, problems);
    items.push({ slug, fileName: path.basename(file), data, body: parsed.body, sourcePath: fileShown, lines: parsed.lines, attachments, translations: {} });
  }
  return items;
}

/** Attach each `<item>.cy.md` to its `<item>.md`, checking it translates an item in another language. */
async function loadTranslations(
  files: TranslationFile[],
  items: LoadedItem[],
  shown: (file: string) => string,
  read: (kind: FileKind, file: string, fileShown: string) => ContentFile,
  problems: Problems,
) {
  const byFile = new Map(items.map((i) => [i.fileName, i]));
  for (const t of files) {
    const fileShown = shown(t.file);
    const parsed = read('translation', t.file, fileShown);
    const data = parsed.data as TranslationData | undefined;
    const original = byFile.get(t.of);
    if (!original) {
      // The original may have failed validation (already reported) or not exist at all.
      if (!items.length || !(await exists(path.join(path.dirname(t.file), t.of)))) {
        problems.error(fileShown, 1, 'file name', `translates ${t.of}, which is not in this meeting folder (expected ${t.of} beside it)`);
      }
      continue;
    }
    if (!data) continue;
    if (original.data.lang === t.lang) {
      problems.error(fileShown, 1, 'file name', `is a ${t.lang} version of ${t.of}, which is already written in ${t.lang} (expected a version in another language)`);
      continue;
    }
    if (data.item !== undefined && data.item !== original.data.item) {
      problems.error(fileShown, lineOf(parsed.lines, ['item']), 'item', `${data.item} differs from ${original.data.item} in ${t.of} (expected the same number, or leave it out)`);
      continue;
    }
    original.translations[t.lang] = { data, body: parsed.body, sourcePath: fileShown };
  }
}

/**
 * The body of `index.cy.md` or `<committee>.cy.md` (what: the words it gives, for messages), or
 * undefined when the file is wrong. Those texts are written in English, so the version must be in
 * another language.
 */
function readText(t: TranslationFile, fileShown: string, what: string, read: (kind: FileKind, file: string, fileShown: string) => ContentFile, problems: Problems): string | undefined {
  if (t.lang === 'en') {
    problems.error(fileShown, 1, 'file name', `is an English version of ${t.of}, whose ${what} are written in English (expected a version in another language, such as ${path.basename(t.of, '.md')}.cy.md)`);
    return undefined;
  }
  const parsed = read('text', t.file, fileShown);
  return parsed.data === undefined ? undefined : parsed.body;
}

async function exists(file: string) {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function loadAttachments(root: string, file: string, data: ItemData, parsed: ContentFile, fileShown: string, problems: Problems) {
  const attachments: OpenItem['attachments'] = [];
  for (const [i, a] of data.attachments.entries()) {
    if (a.url !== undefined) {
      attachments.push({ title: a.title, url: a.url, kind: 'link' });
      continue;
    }
    const source = path.resolve(path.dirname(file), a.file!);
    if (!(await isFileInside(source, root))) {
      problems.error(fileShown, lineOf(parsed.lines, ['attachments', i, 'file']), `attachments[${i}].file`, `${a.file} does not exist (expected a file inside the content folder, relative to this file's folder)`);
      continue;
    }
    const relative = path.relative(root, source).split(path.sep).join('/');
    attachments.push({ title: a.title, url: urls.file(relative), kind: 'file', size: statSync(source).size, source });
  }
  return attachments;
}

