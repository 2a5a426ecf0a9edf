import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./browser/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundle the search page's script (src/search/browser/main.ts with the shared tokenizer, routing
 * and lunr) into one minified script (an IIFE, so it loads as a classic deferred script). esbuild's output depends only on the sources and these
 * options, so the same sources give the same bytes and the same content-hashed name.
 */
export async function bundleSearchScript(): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [ENTRY],
    absWorkingDir: ROOT,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no search bundle');
  return output.contents;
}
