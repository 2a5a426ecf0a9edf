import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from './package-version.ts';

/** The project's root folder (this file is src/build/fingerprint.ts). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What a cache's entries depend on besides their own input. */
export interface CodeInputs {
  /** Folders (read recursively) and files, relative to the project root or absolute. */
  sources: readonly string[];
  /** Packages whose installed versions count. */
  packages: readonly string[];
  /** Anything else that counts, e.g. Node's version. */
  extra?: readonly string[];
}

const memo = new Map<string, string>();

/**
 * A SHA-256 (hex) of the code a cache's entries are made by: every file of `sources` (its path
 * relative to the project and its bytes), the installed version of each of `packages`, and `extra`.
 * Each cache of the build (parsed content, PDFs, pages, open data) keys its entries with one, so a
 * change to that code or an upgrade of those packages makes them again. Computed once per process
 * for the same inputs. Throws if a source is missing (a cache then keeps nothing).
 */
export function codeFingerprint(inputs: CodeInputs): string {
  const id = JSON.stringify(inputs);
  const known = memo.get(id);
  if (known !== undefined) return known;
  const hash = createHash('sha256');
  const add = (file: string) => hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) add(full);
    }
  };
  for (const source of inputs.sources) {
    const full = path.resolve(ROOT, source);
    if (statSync(full).isDirectory()) walk(full);
    else add(full);
  }
  for (const name of inputs.packages) {
    let version: string;
    try {
      version = packageVersion(name);
    } catch {
      version = '?';
    }
    hash.update(`${name}@${version}\0`);
  }
  for (const part of inputs.extra ?? []) hash.update(`${part}\0`);
  const fingerprint = hash.digest('hex');
  memo.set(id, fingerprint);
  return fingerprint;
}
