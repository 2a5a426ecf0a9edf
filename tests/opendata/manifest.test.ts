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
    );
    const manifest = manifestJson.parse(JSON.parse(text));
    expect(manifest.files.map((f) => f.path)).toEqual(['/a/index.html', '/b.pdf']);
    expect(manifest.files[0]).toEqual({ path: '/a/index.html', size: 1, sha256: 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb' });
    expect(text.split('\n').filter((l) => l.includes('"path"'))).toHaveLength(2);
  });

  it('is valid JSON for an empty site', () => {
    expect(manifestJson.parse(JSON.parse(manifestFile(new Map()))).files).toEqual([]);
  });
});
