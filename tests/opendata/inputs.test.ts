import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSite } from '../helpers/live-site.ts';
import { snapshot } from '../helpers/tree.ts';
import { openInputMemory } from '../../src/opendata/kept.ts';

/**
 * OParl objects whose inputs did not change are taken over from the live site without being made
 * (src/opendata/kept.ts, src/opendata/oparl/inputs.ts). Real rebuilds of a copy of
 * tests/fixtures/valid: after a change to each kind of input, the objects made from it (and only
 * the objects of the meetings it touches) get new input keys and are made again, every file whose
 * bytes changed is among them, and the site is byte for byte the one a clean build makes. The
 * tests run in order, each from the site the one before built.
 */
const live = liveSite('minutebook-opendata-inputs-');
const site = live.out;

/** The input key of every open-data file made from known inputs, by URL, as the last build recorded. */
function inputKeys(): Map<string, string> {
  const keys = new Map([...openInputMemory(live.cache()).previous].map(([url, r]) => [url, r.key]));
  expect(keys.size).toBeGreaterThan(0);
  return keys;
}

/** `N taken over without being made` from the open-data log line. */
const notMade = (lines: string[]) => Number(/open data: .*\), (\d+) taken over without being made/.exec(lines.join('\n'))![1]);

const edit = (rel: string, change: (text: string) => string) => {
  const file = path.join(live.content, rel);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after, rel).not.toBe(before);
  writeFileSync(file, after);
};

const CABINET = '2026-10-27-cabinet';
const SOURCE = `${CABINET}/03-medium-term-financial-plan`;
const COUNCIL = '2026-12-10-full-council';
const REFERENCE = `${COUNCIL}/02-reference-medium-term-financial-plan`;
const HWRC = '2025-07-07-cabinet/03-hwrc-opening-hours';
const LIBRARY = '2025-06-12-scrutiny-communities/03-library-service-review';
const PLANNING = '2026-08-13-planning';
const o = (kind: string, key: string) => `/oparl/${kind}/${key}.json`;

/**
 * Rebuild after `change`; returns the URLs whose input key changed (made again) and checks that
 * every keyed file whose bytes changed is one of them, and that the site is what a clean build makes.
 */
async function rebuildAfter(change: () => void): Promise<{ made: Set<string>; lines: string[]; keys: Map<string, string> }> {
  const keysBefore = inputKeys();
  const before = snapshot(site());
  change();
  // Every stage runs, even with nothing changed: the open-data stage's own reuse is under test.
  const lines = await live.rebuild({ skipIfUnchanged: false });
  const keys = inputKeys();
  const made = new Set([...keys].filter(([url, key]) => keysBefore.get(url) !== key).map(([url]) => url));
  const after = snapshot(site());
  for (const url of keys.keys()) {
    const rel = url.slice(1);
    if (after[rel] !== before[rel]) expect(made.has(url), `${url} changed but kept its input key`).toBe(true);
  }
  expect(notMade(lines)).toBe(keys.size - made.size);
  expect(after).toEqual(await live.clean());
  return { made, lines, keys };
}

beforeAll(async () => {
  await live.setUp();
}, 180_000);
afterAll(() => live.tearDown());

