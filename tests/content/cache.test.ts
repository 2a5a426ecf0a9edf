import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCouncil, type LoadResult } from '../../src/content/load.ts';
import { PARSE_CACHE_FILE } from '../../src/content/parse-cache.ts';
import { formatProblem } from '../../src/content/problems.ts';

// The parse cache (src/content/parse-cache.ts) must never change what a read gives: every test
// edits a real copy of the fixture council, then reads it with the cache kept from earlier reads
// and without any cache, and compares the two whole (model and problems, key order included).

const VALID = path.resolve(__dirname, '../fixtures/valid');
const INVALID = path.resolve(__dirname, '../fixtures/invalid');
const FILES = 40; // Markdown files in tests/fixtures/valid (the Welsh notes and terms of reference among them)

let work: string;
let content: string;
let cacheDir: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'minutebook-parse-cache-'));
  content = path.join(work, 'content');
  cacheDir = path.join(work, 'cache');
  cpSync(VALID, content, { recursive: true });
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

const file = (relative: string) => path.join(content, relative);
const edit = (relative: string, change: (text: string) => string) => {
  const before = readFileSync(file(relative), 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(file(relative), after);
};
const cached = () => loadCouncil(content, { cwd: content, cacheDir });
const clean = () => loadCouncil(content, { cwd: content });
const cacheFile = () => path.join(cacheDir, PARSE_CACHE_FILE);

/** The same council and problems, key for key and in the same order. */
function expectSame(withCache: LoadResult, without: LoadResult) {
  expect(withCache.council).toStrictEqual(without.council);
  expect(withCache.problems).toStrictEqual(without.problems);
  expect(JSON.stringify(withCache.council)).toBe(JSON.stringify(without.council));
}

/** Fill the cache, and check the next read takes every file from it. */
async function warm() {
  const first = await cached();
  expect(first.files).toEqual({ read: FILES, parsed: FILES });
  const second = await cached();
  expect(second.files).toEqual({ read: FILES, parsed: 0 });
  expectSame(second, first);
  return second;
}

describe('the parse cache', () => {
  it('gives the same council as a clean read, parsing nothing the second time', async () => {
    const second = await warm();
    const without = await clean();
    expect(without.files).toEqual({ read: FILES, parsed: FILES });
    expect(without.problems).toEqual([]);
    expectSame(second, without);
  });

  it('leaves the cache file alone when nothing changed', async () => {
    await warm();
    const before = readFileSync(cacheFile());
    const mtime = statSync(cacheFile()).mtimeMs;
    await cached();
    expect(readFileSync(cacheFile())).toEqual(before);
    expect(statSync(cacheFile()).mtimeMs).toBe(mtime);
  });

  it('parses only an edited file, and reads its new text', async () => {
    await warm();
    edit('meetings/2025-07-07-cabinet/03-hwrc-opening-hours.md', (t) => t.replace(/^title: .*$/m, 'title: Opening hours, edited').concat('\nAn added sentence.\n'));
    const withCache = await cached();
    expect(withCache.files).toEqual({ read: FILES, parsed: 1 });
    const item = withCache.council!.items.find((i) => i.id === '2025-07-07-cabinet/03-hwrc-opening-hours')!;
    expect(item.title).toBe('Opening hours, edited');
    expect(!item.exempt && item.body.endsWith('An added sentence.\n')).toBe(true);
    expectSame(withCache, await clean());
    // And the cache now holds the edit.
    expect((await cached()).files.parsed).toBe(0);
  });

  it('reads an added file and forgets a deleted one', async () => {
    await warm();
    const added = 'meetings/2026-08-13-planning/01-apologies.md';
    cpSync(file('meetings/2025-07-07-cabinet/01-apologies.md'), file(added));
    edit(added, (t) => t.replace(/^minute: .*$/m, 'minute: P100'));
    const withAdded = await cached();
    expect(withAdded.files).toEqual({ read: FILES + 1, parsed: 1 });
    expect(withAdded.council!.items.some((i) => i.id === '2026-08-13-planning/01-apologies')).toBe(true);
    expectSame(withAdded, await clean());

    rmSync(file(added));
    rmSync(file('meetings/2026-10-27-cabinet/03-medium-term-financial-plan.md'));
    const lines = readFileSync(cacheFile(), 'utf8').split('\n').length;
    const withDeleted = await cached();
    expect(withDeleted.files).toEqual({ read: FILES - 1, parsed: 0 });
    expect(withDeleted.council!.items.some((i) => i.id === '2026-08-13-planning/01-apologies')).toBe(false);
    expectSame(withDeleted, await clean());
    // The records of files gone are dropped from the cache.
    expect(readFileSync(cacheFile(), 'utf8').split('\n').length).toBe(lines - 2);
  });

  it('reports an error brought into a cached file, with its file and line', async () => {
    await warm();
    edit('meetings/2025-07-07-cabinet/02-reference-library-service-review.md', (t) => t.replace('key_decision: true', 'key_decision: maybe'));
    const withCache = await cached();
    expect(withCache.files.parsed).toBe(1);
    expect(withCache.council).toBeUndefined();
    expect(withCache.problems.map(formatProblem)).toEqual([
      'meetings/2025-07-07-cabinet/02-reference-library-service-review.md:13: key_decision: "maybe" is the wrong kind of value (expected true or false)',
    ]);
    expectSame(withCache, await clean());
  });

  it('gives the lines of cross-file problems in files it did not parse again', async () => {
    await warm();
    // Only the meetings' index files change: the items whose call-in deadline and referral are
    // now wrong come from the cache, and their problems must still name the right lines.
    edit('meetings/2026-03-31-cabinet/index.md', (t) => t.replace('date: 2026-03-31', 'date: 2026-04-30'));
    edit('meetings/2025-06-12-scrutiny-communities/index.md', (t) => t.replace('date: 2025-06-12', 'date: 2025-06-13'));
    const withCache = await cached();
    expect(withCache.files.parsed).toBe(2);
    const shown = withCache.problems.map(formatProblem);
    expect(shown).toContain(
      'meetings/2026-03-31-cabinet/02-ty-hamdden-community-asset-transfer.md:10: call_in_deadline: 2026-04-09 is before the meeting on 2026-04-30 (expected a date on or after the meeting)',
    );
    expect(shown).toContain(
      'meetings/2025-07-07-cabinet/02-reference-library-service-review.md:10: warning: referred_from: no scrutiny-communities meeting on 2025-06-12 in the content, so the reference is shown without a link',
    );
    expectSame(withCache, await clean());
  });

  it('reads a corrupt, truncated or foreign cache file as no cache, and writes a good one again', async () => {
    const first = await warm();
    const good = readFileSync(cacheFile());
    const damaged = [
      Buffer.from('not a cache at all'),
      good.subarray(0, good.length - 40),
      Buffer.concat([good.subarray(0, good.length - 30), Buffer.from('X'), good.subarray(good.length - 29)]),
      Buffer.from(good.toString('utf8').replace(/^(\S+) (\S+) /, '$1 0123456789abcdef ')),
      Buffer.alloc(0),
    ];
    for (const bytes of damaged) {
      writeFileSync(cacheFile(), bytes);
      const read = await cached();
      expect(read.files).toEqual({ read: FILES, parsed: FILES });
      expectSame(read, first);
      expect(readFileSync(cacheFile())).toEqual(good);
    }
  });

  it('does not let a changed record in the cache file pass (checksum)', async () => {
    await warm();
    const text = readFileSync(cacheFile(), 'utf8');
    const changed = text.replace(/"title":"[^"]+"/, '"title":"Something else"');
    expect(changed).not.toBe(text);
    writeFileSync(cacheFile(), changed);
    const read = await cached();
    expect(read.files.parsed).toBe(FILES);
    expect(read.council!.items.some((i) => i.title === 'Something else')).toBe(false);
  });

  it('still reads when the cache folder cannot be written', async () => {
    writeFileSync(path.join(work, 'not-a-folder'), '');
    const read = await loadCouncil(content, { cwd: content, cacheDir: path.join(work, 'not-a-folder') });
    expect(read.files.parsed).toBe(FILES);
    expectSame(read, await clean());
    expect(readdirSync(work).sort()).toEqual(['content', 'not-a-folder']);
  });

  it('reads a byte-order mark, CRLF line ends and bytes that are not UTF-8 as a clean read does', async () => {
    const crlf = 'meetings/2025-07-07-cabinet/03-hwrc-opening-hours.md';
    writeFileSync(file(crlf), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(readFileSync(file(crlf), 'utf8').replace(/\n/g, '\r\n'))]));
    const broken = 'meetings/2026-03-31-cabinet/04-urgent-business.md';
    // A lone continuation byte in the body, and a cut-off sequence at the very end.
    writeFileSync(file(broken), Buffer.concat([readFileSync(file(broken)), Buffer.from([0x0a, 0x80, 0x41, 0x0a, 0xe2, 0x80])]));
    await cached();
    const withCache = await cached();
    expect(withCache.files.parsed).toBe(0);
    const without = await clean();
    expectSame(withCache, without);
    // The bodies are the text after the front matter, decoded as Node decodes the whole file.
    const bodyOf = (id: string) => {
      const item = without.council!.items.find((i) => i.id === id)!;
      return item.exempt ? undefined : item.body;
    };
    const text = (relative: string, close: string) => {
      const all = readFileSync(file(relative), 'utf8');
      return all.slice(all.indexOf(close, 4) + close.length);
    };
    expect(bodyOf('2026-03-31-cabinet/04-urgent-business')).toBe(text(broken, '\n---\n'));
    expect(bodyOf('2026-03-31-cabinet/04-urgent-business')!.endsWith('\n\ufffdA\n\ufffd')).toBe(true);
    expect(bodyOf('2025-07-07-cabinet/03-hwrc-opening-hours')).toBe(text(crlf, '\r\n---\r\n'));
  });

  it('gives two files with the same bytes their own objects', async () => {
    cpSync(file('meetings/2025-07-07-cabinet'), file('meetings/2025-07-08-cabinet'), { recursive: true });
    await cached();
    const read = await cached();
    expect(read.files.parsed).toBe(0);
    const [a, b] = ['2025-07-07-cabinet', '2025-07-08-cabinet'].map((m) => read.council!.items.find((i) => i.id === `${m}/03-hwrc-opening-hours`)!);
    expect(a!.exempt || b!.exempt).toBe(false);
    if (a!.exempt || b!.exempt) return;
    expect(b!.resolved).toEqual(a!.resolved);
    expect(b!.resolved).not.toBe(a!.resolved);
    expectSame(read, await clean());
  });
});

describe('the invalid fixtures through the parse cache', () => {
  const cases = readdirSync(INVALID).sort();
  it.each(cases)('%s reports exactly the expected problems, cached or not', async (name) => {
    const dir = path.join(INVALID, name);
    const expected = readFileSync(path.join(dir, 'expected.txt'), 'utf8').trim().split('\n');
    const first = await loadCouncil(dir, { cwd: dir, cacheDir });
    const second = await loadCouncil(dir, { cwd: dir, cacheDir });
    expect(second.files.parsed).toBe(0);
    expect(second.problems.map(formatProblem)).toEqual(expected);
    expectSame(second, first);
    expectSame(second, await loadCouncil(dir, { cwd: dir }));
    expect(existsSync(path.join(dir, '.minutebook-cache'))).toBe(false);
  });
});
