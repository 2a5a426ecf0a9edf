import { urls } from '../model/urls.ts';
import type { FileDigests } from './digest.ts';
import type { ManifestJson } from './schemas.ts';
import { jsonFile } from './json.ts';

export const MANIFEST_URL = urls.api('manifest.json');

/** /api/manifest.json: sha256 and size of every published file, sorted by path, the manifest excluded. */
export function manifestFile(files: FileDigests): string {
  const manifest: ManifestJson = {
    algorithm: 'sha256',
    files: [...files]
      .filter(([p]) => p !== MANIFEST_URL)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([p, d]) => ({ path: p, size: d.size, sha256: d.sha256 })),
  };
  return jsonFile(manifest);
}
