import type { Council } from '../model/types.ts';
import type { SiteOutput } from './output.ts';
import type { Progress } from './progress.ts';

/** What every output stage is given: the model and where to write. */
export interface BuildContext {
  council: Council;
  /** Absolute path of the content folder the model was read from. */
  contentDir: string;
  /** Absolute path of the staging folder: the new site is written here, then swapped into place. */
  outDir: string;
  /** Absolute path of a cache folder outside the output (kept between builds). */
  cacheDir: string;
  /**
   * The live output of the previous build, while this one is staged beside it (absent on a first
   * build): stages take unchanged files over from it through OutputMemory (src/build/reuse.ts).
   */
  previousDir?: string;
  /**
   * The new site as a whole, in a build (src/build/build.ts): files kept in place from the live site
   * as well as those staged in outDir. Where a stage needs a file an earlier stage published, it
   * finds it here. Stages run on their own (in tests) have none and write a complete outDir.
   */
  output?: SiteOutput;
  /** Progress reporter; silent with --quiet. */
  log: (line: string) => void;
  /** Progress of the stage's long-running work, e.g. progress('PDFs', 120, 1500); see progress.ts. */
  progress: Progress;
  /**
   * Named site-relative URLs that one stage publishes for a later one, e.g. the search stage
   * registers 'search.js' -> '/search/search.3fa2b1c4.js' and the pages stage hands it to templates.
   */
  assets: Map<string, string>;
}

/** One output of the build (pages, PDFs, search index, open data …), run in order by src/build/build.ts. */
export interface OutputStage {
  name: string;
  run(ctx: BuildContext): Promise<void>;
}
