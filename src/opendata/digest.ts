import { createHash } from 'node:crypto';
import path from 'node:path';
import { FileReader } from '../build/file-reader.ts';
import { collectIfOverBudget } from '../build/gc.ts';
import { listTree, type SiteFile } from '../build/output.ts';
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

/** Digest of bytes in memory (a string as UTF-8); sha512 too when asked. */
export function digestOf(content: string | Uint8Array, options: { sha512?: boolean } = {}): FileDigest {
  return {
    size: typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength,
    sha256: createHash('sha256').update(content).digest('hex'),
    ...(options.sha512 ? { sha512: createHash('sha512').update(content).digest('hex') } : {}),
  };
}

/** A digest as a memory key: "size sha256" or "size sha256 sha512" (no JSON to parse 85,000 times a build). */
export function digestKey(digest: FileDigest): string {
  return digest.sha512 === undefined ? `${digest.size} ${digest.sha256}` : `${digest.size} ${digest.sha256} ${digest.sha512}`;
}

/** The digest a memory recorded, if it is one and has the checksums asked for. */
function recalled(saved: string | undefined, sha512: boolean): FileDigest | undefined {
  if (saved === undefined) return undefined;
  const [size, sha256, sha512sum, extra] = saved.split(' ');
  if (extra !== undefined || !/^\d+$/.test(size!) || !/^[0-9a-f]{64}$/.test(sha256 ?? '')) return undefined;
  if (!sha512) return { size: Number(size), sha256: sha256! };
  return sha512sum !== undefined && /^[0-9a-f]{128}$/.test(sha512sum) ? { size: Number(size), sha256: sha256!, sha512: sha512sum } : undefined;
}

/**
 * Reads and digests every one of `files` (sorted by path), keyed by path with a leading /; sha512
 * only for the keys `sha512For` names (by default none). With a `memory` (an OutputMemory of this
 * build), a file that is still the very file digested last time (same inode, size and mtime: a
 * file kept in place from the live site, or a hard link from a cache, keeps them) takes its
 * recorded digest without being read, and every digest is recorded for the next build.
 * Synchronous: reading tens of thousands of files from the page cache costs a fraction of the
 * thread-pool round trips of fs/promises; and into one reused buffer, so a first build reading
 * every page and PDF (2.4 GB at 30,000 items) holds no more than the largest file outside the heap.
 */
export function digestFiles(files: readonly SiteFile[], sha512For: (key: string) => boolean = () => false, memory?: OutputMemory): Map<string, FileDigest> {
  const digests = new Map<string, FileDigest>();
  const reader = new FileReader();
  let n = 0;
  for (const { rel, file, identity } of files) {
    // 256,000 files at 30,000 items: the heap is held to the build's budget as the digests pile up.
    if (++n % 5000 === 0) collectIfOverBudget();
    const key = `/${rel}`;
    const sha512 = sha512For(key);
    const saved = memory && (identity ? memory.keyOfIdentity(rel, identity) : memory.keyOf(rel, file));
    const digest = recalled(saved, sha512) || digestOf(reader.read(file), { sha512 });
    digests.set(key, digest);
    if (identity) memory?.remember(rel, digestKey(digest), identity);
    else memory?.wrote(rel, digestKey(digest));
  }
  return digests;
}

/** Every file under `root`, digested (see digestFiles). */
export function digestTree(root: string, sha512For?: (key: string) => boolean, memory?: OutputMemory): Map<string, FileDigest> {
  return digestFiles(
    listTree(root).map((rel) => ({ rel, file: path.join(root, rel) })),
    sha512For,
    memory,
  );
}
