import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  pdf: PDFDocumentProxy;
  /** Text of each page, lines joined with "\n". */
  pages: string[];
  /** All pages' text with runs of white space collapsed to one space. */
  flat: string;
}

/** Read a PDF back with pdfjs-dist, as a screen reader or a copy-paste would see its text. */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
  }
  return { pdf, pages, flat: pages.join(' ').replace(/\s+/g, ' ') };
}

/** Collapse white space, as `flat` does. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Run a poppler tool (pdffonts, pdfinfo) on PDF bytes and return its output. */
export function poppler(tool: string, bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'minutebook-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return execFileSync(tool, [file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
