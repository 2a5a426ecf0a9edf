import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../build/package-version.ts';
import { writeAtomically } from '../build/atomic.ts';
import { contentKey, readRecord, saveRecord, searchCacheDir } from './cache.ts';

const ENTRY = fileURLToPath(new URL('./browser/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** This file: its options decide the bundle as much as the sources do. */
const SELF = fileURLToPath(import.meta.url);

/** esbuild's version, read without loading esbuild (a build whose bundle is cached never runs it). */
const esbuildVersion = () => packageVersion('esbuild');

async function bundle(metafile: boolean) {
  const { build } = await import('esbuild');
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
    metafile,
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no search bundle');
  return { bytes: output.contents, inputs: Object.keys(result.metafile?.inputs ?? {}) };
}

/**
 * Bundle the search page's script (src/search/browser/main.ts with the shared tokenizer, routing
 * and lunr) into one minified script (an IIFE, so it loads as a classic deferred script). esbuild's output depends only on the sources and these
 * options, so the same sources give the same bytes and the same content-hashed name.
 */
export async function bundleSearchScript(): Promise<Uint8Array> {
  return (await bundle(false)).bytes;
}

/** A bundle's bytes and their contentKey. */
export interface Bundled {
  bytes: Uint8Array;
  key: string;
}

/** The bundle as the search stage publishes it: its content key, and its bytes when they are needed. */
export interface SearchScript {
  /** contentKey of the bytes the sources make. */
  key: string;
  /** The bytes (read from the cache, or bundled afresh; then with their own key, should a source have changed meanwhile). */
  bytes(): Promise<Bundled>;
}

interface BundleRecord {
  version: 1;
  esbuild: string;
  /** Every file esbuild read (relative to the project), with its contentKey; this file first. */
  inputs: [string, string][];
  key: string;
}

const hashOfFile = (file: string) => contentKey(readFileSync(path.resolve(ROOT, file)));

/**
 * bundleSearchScript, remembered in `<cache>/search/`: when every file the last bundle was made
 * from (as esbuild's metafile lists them, this file included) has the same contents and esbuild
 * the same version, the bundle is that one, and esbuild is not run.
 */
export async function cachedSearchScript(cacheDir: string): Promise<SearchScript> {
  const dir = searchCacheDir(cacheDir);
  const recordFile = path.join(dir, 'bundle.json');
  const bundleFile = path.join(dir, 'bundle.js');
  const record = readRecord(recordFile) as BundleRecord | undefined;
  const unchanged = (() => {
    try {
      return (
        record?.version === 1 &&
        record.esbuild === esbuildVersion() &&
        Array.isArray(record.inputs) &&
        record.inputs.length > 1 &&
        record.inputs.every(([file, key]) => hashOfFile(file) === key)
      );
    } catch {
      return false;
    }
  })();
  const fresh = async (): Promise<Bundled> => {
    const started = Date.now();
    const self = path.relative(ROOT, SELF);
    const { bytes, inputs } = await bundle(true);
    const key = contentKey(bytes);
    const files = [self, ...inputs.filter((file) => file !== self)];
    try {
      const hashed = files.map((file): [string, string] => [file, hashOfFile(file)]);
      // A file changed while esbuild ran may not be the one bundled: then remember nothing.
      if (files.every((file) => statSync(path.resolve(ROOT, file)).mtimeMs < started - 1000)) {
        writeAtomically(bundleFile, bytes);
        saveRecord(recordFile, { version: 1, esbuild: esbuildVersion(), inputs: hashed, key } satisfies BundleRecord);
      }
    } catch {
      // An input that cannot be read again: nothing is remembered.
    }
    return { bytes, key };
  };
  if (record !== undefined && unchanged) {
    return {
      key: record.key,
      async bytes() {
        try {
          const bytes = readFileSync(bundleFile);
          if (contentKey(bytes) === record.key) return { bytes, key: record.key };
        } catch {
          // Missing or unreadable: bundle afresh.
        }
        return fresh();
      },
    };
  }
  const made = await fresh();
  return { key: made.key, bytes: async () => made };
}