describe('OParl objects and the sitemap made only when their inputs change', () => {
  it('makes none of them when nothing changed', async () => {
    const { made, keys } = await rebuildAfter(() => {});
    expect(keys.size).toBeGreaterThan(100);
    expect(made.size).toBe(0);
  }, 180_000);

  it('remakes the source paper in another meeting when a reference it is consulted at records a decision', async () => {
    const { made } = await rebuildAfter(() =>
      edit(`meetings/${REFERENCE}.md`, (t) => t.replace(/^item: 2$/m, 'item: 2\ndecision: Adopted as part of the budget framework.')),
    );
    const paper = JSON.parse(readFileSync(path.join(site(), o('paper', SOURCE).slice(1)), 'utf8'));
    const referral = paper.consultation.find((c: { role: string }) => c.role === 'referral');
    expect(referral.authoritative).toBe(true);
    for (const url of [o('paper', SOURCE), o('consultation', `${REFERENCE}/referral`), o('agenda-item', REFERENCE), o('meeting', COUNCIL), o('paper', REFERENCE)]) {
      expect(made, url).toContain(url);
    }
    // The source's own meeting did not change, nor did any other meeting.
    for (const url of [o('agenda-item', SOURCE), o('meeting', CABINET), o('meeting', '2025-07-07-cabinet'), o('agenda-item', HWRC)]) {
      expect(made, url).not.toContain(url);
    }
  }, 180_000);

  it('remakes a meeting group and its PDF File when an item title changes, and nothing of other meetings', async () => {
    const { made } = await rebuildAfter(() => edit(`meetings/${HWRC}.md`, (t) => t.replace('Seasonal Opening Hours', 'Summer Opening Hours')));
    const file = o('file', `meetings/${HWRC}.pdf`);
    for (const url of [o('agenda-item', HWRC), o('paper', HWRC), o('meeting', '2025-07-07-cabinet'), file]) expect(made, url).toContain(url);
    expect(JSON.parse(readFileSync(path.join(site(), file.slice(1)), 'utf8')).name).toContain('Summer Opening Hours');
    expect([...made].filter((u) => u.includes(CABINET) || u.includes(COUNCIL) || u.includes(PLANNING))).toEqual([]);
    // The library paper is consulted at this meeting (a reference of it), so it is made again; its meeting's objects are not.
    expect(made).toContain(o('paper', LIBRARY));
    expect(made).not.toContain(o('agenda-item', LIBRARY));
  }, 180_000);

  it('remakes the objects that describe a PDF when only its bytes change (an edit to the item text)', async () => {
    const { made } = await rebuildAfter(() => edit(`meetings/${HWRC}.md`, (t) => t.replace('a practical way', 'a sensible way')));
    for (const url of [o('file', `meetings/${HWRC}.pdf`), o('agenda-item', HWRC), o('paper', HWRC)]) expect(made, url).toContain(url);
    expect([...made].filter((u) => u.includes(CABINET) || u.includes(COUNCIL) || u.includes(PLANNING))).toEqual([]);
    expect(made).not.toContain(o('agenda-item', LIBRARY));
    // The same pages: the sitemap is taken over, not made.
    expect(made).not.toContain('/sitemap.xml');
  }, 180_000);

  it('remakes the File of an attachment whose bytes change, and the item that lists it', async () => {
    const csv = 'meetings/2025-06-12-scrutiny-communities/branch-usage-2022-2025.csv';
    const { made, keys } = await rebuildAfter(() => edit(csv, (t) => `${t}Total,0,0,0\n`));
    const files = [...keys.keys()].filter((u) => u.startsWith('/oparl/file/') && u.endsWith('.csv.json'));
    expect(files.length).toBe(1);
    for (const url of [files[0]!, o('agenda-item', LIBRARY), o('paper', LIBRARY)]) expect(made, url).toContain(url);
    expect([...made].filter((u) => u.includes(HWRC) || u.includes(CABINET))).toEqual([]);
  }, 180_000);

  it('remakes a meeting when its date changes', async () => {
    const { made } = await rebuildAfter(() => edit(`meetings/${PLANNING}/index.md`, (t) => t.replace('time: "10:00"', 'time: "14:30"').replace('date: 2026-08-13', 'date: 2026-08-20')));
    const meeting = JSON.parse(readFileSync(path.join(site(), o('meeting', PLANNING).slice(1)), 'utf8'));
    expect(meeting.start).toMatch(/^2026-08-20T14:30/);
    expect(made).toContain(o('meeting', PLANNING));
    expect([...made].filter((u) => u.includes(HWRC) || u.includes(CABINET))).toEqual([]);
  }, 180_000);

  it('remakes the meetings of a committee whose name changes, and no others', async () => {
    const { made } = await rebuildAfter(() => edit('committees/cabinet.md', (t) => t.replace(/^name: Cabinet$/m, 'name: The Cabinet')));
    for (const url of [o('meeting', CABINET), o('meeting', '2025-07-07-cabinet'), o('file', `meetings/${CABINET}/${CABINET}.pdf`)]) expect(made, url).toContain(url);
    const meeting = JSON.parse(readFileSync(path.join(site(), o('meeting', CABINET).slice(1)), 'utf8'));
    expect(meeting.name).toMatch(/^The Cabinet, /);
    // (Full Council's meeting is made again too: its reference's PDF names the committee it came from.)
    expect([...made].filter((u) => u.includes(PLANNING) || u.includes('2025-06-12'))).toEqual([
      // Consulted at the cabinet meeting of 2025-07-07 (its reference), so made again.
      o('paper', LIBRARY),
    ]);
  }, 180_000);

  it('makes a new meeting and the list pages, but not the other meetings of its committee', async () => {
    const NEW = '2027-01-14-planning';
    const { made } = await rebuildAfter(() => {
      mkdirSync(path.join(live.content, 'meetings', NEW));
      writeFileSync(path.join(live.content, 'meetings', NEW, 'index.md'), '---\ncommittee: planning\ndate: 2027-01-14\ntime: "10:00"\nstatus: scheduled\n---\n');
    });
    expect(made).toContain(o('meeting', NEW));
    expect(made).toContain('/oparl/lists/meeting/1.json');
    expect(made).not.toContain(o('meeting', PLANNING));
    // The new meeting's pages are in the sitemap.
    expect(made).toContain('/sitemap.xml');
    expect(readFileSync(path.join(site(), 'sitemap.xml'), 'utf8')).toContain(`/meetings/${NEW}/`);
    expect([...made].filter((u) => !u.startsWith('/oparl/lists/') && !u.includes(NEW) && u !== '/sitemap.xml')).toEqual([]);
  }, 180_000);

  it('remakes every object when base_url changes', async () => {
    const { made, keys } = await rebuildAfter(() => edit('site.yml', (t) => t.replace('https://papers.example.org', 'https://minutes.example.org')));
    expect(made.size).toBe(keys.size);
    expect(readFileSync(path.join(site(), o('meeting', CABINET).slice(1)), 'utf8')).toContain('https://minutes.example.org/');
    expect(keys.has('/sitemap.xml')).toBe(true);
    expect(readFileSync(path.join(site(), 'sitemap.xml'), 'utf8')).toContain('<loc>https://minutes.example.org/</loc>');
  }, 180_000);
});
