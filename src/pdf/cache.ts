import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../build/package-version.ts';
import { fontFiles } from './font-files.ts';
import type { PdfJob } from './job.ts';

let renderer: Promise<string> | undefined;

/**
 * A fingerprint of everything that draws the PDFs besides the content: this folder's sources, the
 * font files and the pdfkit and fontkit versions. Changing any of them re-renders every PDF.
 */
export function rendererHash(): Promise<string> {
  renderer ??= (async () => {
    const hash = createHash('sha256');
    const dir = path.dirname(fileURLToPath(import.meta.url));
    const sources = (await readdir(dir)).filter((f) => /\.(ts|js)$/.test(f)).sort();
    for (const file of [...sources.map((f) => path.join(dir, f)), ...fontFiles()]) {
      hash.update(path.basename(file)).update('\0').update(await readFile(file)).update('\0');
    }
    for (const pkg of ['pdfkit', 'fontkit']) hash.update(`${pkg}@${packageVersion(pkg)}\0`);
    return hash.digest('hex');
  })();
  return renderer;
}

/** The cache key of one PDF: the renderer and exactly the data the PDF prints. */
export function jobHash(job: PdfJob, rendererFingerprint: string): string {
  return createHash('sha256').update(rendererFingerprint).update('\0').update(JSON.stringify(job)).digest('hex');
}
