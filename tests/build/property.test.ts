import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { loadCouncil } from '../../src/content/load.ts';
import { KNOWN_KEYS } from '../../src/content/schemas.ts';
import { snapshot, stagingLeftovers } from '../helpers/tree.ts';

const BASE = path.resolve(__dirname, '../fixtures/invalid/unknown-key');
const MEETING = 'meetings/2025-01-14-cabinet';

const scalar = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2025-02-30', '2025-01-14', '14:00', 'minutes', 'reference', 'resolution', 'cabinet', '5a', 'javascript:alert(1)', '<script>x</script>', 'Gŵyl Ddewi'),
);
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('title', 'file', 'url', 'committee', 'date', 'minute', 'x'), tie('value'), { maxKeys: 3 })),
})).value;
const keys = fc.constantFrom(...KNOWN_KEYS.item, 'resloved', 'Title', 'x');

/** An item file: either well-formed YAML of arbitrary fields, or arbitrary text between the fences. */
const itemFile = fc.oneof(
  fc.tuple(fc.dictionary(keys, value, { maxKeys: 10 }), fc.string()).map(([data, body]) => `---\n${stringify(data)}---\n${body}`),
  fc.tuple(fc.string(), fc.string()).map(([yaml, body]) => `---\n${yaml}\n---\n${body}`),
  fc.string(),
);
const markdown = fc.array(
  fc.oneof(fc.string(), fc.constantFrom('# H', '| a | b |\n|---|--:|\n| 1 | 2 |', '- a\n  - b', '1. x', '> q', '***', '[l](javascript:x)', '<b>x</b>', '**b** _i_', 'Tŷ £5 – ŵ')),
  { maxLength: 8 },
).map((parts) => parts.join('\n\n'));
const validItem = fc
  .record({ title: fc.string({ minLength: 1 }), resolved: fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }), body: markdown, lang: fc.constantFrom('en', 'cy') })
  .map(({ title, resolved, body, lang }) => `---\n${stringify({ title, type: 'resolution', item: 1, resolved, lang })}---\n${body}`);

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'minutebook-prop-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function contentWith(file: string, n: number) {
  const dir = path.join(work, `content-${n}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(BASE, dir, { recursive: true });
  writeFileSync(path.join(dir, MEETING, '01-budget.md'), file);
  return dir;
}

describe('arbitrary content', () => {
  it('never crashes the loader: it yields a council or reports errors', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(itemFile, async (file) => {
        const { council, problems } = await loadCouncil(contentWith(file, n++ % 4));
        const errors = problems.filter((p) => p.severity === 'error');
        expect(council === undefined).toBe(errors.length > 0);
        for (const p of problems) expect(p.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('never leaves a partial output folder: it builds whole or leaves the old site as it was', async () => {
    const out = path.join(work, 'site');
    expect((await build({ contentDir: BASE, outDir: out, cacheDir: path.join(work, 'cache') })).ok).toBe(true);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(itemFile, validItem), async (file) => {
        const before = snapshot(out);
        const result = await build({ contentDir: contentWith(file, n++ % 4), outDir: out, cacheDir: path.join(work, 'cache') });
        expect(stagingLeftovers(work)).toEqual([]);
        if (result.ok) expect(Object.keys(snapshot(out))).toContain('index.html');
        else expect(snapshot(out)).toEqual(before);
      }),
      { numRuns: 12 },
    );
  });
});
