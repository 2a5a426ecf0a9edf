import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { FACES, fontFiles, type Face } from './font-files.ts';

export { FACES, fontFiles, type Face };

export type FontSet = Record<Face, fontkit.Font>;

let parsed: FontSet | undefined;

/**
 * The faces parsed once per thread. pdfkit re-parses a font buffer for every document (most of a
 * small PDF's cost); handed a parsed fontkit font it only starts a new subset, and the bytes are the same.
 */
export function fonts(): FontSet {
  if (parsed) return parsed;
  const files = fontFiles();
  const entries = FACES.map((face, i) => [face, fontkit.create(readFileSync(files[i]!))] as const);
  parsed = Object.fromEntries(entries) as FontSet;
  return parsed;
}

type LayoutCache = Record<string, unknown>;
let layoutCaches: Record<Face, LayoutCache> | undefined;
let documentsOnCaches = 0;

/**
 * Shaped-word caches shared by every document on this thread, one per face. pdfkit keeps one per
 * document, so each new PDF re-shaped every word through fontkit's GSUB/GPOS lookups (most of the
 * render time once fonts are parsed once). A cached run is read-only to pdfkit and depends only on
 * the font and the text, so sharing it does not change a byte. Renewed now and then to bound memory.
 */
export function layoutCachesForDocument(): Record<Face, LayoutCache> {
  if (!layoutCaches || ++documentsOnCaches > 2000) {
    layoutCaches = { regular: Object.create(null), bold: Object.create(null), italic: Object.create(null), boldItalic: Object.create(null) };
    documentsOnCaches = 1;
  }
  return layoutCaches;
}
