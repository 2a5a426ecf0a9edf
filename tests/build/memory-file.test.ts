import { appendFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readMemoryFile, saveMemoryFile } from '../../src/build/memory-file.ts';

const HEADER = 'test memory 1';
const dirs: string[] = [];
const memoryPath = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'minutebook-memory-file-'));
  dirs.push(dir);
  return path.join(dir, 'memory.tsv');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Records named `a0`, `a1`, …, each with key `k`. */
const records = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`a${i}`, `k\t${i}\ta${i}`]));
const read = (file: string) => readMemoryFile(file, HEADER, 3);
/** Records kept as their lines. */
const asLine = (_name: string, line: string) => line;
const save = (file: string, next: Map<string, string>) => saveMemoryFile(file, HEADER, 3, read(file), next, asLine);
const journal = (file: string) => `${file}.log`;

describe('a memory file updated in part', () => {
  it('writes a first memory whole, and a rebuild with no change writes nothing', () => {
    const file = memoryPath();
    save(file, records(100));
    expect(read(file).records).toEqual(records(100));
    expect(existsSync(journal(file))).toBe(false);
    const before = statSync(file);
    save(file, records(100));
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(existsSync(journal(file))).toBe(false);
  });

  it('appends a few changes to a journal, leaving the file alone, and reads them back over it', () => {
    const file = memoryPath();
    save(file, records(1000));
    const text = readFileSync(file, 'utf8');
    const next = records(1000);
    next.set('a5', 'changed\t5\ta5');
    next.delete('a7');
    next.set('new\tname', 'k\t0\tnew\tname');
    save(file, next);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(read(file).records).toEqual(next);
    expect(read(file).journalLines).toBe(3);

    // A second batch goes after the first.
    const third = new Map(next);
    third.set('a5', 'again\t5\ta5');
    third.set('a7', 'k\t7\ta7');
    save(file, third);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(read(file).records).toEqual(third);
    expect(read(file).journalLines).toBe(5);
  });

  it('writes the file whole again, and drops the journal, once the journal grows past an eighth of the records', () => {
    const file = memoryPath();
    /** The first `n` of 1,000 records with their key prefixed. */
    const changed = (prefix: string, n: number) => new Map([...records(1000)].map(([name, line], i) => [name, i < n ? `${prefix}${line}` : line]));
    save(file, records(1000));
    save(file, changed('b', 100));
    expect(read(file).journalLines).toBe(100);
    save(file, changed('c', 100));
    expect(read(file).journalLines).toBe(0);
    expect(existsSync(journal(file))).toBe(false);
    expect(readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('ck\t'))).toHaveLength(100);
  });

  it('leaves out a batch cut short, keeps the ones before it, and drops it from the journal at the next save', () => {
    const file = memoryPath();
    save(file, records(1000));
    const first = records(1000).set('a1', 'one\t1\ta1');
    save(file, first);
    // A journal damaged after its first batch (a disk that lost its end, say): lines without their closing line.
    appendFileSync(journal(file), '+two\t2\ta2\n-a3\n');
    expect(read(file).records).toEqual(first);
    const next = new Map(first).set('a4', 'four\t4\ta4');
    save(file, next);
    expect(readFileSync(journal(file), 'utf8')).not.toContain('two');
    expect(read(file).records).toEqual(next);
    expect(read(file).journalLines).toBe(2);
  });

  it('leaves two saves from one read as the second left it, not a mix of both', () => {
    const file = memoryPath();
    save(file, records(1000));
    const stored = read(file);
    saveMemoryFile(file, HEADER, 3, stored, records(1000).set('a2', 'first\t2\ta2'), asLine);
    saveMemoryFile(file, HEADER, 3, stored, records(1000).set('a3', 'second\t3\ta3'), asLine);
    expect(read(file).records).toEqual(records(1000).set('a3', 'second\t3\ta3'));
  });

  it('keeps no line whose last field is not the name it is kept under', () => {
    const file = memoryPath();
    save(file, new Map([...records(3), ['a9', 'k\t9\tother'], ['a\n8', 'k\t8\ta\n8']]));
    expect(read(file).records).toEqual(records(3));
  });

  it('leaves out a batch whose lines do not match its hash', () => {
    const file = memoryPath();
    save(file, records(1000));
    save(file, records(1000).set('a1', 'one\t1\ta1'));
    writeFileSync(journal(file), readFileSync(journal(file), 'utf8').replace('one', 'two'));
    expect(read(file).records).toEqual(records(1000));
  });

  it('leaves out a journal that continues another version of the file', () => {
    const file = memoryPath();
    save(file, records(1000));
    save(file, records(1000).set('a1', 'one\t1\ta1'));
    // The file written whole again with the same size (say by an older build), the journal left beside it.
    const text = readFileSync(file, 'utf8');
    writeFileSync(`${file}.new`, text.replace('k\t5\ta5', 'j\t5\ta5'));
    renameSync(`${file}.new`, file);
    expect(statSync(file).size).toBe(Buffer.byteLength(text));
    expect(read(file).records).toEqual(records(1000).set('a5', 'j\t5\ta5'));
    // Deleted, with the journal left: nothing is remembered.
    rmSync(file);
    expect(read(file).records.size).toBe(0);
  });

  it('trusts nothing of a file under another header or with a damaged line', () => {
    const file = memoryPath();
    writeFileSync(file, 'other 1\nk\t1\ta1\n');
    expect(read(file).records.size).toBe(0);
    writeFileSync(file, `${HEADER}\nk\t1\ta1\nk\n`);
    expect(read(file).records.size).toBe(0);
  });
});
