/**
 * The open-data stage on a real build of tests/fixtures/valid (every stage, as `minutebook build`
 * runs them), with every open-data file read back by real parsers.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { loadCouncil } from '../../src/content/load.ts';
import type { Council } from '../../src/model/types.ts';
import { openDataStage } from '../../src/opendata/index.ts';
import { committeesJson, itemsJson, manifestJson, meetingsJson } from '../../src/opendata/schemas.ts';

const FIXTURE = path.resolve('tests/fixtures/valid');
/** Words only the exempt item's body, decision and resolutions hold. */
const EXEMPT_TEXT = ['Zephyrine', '1,385,000', 'Glan Morfa', 'best consideration'];

let root: string;
let site: string;
const buildLog: string[] = [];
const read = (rel: string) => readFile(path.join(site, rel), 'utf8');

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await listFiles(path.join(dir, e.name), `${prefix}/${e.name}`)));
    else out.push(`${prefix}/${e.name}`);
  }
  return out.sort();
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'minutebook-opendata-'));
  site = path.join(root, 'site');
  const result = await build({ contentDir: FIXTURE, outDir: site, log: (line) => buildLog.push(line) });
  expect(result.ok).toBe(true);
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('open data of a built fixture council', () => {
  it('lists every published file in the manifest with the sha256 and size of its bytes', async () => {
    const manifest = manifestJson.parse(JSON.parse(await read('api/manifest.json')));
    const onDisk = (await listFiles(site)).filter((f) => f !== '/api/manifest.json');
    expect(manifest.files.map((f) => f.path)).toEqual(onDisk);
    for (const f of manifest.files) {
      const bytes = await readFile(path.join(site, f.path));
      expect({ path: f.path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual(f);
    }
  });

  it('gives each PDF an OParl File whose size and checksums match the published bytes and the manifest', async () => {
    const manifest = manifestJson.parse(JSON.parse(await read('api/manifest.json')));
    const pdf = manifest.files.find((f) => f.path === '/meetings/2026-10-27-cabinet/03-medium-term-financial-plan.pdf')!;
    const file = JSON.parse(await read('oparl/file/meetings/2026-10-27-cabinet/03-medium-term-financial-plan.pdf.json'));
    const bytes = await readFile(path.join(site, pdf.path));
    expect(file).toMatchObject({
      size: pdf.size,
      sha256Checksum: pdf.sha256,
      sha512Checksum: createHash('sha512').update(bytes).digest('hex'),
      mimeType: 'application/pdf',
    });
  });

  it('writes JSON that matches the documented schemas', async () => {
    const items = itemsJson.parse(JSON.parse(await read('api/items.json')));
    expect(items.length).toBe(24);
    meetingsJson.parse(JSON.parse(await read('api/meetings.json')));
    committeesJson.parse(JSON.parse(await read('api/committees.json')));
  });

  it('writes a decisions CSV that a CSV parser reads, Welsh letters intact', async () => {
    const rows: Record<string, string>[] = parseCsv(await read('api/decisions.csv'), { bom: true, columns: true });
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.some((r) => r.title!.includes('Gŵyl Ddewi'))).toBe(true);
  });

  it('writes feeds that are well-formed and parse as Atom', async () => {
    const feeds = (await listFiles(path.join(site, 'feeds'))).map((f) => `feeds${f}`);
    expect(feeds).toContain('feeds/decisions.xml');
    expect(feeds).toContain('feeds/issues/gwyl-ddewi-2027.xml');
    for (const f of feeds) {
      const xml = await read(f);
      expect(XMLValidator.validate(xml), f).toBe(true);
      expect(parseFeed(xml).meta.type, f).toBe('atom');
    }
    expect(await read('feeds/decisions.xml')).toContain('Gŵyl Ddewi');
  });

  it('writes calendars that ical.js reads, in the right zone either side of the clock change', async () => {
    const ics = await read('calendar/meetings.ics');
    const vcalendar = new ICAL.Component(ICAL.parse(ics));
    ICAL.TimezoneService.register(new ICAL.Timezone(vcalendar.getFirstSubcomponent('vtimezone')!));
    const events = new Map(
      vcalendar.getAllSubcomponents('vevent').map((v) => {
        const e = new ICAL.Event(v);
        return [e.uid.split('@')[0]!.replace(/^meeting-/, ''), e] as const;
      }),
    );
    expect(events.size).toBe(8);
    expect(events.get('2026-10-27-cabinet')!.startDate.toJSDate().toISOString()).toBe('2026-10-27T10:00:00.000Z');
    expect(events.get('2025-07-07-cabinet')!.startDate.toJSDate().toISOString()).toBe('2025-07-07T13:00:00.000Z');
    expect(events.get('2026-08-13-planning')!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    for (const f of await listFiles(path.join(site, 'calendar'))) {
      const each = new ICAL.Component(ICAL.parse(await read(`calendar${f}`)));
      expect(each.name, f).toBe('vcalendar');
    }
  });

  it('names the sitemap in robots.txt and lists the built pages in it', async () => {
    expect(await read('robots.txt')).toContain('Sitemap: https://papers.example.org/sitemap.xml');
    const sitemap = await read('sitemap.xml');
    expect(sitemap).toContain('<loc>https://papers.example.org/meetings/2026-10-27-cabinet/</loc>');
  });

  it('never publishes an exempt item’s text in any file but a PDF (whose streams are compressed)', async () => {
    const files = (await listFiles(site)).filter((f) => !f.endsWith('.pdf'));
    expect(files.filter((f) => f.startsWith('/oparl/')).length).toBeGreaterThan(50);
    for (const f of files) {
      const text = await read(f);
      for (const secret of EXEMPT_TEXT) expect(text.includes(secret), `${secret} in ${f}`).toBe(false);
    }
    expect(await read('api/items.json')).toContain('Disposal of Land at the Former Highways Depot, Aberllys');
  });

  it('overwrites no file that an earlier stage wrote', () => {
    expect(buildLog.filter((line) => line.includes('open data: replaced'))).toEqual([]);
  });

  it('writes the same bytes when run again on the same output', async () => {
    const before = await read('api/manifest.json');
    const { council } = await loadCouncil(FIXTURE);
    await openDataStage.run({ council: council!, contentDir: FIXTURE, outDir: site, cacheDir: root, log: () => {}, progress: () => {}, assets: new Map() });
    expect(await read('api/manifest.json')).toBe(before);
  });

  it('skips feeds, calendars, OParl and the sitemap, saying why, when the site has no base URL', async () => {
    const { council } = await loadCouncil(FIXTURE);
    const bare: Council = { ...council!, site: { ...council!.site, baseUrl: undefined } };
    const out = path.join(root, 'bare');
    const log: string[] = [];
    await openDataStage.run({ council: bare, contentDir: FIXTURE, outDir: out, cacheDir: root, log: (l) => log.push(l), progress: () => {}, assets: new Map() });
    expect(log.join('\n')).toMatch(/not published: .*base_url/);
    expect(await listFiles(out)).toEqual([
      '/api/committees.json',
      '/api/decisions.csv',
      '/api/items.json',
      '/api/manifest.json',
      '/api/meetings.json',
      '/robots.txt',
    ]);
  });
});
