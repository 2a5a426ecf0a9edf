import { createRequire } from 'node:module';
import path from 'node:path';

// Apart from fonts.ts so that the PDF cache's fingerprint (cache.ts) names the font files without
// loading fontkit: a build with every PDF cached never needs it.

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
