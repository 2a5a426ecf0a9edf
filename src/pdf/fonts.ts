import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

/** The four faces the PDFs use: Noto Sans, which covers Welsh (ŵ ŷ) and every character council papers need. */
export const FACES = ['regular', 'bold', 'italic', 'boldItalic'] as const;
export type Face = (typeof FACES)[number];

const FILES: Record<Face, string> = {
  regular: '400Regular/NotoSans_400Regular.ttf',
  bold: '700Bold/NotoSans_700Bold.ttf',
  italic: '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/NotoSans_700Bold_Italic.ttf',
};

const require = createRequire(import.meta.url);

/** Absolute paths of the font files, in FACES order. */
export function fontFiles(): string[] {
  const root = path.dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));
  return FACES.map((face) => path.join(root, FILES[face]));
}

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
