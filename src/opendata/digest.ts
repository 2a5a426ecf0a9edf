import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputMemory } from '../build/reuse.ts';
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
  // A string is hashed as UTF-8 without first being copied into a Buffer of its own.
  return {
    size: typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength,
    sha256: createHash('sha256').update(content).digest('hex'),
    ...(options.sha512 ? { sha512: createHash('sha512').update(content).digest('hex') } : {}),
  };
}

function listFiles(root: string, dir = ''): string[] {
  const found: string[] = [];
  for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir === '' ? e.name : `${dir}/${e.name}`;
    if (e.isDirectory()) found.push(...listFiles(root, rel));
    else if (e.isFile()) found.push(rel);
  }
  return found;
}

/** The digest a memory recorded, if it is one and has the checksums asked for. */
function recalled(saved: string | undefined, sha512: boolean): FileDigest | undefined {
  if (saved === undefined) return undefined;
  let digest: FileDigest;
  try {
    digest = JSON.parse(saved) as FileDigest;
  } catch {
    return undefined;
  }
  if (typeof digest.size !== 'number' || typeof digest.sha256 !== 'string') return undefined;
  if (!sha512) return { size: digest.size, sha256: digest.sha256 };
  return typeof digest.sha512 === 'string' ? { size: digest.size, sha256: digest.sha256, sha512: digest.sha512 } : undefined;
}

/**
 * Reads and digests every file under `root`, sorted by key; sha512 only for the keys `sha512For`
 * names (by default none). With a `memory` (an OutputMemory of this build, whose output is `root`),
 * a file that is still the very file digested last time (same inode, size and mtime: a hard link
 * from the previous output or a cache keeps them) takes its recorded digest without being read,
 * and every digest is recorded for the next build. Synchronous: reading tens of thousands of files
 * from the page cache costs a fraction of the thread-pool round trips of fs/promises.
 */
export function digestTree(root: string, sha512For: (key: string) => boolean = () => false, memory?: OutputMemory): Map<string, FileDigest> {
  const digests = new Map<string, FileDigest>();
  for (const rel of listFiles(root).sort()) {
    const key = `/${rel}`;
    const file = path.join(root, rel);
    const sha512 = sha512For(key);
    const digest = (memory && recalled(memory.keyOf(rel, file), sha512)) || digestOf(readFileSync(file), { sha512 });
    digests.set(key, digest);
    memory?.wrote(rel, JSON.stringify(digest));
  }
  return digests;
}
