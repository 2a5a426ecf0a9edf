import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { snapshot, stagingLeftovers } from '../helpers/tree.ts';

const VALID = path.resolve(__dirname, '../fixtures/valid');
const INVALID = path.resolve(__dirname, '../fixtures/invalid');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) }, out, err };
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'minutebook-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('minutebook command', () => {
  it('exits 2 with the usage for an unknown command', async () => {
    const { io, err } = capture();
    expect(await main(['publish'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/unknown command "publish"[\s\S]*Usage:/);
  });

  it('exits 2 for an unknown option', async () => {
    const { io } = capture();
    expect(await main(['build', '--outt', 'x'], io)).toBe(2);
  });

  it('exits 2 when no command is given', async () => {
    const { io } = capture();
    expect(await main([], io)).toBe(2);
  });

  it('check exits 0 on valid content and builds nothing', async () => {
    const { io, out } = capture();
    expect(await main(['check', '--content', VALID], io)).toBe(0);
    expect(out.join('\n')).toMatch(/is valid: 5 committees, 8 meetings, 24 items/);
  });

  it('check summarises the items that lack a translation, without failing', async () => {
    const { io, out } = capture();
    expect(await main(['check', '--content', VALID], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Translations: 22 of 24 items have no Welsh version/);
    expect(out.join('\n')).toMatch(/Translations: 1 of 24 items have no English version[^]*03-gwyl-ddewi-2027\.md/);
    // Six meetings have notes, one of them in Welsh too; every committee has terms of reference, the Cabinet's in Welsh too.
    const notes = out.find((l) => l.startsWith('Translations: 5 meetings have notes with no Welsh version (add index.cy.md beside each index.md):'));
    expect(notes).toBeDefined();
    expect(notes).not.toMatch(/2026-08-13-planning/);
    const terms = out.find((l) => l.startsWith('Translations: 4 committees have terms of reference with no Welsh version'));
    expect(terms).toBeDefined();
    expect(terms).not.toMatch(/cabinet\.md/);
    expect(out.join('\n')).not.toMatch(/have (notes|terms of reference) with no English version/);
  });

  it('check exits 1 and prints every problem as path:line: field: message', async () => {
    const { io, err } = capture();
    expect(await main(['check', '--content', path.join(INVALID, 'many-problems')], io)).toBe(1);
    const lines = err.filter((l) => /^\S+:\d+: /.test(l));
    expect(lines).toHaveLength(6);
    expect(lines.join('\n')).toMatch(/index\.md:3: date: 2025-13-01 is not a real date/);
  });

  it('build exits 1 on bad content and leaves the previous site exactly as it was', async () => {
    const out = path.join(work, 'site');
    const { io } = capture();
    expect(await main(['build', '--quiet', '--content', VALID, '--out', out], io)).toBe(0);
    const before = snapshot(out);
    expect(Object.keys(before)).toContain('index.html');

    const broken = path.join(work, 'broken');
    cpSync(VALID, broken, { recursive: true });
    writeFileSync(path.join(broken, 'meetings/2025-07-07-cabinet/index.md'), '---\ncommittee: cabinet\ndate: 2025-02-30\n---\n');
    const failed = capture();
    expect(await main(['build', '--content', broken, '--out', out], failed.io)).toBe(1);
    expect(failed.err.join('\n')).toMatch(/index\.md:3: date: 2025-02-30 is not a real date[\s\S]*was left as it was/);
    expect(snapshot(out)).toEqual(before);
    expect(stagingLeftovers(work)).toEqual([]);
  });

  it('build ends once the new site is live, deleting the replaced one in the background', async () => {
    const out = path.join(work, 'twice', 'site');
    const { io } = capture();
    expect(await main(['build', '--quiet', '--content', VALID, '--out', out], io)).toBe(0);
    const first = snapshot(out);
    expect(await main(['build', '--quiet', '--content', VALID, '--out', out], io)).toBe(0);
    expect(snapshot(out)).toEqual(first);
    // The detached process removes the replaced tree soon after.
    for (let i = 0; i < 100 && stagingLeftovers(path.dirname(out)).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(stagingLeftovers(path.dirname(out))).toEqual([]);
  });

  it('build writes the site to --out', async () => {
    const out = path.join(work, 'fresh');
    const { io } = capture();
    expect(await main(['build', '--quiet', '--content', VALID, '--out', out], io)).toBe(0);
    expect(existsSync(path.join(out, 'meetings/2025-07-07-cabinet/index.html'))).toBe(true);
  });
});
