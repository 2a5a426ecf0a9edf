import { urls } from '../model/urls.ts';
import type { FileDigests } from './digest.ts';
import type { ManifestJson } from './schemas.ts';

export const MANIFEST_URL = urls.api('manifest.json');

/**
 * /api/manifest.json: sha256 and size of every published file, sorted by path, the manifest
 * excluded. One file per line, so the manifests of two builds diff line by line.
 */
export function manifestFile(files: FileDigests): string {
  const manifest: ManifestJson = {
    algorithm: 'sha256',
    files: [...files]
      .filter(([p]) => p !== MANIFEST_URL)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([p, d]) => ({ path: p, size: d.size, sha256: d.sha256 })),
  };
  const lines = manifest.files.map((f) => `    ${JSON.stringify(f)}`);
  return `{\n  "algorithm": "sha256",\n  "files": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}
