import { createHash } from 'node:crypto';
import { codeFingerprint } from '../build/fingerprint.ts';
import { fontFiles } from './font-files.ts';
import type { ItemJob, PdfJob } from './job.ts';

/**
 * A fingerprint of everything that draws the PDFs besides the content: this folder's sources, the
 * font files and the pdfkit and fontkit versions. Changing any of them re-renders every PDF.
 */
export async function rendererHash(): Promise<string> {
  return codeFingerprint({ sources: ['src/pdf', ...fontFiles()], packages: ['pdfkit', 'fontkit'] });
}

/**
 * The cache key of one PDF: the renderer and exactly the data the PDF prints. A pack's key is made
 * from its items' keys, not their text again, and `memo` (one per build) keeps each item job's key:
 * a pack's items are the very jobs of the item PDFs, so each item's text is serialised and hashed once.
 */
export function jobHash(job: PdfJob, rendererFingerprint: string, memo = new WeakMap<ItemJob, string>()): string {
  const started = () => createHash('sha256').update(rendererFingerprint).update('\0');
  if (job.kind === 'item') {
    let key = memo.get(job);
    if (key === undefined) {
      key = started().update(JSON.stringify(job)).digest('hex');
      memo.set(job, key);
    }
    return key;
  }
  const { items, ...pack } = job;
  const hash = started().update(JSON.stringify(pack));
  for (const item of items) hash.update('\0').update(jobHash(item, rendererFingerprint, memo));
  return hash.digest('hex');
}
