import { describe, expect, it } from 'vitest';
import { manifestFile } from '../../src/opendata/manifest.ts';
import { digestOf } from '../../src/opendata/digest.ts';
import { manifestJson } from '../../src/opendata/schemas.ts';

describe('/api/manifest.json', () => {
  it('lists files sorted by path, one a line, leaving itself out', () => {
    const text = manifestFile(
      new Map([
        ['/b.pdf', digestOf('b')],
        ['/api/manifest.json', digestOf('old manifest')],
        ['/a/index.html', digestOf('a')],
      ]),
    ).toString('utf8');
    const manifest = manifestJson.parse(JSON.parse(text));
    expect(manifest.files.map((f) => f.path)).toEqual(['/a/index.html', '/b.pdf']);
    expect(manifest.files[0]).toEqual({ path: '/a/index.html', size: 1, sha256: 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb' });
    expect(text.split('\n').filter((l) => l.includes('"path"'))).toHaveLength(2);
  });

  it('writes each entry as JSON.stringify would, a path with quotes, backslashes and Welsh letters escaped alike', () => {
    const paths = ['/a "quoted" name.pdf', '/back\\slash/index.html', '/cy/gŵyl-ddewi/index.html', '/tab\there.txt'];
    const text = manifestFile(new Map(paths.map((p, i) => [p, digestOf('x'.repeat(i))]))).toString('utf8');
    const entries = text.split('\n').filter((l) => l.includes('"path"'));
    const expected = [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((p) => {
      const { size, sha256 } = digestOf('x'.repeat(paths.indexOf(p)));
      return JSON.stringify({ path: p, size, sha256 });
    });
    expect(entries.map((l) => l.trim().replace(/,$/, ''))).toEqual(expected);
    expect(manifestJson.parse(JSON.parse(text)).files.map((f) => f.path)).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('is the same bytes whether its entries fill one chunk of lines or several', () => {
    const many = new Map(Array.from({ length: 4500 }, (_, i) => [`/meetings/m${String(i).padStart(5, '0')}/gŵyl.pdf`, digestOf(`pdf ${i}`)] as const));
    const bytes = manifestFile(many);
    const whole = {
      algorithm: 'sha256',
      files: [...many].map(([path, { size, sha256 }]) => ({ path, size, sha256 })),
    };
    const expected = `{\n  "algorithm": "sha256",\n  "files": [\n${whole.files.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ]\n}\n`;
    expect(bytes.equals(Buffer.from(expected))).toBe(true);
    expect(manifestJson.parse(JSON.parse(bytes.toString('utf8'))).files).toHaveLength(4500);
  });

  it('is valid JSON for an empty site', () => {
    expect(manifestJson.parse(JSON.parse(manifestFile(new Map()).toString('utf8'))).files).toEqual([]);
  });
});
