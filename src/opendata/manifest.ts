import { urls } from '../model/urls.ts';
import type { FileDigests } from './digest.ts';
import type { ManifestJson } from './schemas.ts';

export const MANIFEST_URL = urls.api('manifest.json');

/**
 * /api/manifest.json: sha256 and size of every published file, sorted by path, the manifest
 * excluded. One file per line, so the manifests of two builds diff line by line.
 */
export function manifestFile(files: FileDigests): string {
  // Line by line, without an array of entries first: at 30,000 items there are over 250,000 files.
  const paths = [...files.keys()].filter((p) => p !== MANIFEST_URL).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = paths.map((p) => {
    const { size, sha256 } = files.get(p)!;
    const entry: ManifestJson['files'][number] = { path: p, size, sha256 };
    return `    ${JSON.stringify(entry)}`;
  });
  return `{\n  "algorithm": "sha256",\n  "files": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}
