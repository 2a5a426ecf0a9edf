import { urls } from '../model/urls.ts';
import type { FileDigests } from './digest.ts';
import type { ManifestJson } from './schemas.ts';

export const MANIFEST_URL = urls.api('manifest.json');

/**
 * /api/manifest.json: sha256 and size of every published file, sorted by path, the manifest
 * excluded. One file per line, so the manifests of two builds diff line by line. As UTF-8 bytes
 * made a few thousand lines at a time: at 30,000 items there are over 250,000 files, and the
 * whole manifest as one string (then flattened, then encoded to be hashed and written) took
 * some 250 MB at the build's peak.
 */
export function manifestFile(files: FileDigests): Buffer {
  const paths = [...files.keys()].filter((p) => p !== MANIFEST_URL).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const chunks: Buffer[] = [Buffer.from('{\n  "algorithm": "sha256",\n  "files": [')];
  const CHUNK = 2000;
  for (let from = 0; from < paths.length; from += CHUNK) {
    let text = '';
    for (let i = from; i < Math.min(from + CHUNK, paths.length); i++) {
      const p = paths[i]!;
      const { size, sha256 }: Omit<ManifestJson['files'][number], 'path'> = files.get(p)!;
      // JSON.stringify({ path, size, sha256 }) spelled out: only the path needs escaping (a size is
      // a number, a sha256 hex), and one object fewer per file adds up at 250,000 files.
      text += `${i === 0 ? '' : ','}\n    {"path":${JSON.stringify(p)},"size":${size},"sha256":"${sha256}"}`;
    }
    chunks.push(Buffer.from(text));
  }
  chunks.push(Buffer.from(`${paths.length ? '\n  ' : ''}]\n}\n`));
  return Buffer.concat(chunks);
}
