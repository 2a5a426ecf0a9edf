import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { snapshot } from '../helpers/tree.ts';

// One end-to-end build of the fixture council through the real pipeline: loader, Eleventy pages,
// PDFs, search, open data. What each output looks like in detail is tested beside its own code;
// this checks the spine: every URL exists, nothing unsafe or exempt leaks, and rebuilds are identical.
const VALID = path.resolve(__dirname, '../fixtures/valid');
let work: string;
let site: string;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function pdfText(file: string): Promise<{ text: string; title: unknown; pages: number }> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += `${content.items.map((it) => ('str' in it ? it.str : '')).join(' ')}\n`;
  }
  const { info } = await doc.getMetadata();
  const pages = doc.numPages;
  await doc.destroy();
  return { text, title: (info as Record<string, unknown>).Title, pages };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'minutebook-e2e-'));
  site = path.join(work, 'site');
  const result = await build({ contentDir: VALID, outDir: site, cacheDir: path.join(work, 'cache') });
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a full build of the fixture council', () => {
  it('writes a page for every kind of URL', () => {
    for (const url of [
      'index.html',
      '404.html',
      'committees/cabinet/index.html',
      'meetings/2025-07-07-cabinet/index.html',
      'meetings/2025-07-07-cabinet/02-reference-library-service-review/index.html',
      'issues/library-service-review/index.html',
      'decisions/index.html',
      'search/index.html',
    ]) {
      expect(existsSync(path.join(site, url)), url).toBe(true);
    }
  });

  it('writes a PDF beside every agenda item page, carrying the item title, in the language of its words', async () => {
    // Written in Welsh only: its one PDF is the Welsh one, which the English page links to as well.
    expect(existsSync(path.join(site, 'meetings/2026-10-08-scrutiny-communities/03-gwyl-ddewi-2027.pdf'))).toBe(false);
    const pdf = path.join(site, 'cy/meetings/2026-10-08-scrutiny-communities/03-gwyl-ddewi-2027.pdf');
    const { text, title } = await pdfText(pdf);
    expect(title).toMatch(/Gŵyl Ddewi/);
    expect(text).toMatch(/Gŵyl/);
    expect(text).toMatch(/Nhŷ Hamdden/);
    const page = readFileSync(path.join(site, 'meetings/2026-10-08-scrutiny-communities/03-gwyl-ddewi-2027/index.html'), 'utf8');
    expect(page).toMatch(/<a class="file-link" href="\/cy\/meetings\/2026-10-08-scrutiny-communities\/03-gwyl-ddewi-2027\.pdf" hreflang="cy">[^<]*<\/a> <span class="file-link__size">\(PDF in Welsh, [\d.]+ KB\)<\/span>/);
    const items = readdirSync(path.join(site, 'meetings/2026-10-27-cabinet')).filter((f) => f.endsWith('.pdf'));
    expect(items).toEqual(expect.arrayContaining(['01-apologies.pdf', '05-disposal-of-land-aberllys-depot.pdf', '2026-10-27-cabinet.pdf']));
  });

  it('links Welsh pages to Welsh pages everywhere, breadcrumbs included (the Welsh run reads its own model)', () => {
    const page = readFileSync(path.join(site, 'cy/meetings/2025-07-07-cabinet/02-reference-library-service-review/index.html'), 'utf8');
    const crumbs = [...page.matchAll(/<li class="breadcrumbs__item"><a href="([^"]+)"/g)].map((m) => m[1]!);
    expect(crumbs.length).toBeGreaterThan(1);
    for (const href of crumbs) expect(href).toMatch(/^\/cy\//);
  });

  it('publishes /api/items.json with one object per item and site-relative URLs', () => {
    const items = JSON.parse(readFileSync(path.join(site, 'api/items.json'), 'utf8')) as Record<string, unknown>[];
    expect(items).toHaveLength(24);
    const reference = items.find((i) => i.url === '/meetings/2025-07-07-cabinet/02-reference-library-service-review/')!;
    expect(reference).toMatchObject({
      type: 'reference',
      committee: 'cabinet',
      date: '2025-07-07',
      meeting: '2025-07-07-cabinet',
      minute: '503',
      issue: 'library-service-review',
      pdf: '/meetings/2025-07-07-cabinet/02-reference-library-service-review.pdf',
      key_decision: true,
    });
    expect(reference.referred_from).toMatchObject({ committee: 'scrutiny-communities', date: '2025-06-12', minute: '473' });
  });

  it('never lets an exempt item\'s text reach any output file, PDFs included', async () => {
    for (const file of files(site)) {
      if (file.endsWith('.pdf')) continue;
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/zephyrine/i);
    }
    const { text } = await pdfText(path.join(site, 'meetings/2026-10-27-cabinet/05-disposal-of-land-aberllys-depot.pdf'));
    expect(text).toMatch(/Schedule 12A/);
    expect(text).not.toMatch(/zephyrine/i);
    const pack = await pdfText(path.join(site, 'meetings/2026-10-27-cabinet/2026-10-27-cabinet.pdf'));
    expect(pack.text).not.toMatch(/zephyrine/i);
  });

  it('turns no content text into markup: no raw HTML, scripts, handlers or javascript: links', () => {
    const page = readFileSync(path.join(site, 'meetings/2026-03-31-cabinet/04-urgent-business/index.html'), 'utf8');
    expect(page).toContain('&lt;script&gt;alert(');
    for (const file of files(site).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toMatch(/<script>alert|<img src="?x|<b>Chief/i);
      expect(html, file).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i); // an event handler inside a real tag
      expect(html, file).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    }
  });

  it('gives byte-identical output when the same content is built again', async () => {
    const again = path.join(work, 'again');
    await build({ contentDir: VALID, outDir: again, cacheDir: path.join(work, 'cache-2') });
    expect(snapshot(again)).toEqual(snapshot(site));
  }, 300_000);
});
