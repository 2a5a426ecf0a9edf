// Loads the command's TypeScript (src/cli/main.ts) the fast way when it can.
//
// tsx compiles and resolves every module through loader hooks on each start: about a second for
// our ~100 modules before any work begins. Instead, esbuild bundles src/ once into
// node_modules/.cache/minutebook/cli/ and the command imports that bundle; it is remade as soon as
// any of its source files changes (by size, mtime, ctime or inode), so there is still no compile
// step to forget. Packages stay outside the bundle (imported from node_modules as usual), and a
// module that is only imported with `await import()` (Eleventy, pdfkit, zod) stays out of the start.
// If no bundle can be made or stored (a read-only install, no esbuild), tsx runs the source as before.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const FORMAT = 1;
const DAY = 24 * 60 * 60 * 1000;

/** Where a project's entry point, bundles and stamp are. */
function placesIn(root) {
  const cache = path.join(root, 'node_modules', '.cache', 'minutebook', 'cli');
  return { root, entry: path.join(root, 'src', 'cli', 'main.ts'), cache, stamp: path.join(cache, 'current.json') };
}

/** What identifies a version of a source file without reading it. */
function identityOf(file) {
  const s = statSync(file, { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}` : 'missing';
}

/** The bundle made from the source files as they are now, if there is one. */
function freshBundle({ root, cache, stamp: stampFile }) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
  if (stamp.format !== FORMAT || stamp.node !== process.version || !Array.isArray(stamp.inputs)) return undefined;
  for (const [file, identity] of stamp.inputs) if (identityOf(path.join(root, file)) !== identity) return undefined;
  return path.join(cache, stamp.dir, 'main.js');
}

/**
 * Bundle src/cli/main.ts with esbuild (code-split, so dynamic imports load late), into a folder of
 * its own, then point current.json at it: two commands starting at once each make a whole bundle,
 * and a reader never sees half of one.
 */
async function makeBundle({ root, entry, cache, stamp }) {
  const esbuild = await import('esbuild');
  mkdirSync(cache, { recursive: true });
  const started = Date.now();
  const dir = `b-${Date.now().toString(36)}-${process.pid}`;
  const result = await esbuild.build({
    entryPoints: { main: entry },
    // The metafile names inputs relative to this folder: the project's, whatever the working directory.
    absWorkingDir: root,
    outdir: path.join(cache, dir),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
    // A module finds its files (layouts, locales, the PDF worker, the code it fingerprints) from its
    // own URL: keep each module's import.meta.url that of its source file, not of the bundle.
    plugins: [
      {
        name: 'source-urls',
        setup(build) {
          build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
            if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
            const url = pathToFileURL(args.path).href;
            const contents = readFileSync(args.path, 'utf8')
              .replaceAll('import.meta.url', JSON.stringify(url))
              .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
              .replaceAll('import.meta.filename', JSON.stringify(args.path));
            return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
          });
        },
      },
    ],
  });
  const inputs = Object.keys(result.metafile.inputs)
    .map((file) => path.relative(root, path.resolve(root, file)))
    .concat(['tsconfig.json', path.relative(root, fileURLToPath(import.meta.url))])
    .sort()
    .map((file) => [file, identityOf(path.join(root, file))]);
  // A source saved while esbuild ran may not be the one bundled: use the bundle, but do not record it.
  const settled = inputs.every(([file]) => (statSync(path.join(root, file), { throwIfNoEntry: false })?.mtimeMs ?? 0) < started - 1000);
  if (!settled) return path.join(cache, dir, 'main.js');
  const temporary = `${stamp}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ format: FORMAT, node: process.version, dir, inputs }));
  renameSync(temporary, stamp);
  // Older bundles are no longer pointed at, but a command started from one may still load its
  // chunks (a long build, or tests starting several commands at once): delete them a day later.
  for (const name of readdirSync(cache)) {
    const old = path.join(cache, name);
    if (name.startsWith('b-') && name !== dir && Date.now() - statSync(old).mtimeMs > DAY) rmSync(old, { recursive: true, force: true });
  }
  return path.join(cache, dir, 'main.js');
}

/**
 * The `main` export of `<root>/src/cli/main.ts`, from the bundle if possible, else through tsx.
 * MINUTEBOOK_BUNDLE=0 always uses tsx; MINUTEBOOK_BUNDLE=1 always the bundle (an error if it cannot
 * be made). `root` is this project unless a test says otherwise.
 */
export async function loadMain(root = PROJECT) {
  const places = placesIn(root);
  const mode = process.env.MINUTEBOOK_BUNDLE;
  if (mode !== '0') {
    try {
      const bundle = freshBundle(places) ?? (await makeBundle(places));
      return (await import(pathToFileURL(bundle).href)).main;
    } catch (error) {
      if (mode === '1') throw error;
      // Fall through: tsx needs no bundle.
    }
  }
  const { tsImport } = await import('tsx/esm/api');
  return (await tsImport(pathToFileURL(places.entry).href, import.meta.url)).main;
}
