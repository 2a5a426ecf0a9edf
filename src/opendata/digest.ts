import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { outputPathOf } from '../model/urls.ts';

/** Size and checksums of one published file. */
export interface FileDigest {
  size: number;
  sha256: string;
  /** For files OParl describes (its File has sha512Checksum); left out for the open-data files themselves. */
  sha512?: string;
}

/** Published files keyed by their path inside the site, with a leading / (index.html spelled out). */
export type FileDigests = ReadonlyMap<string, FileDigest>;

/** The key in a FileDigests map of the file that serves a site-relative URL. */
export function digestKeyOf(url: string): string {
  return `/${outputPathOf(url)}`;
}

/** Digest of bytes in memory; sha512 too when asked. */
export function digestOf(content: string | Uint8Array, options: { sha512?: boolean } = {}): FileDigest {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(options.sha512 ? { sha512: createHash('sha512').update(bytes).digest('hex') } : {}),
  };
}

async function listFiles(root: string, dir = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true });
  const found: string[] = [];
  for (const e of entries) {
    const rel = dir === '' ? e.name : `${dir}/${e.name}`;
    if (e.isDirectory()) found.push(...(await listFiles(root, rel)));
    else if (e.isFile()) found.push(rel);
  }
  return found;
}

/**
 * Reads and digests every file under `root`, a few at a time (PDF archives run to tens of
 * thousands); sha512 only for the keys `sha512For` names (by default none).
 */
export async function digestTree(root: string, sha512For: (key: string) => boolean = () => false, concurrency = 16): Promise<Map<string, FileDigest>> {
  const files = (await listFiles(root)).sort();
  const digests = new Map<string, FileDigest>();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const rel = files[next++]!;
      digests.set(`/${rel}`, digestOf(await readFile(path.join(root, rel)), { sha512: sha512For(`/${rel}`) }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return new Map([...digests].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
