import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCouncil } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';

const INVALID = path.resolve(__dirname, '../fixtures/invalid');
const cases = readdirSync(INVALID).sort();

// Each folder under tests/fixtures/invalid/ is a content folder with one broken thing (or, in
// many-problems, several) and expected.txt: the exact `path:line: field: message` lines, paths
// relative to the folder, which is the working directory the clerk runs the command from.
describe('invalid content fixtures', () => {
  it.each(cases)('%s reports exactly the expected problems', async (name) => {
    const dir = path.join(INVALID, name);
    const expected = readFileSync(path.join(dir, 'expected.txt'), 'utf8').trim().split('\n');
    const { problems } = await loadCouncil(dir, { cwd: dir });
    expect(problems.map(formatProblem)).toEqual(expected);
  });

  it.each(cases.filter((c) => c !== 'unknown-key'))('%s yields no council', async (name) => {
    const dir = path.join(INVALID, name);
    const { council } = await loadCouncil(dir, { cwd: dir });
    expect(council).toBeUndefined();
  });

  it('reports an unknown key as a warning and still loads the council', async () => {
    const dir = path.join(INVALID, 'unknown-key');
    const { council, problems } = await loadCouncil(dir, { cwd: dir });
    expect(council).toBeDefined();
    expect(problems.map((p) => p.severity)).toEqual(['warning']);
  });

  it('reports every problem of a run at once, across files', async () => {
    const dir = path.join(INVALID, 'many-problems');
    const { problems } = await loadCouncil(dir, { cwd: dir });
    expect(new Set(problems.map((p) => p.file)).size).toBe(3);
    expect(problems.length).toBeGreaterThanOrEqual(6);
  });

  it('names paths relative to the working directory', async () => {
    const dir = path.join(INVALID, 'missing-title');
    const { problems } = await loadCouncil(dir, { cwd: path.resolve(__dirname, '../..') });
    expect(problems[0]!.file).toBe('tests/fixtures/invalid/missing-title/meetings/2025-01-14-cabinet/01-budget.md');
  });
});
