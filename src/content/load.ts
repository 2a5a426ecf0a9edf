import { readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { IANAZone } from 'luxon';
import type { Committee, Council, OpenItem, Site } from '../model/types.ts';
import { urls } from '../model/urls.ts';
import { findContentFiles } from './files.ts';
import { parseMarkdownFile, parseYaml, type ParsedYaml } from './frontmatter.ts';
import { Problems, type Problem } from './problems.ts';
import { committeeSchema, itemSchema, KNOWN_KEYS, meetingSchema, siteSchema, translationSchema, type ItemData } from './schemas.ts';
import type { TranslationFile } from './files.ts';
import { slugify } from './values.ts';
import { suggestion, validate } from './validate.ts';
import { assembleCouncil, type LoadedItem, type LoadedMeeting } from './assemble.ts';

export interface LoadResult {
  /** The council, when there are no errors (warnings allowed). */
  council?: Council;
  /** Every error and warning, sorted by file and line. */
  problems: Problem[];
}

/** Read and validate a content folder into the council model, collecting every problem on the way. */
export async function loadCouncil(contentDir: string, options: { cwd?: string; progress?: (done: number, total: number) => void } = {}): Promise<LoadResult> {
  const root = path.resolve(contentDir);
  const cwd = options.cwd ?? process.cwd();
  const shown = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || '.';
  const problems = new Problems();
  const files = await findContentFiles(root);

  const site = await loadSite(files.site, shown(files.site), problems);

  const committees = new Map<string, Committee>();
  for (const file of files.committees) {
    const parsed = parseMarkdownFile(readFileSync(file, 'utf8'));
    const data = validate(committeeSchema, parsed, shown(file), KNOWN_KEYS.committee, problems);
    const slug = slugify(path.basename(file, '.md'));
    if (!data) continue;
    if (committees.has(slug)) {
      problems.error(shown(file), 1, 'file name', `gives the slug "${slug}", already used by ${committees.get(slug)!.sourcePath} (expected a unique file name)`);
      continue;
    }
    committees.set(slug, {
      slug,
      name: data.name,
      ...(data.name_cy !== undefined && { nameCy: data.name_cy }),
      category: data.category,
      termsOfReference: parsed.body,
      url: urls.committee(slug),
      meetings: [],
      sourcePath: shown(file),
    });
  }

  const meetings: LoadedMeeting[] = [];
  const meetingBySlug = new Map<string, string>();
  let done = 0;
  const total = files.meetings.reduce((n, m) => n + 1 + m.items.length + m.translations.length, 0);
  for (const folder of files.meetings) {
    done += 1 + folder.items.length + folder.translations.length;
    options.progress?.(done, total);
    const folderShown = shown(folder.dir);
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
    const parsed = parseMarkdownFile(readFileSync(folder.index, 'utf8'));
    const data = validate(meetingSchema, parsed, indexShown, KNOWN_KEYS.meeting, problems);
    // Check the committee even when another field is wrong, so every problem is reported at once.
    const committee = (parsed.data as { committee?: unknown } | undefined)?.committee;
    if (typeof committee === 'string') checkCommittee(committee, committees, parsed, ['committee'], indexShown, problems);
    const items = await loadItems(root, folder.items, slug, shown, committees, problems);
    await loadTranslations(folder.translations, items, shown, problems);
    if (data) meetings.push({ slug, data, notes: parsed.body, sourcePath: indexShown, items });
  }

  if (site && problems.errors.length === 0) {
    const council = assembleCouncil(site, [...committees.values()], meetings, problems);
    return { council: problems.errors.length === 0 ? council : undefined, problems: problems.sorted() };
  }
  return { problems: problems.sorted() };
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

function checkCommittee(
  slug: string,
  committees: Map<string, Committee>,
  parsed: ParsedYaml,
  at: PropertyKey[],
  file: string,
  problems: Problems,
): boolean {
  if (committees.has(slug)) return true;
  const known = [...committees.keys()];
  problems.error(
    file,
    parsed.lineOf(at),
    at.join('.'),
    `"${slug}" is not a committee${suggestion(slug, known) || ` (expected one of: ${known.join(', ') || 'none — add content/committees/<slug>.md'})`}`,
  );
  return false;
}

async function isFileInside(file: string, root: string): Promise<boolean> {
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
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
    const parsed = parseMarkdownFile(readFileSync(file, 'utf8'));
    if (!parsed.hasFrontMatter) {
      problems.error(fileShown, 1, 'front matter', 'missing (expected the file to start with a --- line, fields such as title, type and item, then ---)');
      continue;
    }
    const data = validate(itemSchema, parsed, fileShown, KNOWN_KEYS.item, problems, {
      referred_from: KNOWN_KEYS.referred_from,
      attachments: KNOWN_KEYS.attachment,
    });
    const from = (parsed.data as { referred_from?: { committee?: unknown } } | undefined)?.referred_from?.committee;
    if (typeof from === 'string') checkCommittee(from, committees, parsed, ['referred_from', 'committee'], fileShown, problems);
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
      problems.error(fileShown, parsed.lineOf(['item']), 'item', `${data.item} is also the number of ${sameNumber} (expected a number unique within the meeting)`);
      continue;
    }
    byNumber.set(data.item, fileShown);
    const attachments = await loadAttachments(root, file, data, parsed, fileShown, problems);
    items.push({ slug, fileName: path.basename(file), data, body: parsed.body, sourcePath: fileShown, parsed, attachments, translations: {} });
  }
  return items;
}

/** Attach each `<item>.cy.md` to its `<item>.md`, checking it translates an item in another language. */
async function loadTranslations(files: TranslationFile[], items: LoadedItem[], shown: (file: string) => string, problems: Problems) {
  const byFile = new Map(items.map((i) => [i.fileName, i]));
  for (const t of files) {
    const fileShown = shown(t.file);
    const parsed = parseMarkdownFile(readFileSync(t.file, 'utf8'));
    const data = validate(translationSchema, parsed, fileShown, KNOWN_KEYS.translation, problems);
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
      problems.error(fileShown, parsed.lineOf(['item']), 'item', `${data.item} differs from ${original.data.item} in ${t.of} (expected the same number, or leave it out)`);
      continue;
    }
    original.translations[t.lang] = { data, body: parsed.body, sourcePath: fileShown };
  }
}

async function exists(file: string) {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function loadAttachments(root: string, file: string, data: ItemData, parsed: ParsedYaml, fileShown: string, problems: Problems) {
  const attachments: OpenItem['attachments'] = [];
  for (const [i, a] of data.attachments.entries()) {
    if (a.url !== undefined) {
      attachments.push({ title: a.title, url: a.url, kind: 'link' });
      continue;
    }
    const source = path.resolve(path.dirname(file), a.file!);
    if (!(await isFileInside(source, root))) {
      problems.error(fileShown, parsed.lineOf(['attachments', i, 'file']), `attachments[${i}].file`, `${a.file} does not exist (expected a file inside the content folder, relative to this file's folder)`);
      continue;
    }
    const relative = path.relative(root, source).split(path.sep).join('/');
    attachments.push({ title: a.title, url: urls.file(relative), kind: 'file', size: statSync(source).size, source });
  }
  return attachments;
}

