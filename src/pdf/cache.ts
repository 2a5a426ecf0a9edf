import { createHash } from 'node:crypto';
import { codeFingerprint } from '../build/fingerprint.ts';
import { fontFiles } from './font-files.ts';
import type { PdfJob } from './job.ts';

/**
 * A fingerprint of everything that draws the PDFs besides the content: this folder's sources, the
 * font files and the pdfkit and fontkit versions. Changing any of them re-renders every PDF.
 */
export async function rendererHash(): Promise<string> {
  return codeFingerprint({ sources: ['src/pdf', ...fontFiles()], packages: ['pdfkit', 'fontkit'] });
}

/** The cache key of one PDF: the renderer and exactly the data the PDF prints. */
export function jobHash(job: PdfJob, rendererFingerprint: string): string {
  return createHash('sha256').update(rendererFingerprint).update('\0').update(JSON.stringify(job)).digest('hex');
}
