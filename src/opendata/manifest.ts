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
    const { size, sha256 }: Omit<ManifestJson['files'][number], 'path'> = files.get(p)!;
    // JSON.stringify({ path, size, sha256 }) spelled out: only the path needs escaping (a size is a
    // number, a sha256 hex), and one object fewer per file adds up at 250,000 files.
    return `    {"path":${JSON.stringify(p)},"size":${size},"sha256":"${sha256}"}`;
  });
  return `{\n  "algorithm": "sha256",\n  "files": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}
