import { statSync } from 'node:fs';
import path from 'node:path';
import { siteOutputOf } from '../../build/output.ts';
import { outputPathOf } from '../../model/urls.ts';
import type { Lang } from '../../model/types.ts';
import { translate } from '../locales/index.ts';

/** "53 KB", "1.2 MB", "900 bytes": sizes as GOV.UK writes them (1 KB = 1024 bytes, rounded up). */
export function humanSize(bytes: number, lang: Lang = 'en'): string {
  if (bytes < 1024) return translate(lang, 'size.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return translate(lang, 'size.kb', { n: Math.ceil(bytes / 1024) });
  const mb = bytes / (1024 * 1024);
  return translate(lang, 'size.mb', { n: mb < 10 ? mb.toFixed(1) : String(Math.round(mb)) });
}

/** Size in bytes of the file an earlier stage wrote at a site-relative URL, or undefined if there is none. */
export function builtFileSize(outDir: string, url: string): number | undefined {
  const rel = outputPathOf(url);
  // In a build, the file may be kept in place in the live site (its size known) rather than staged
  // in outDir: one lookup, then at most one stat.
  const kept = siteOutputOf(outDir)?.keptIdentity(rel);
  if (kept) return kept.size;
  try {
    const stats = statSync(path.join(outDir, rel), { throwIfNoEntry: false });
    return stats?.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/** "CSV", "XLSX": a file's type as its extension, for "(CSV, 494 bytes)"; '' when it has none. */
export function fileType(url: string): string {
  const match = /\.([a-z0-9]{1,5})$/i.exec(url.split(/[?#]/)[0] ?? '');
  return match ? match[1]!.toUpperCase() : '';
}
