import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * A full garbage collection now. The pages stage calls it between Eleventy runs: V8 collects an
 * old generation only once it has grown to several times what survived the last collection, so
 * without it each finished run's pages (hundreds of MB at 30,000 items) stayed in memory for
 * several more runs, and the build's peak memory followed. Node gives `gc` only to a process
 * started with --expose-gc; as jest-leak-detector does, the flag is turned on just long enough
 * to take the function from a fresh context, then off again. Changes no output.
 */
export function collectGarbage(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      setFlagsFromString('--expose-gc');
      try {
        collect = runInNewContext('gc') as () => void;
      } finally {
        setFlagsFromString('--no-expose-gc');
      }
    }
  }
  collect();
}
