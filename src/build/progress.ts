/**
 * Progress of a long build, one phase at a time. On a terminal one line per phase is redrawn in
 * place with counts and the time left; elsewhere (CI logs) a plain line is printed every few seconds.
 */
export interface Progress {
  /** `done` of `total` units of `phase` are finished. Cheap to call for every unit. */
  (phase: string, done: number, total: number): void;
}

export interface ProgressOptions {
  write: (text: string) => void;
  /** Redraw a line in place (a terminal) instead of printing periodic lines. */
  tty: boolean;
  /** Milliseconds between plain lines when not on a terminal. */
  every?: number;
  now?: () => number;
}

/** Seconds as "45 s" or "3 min 20 s". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** A progress reporter writing to a terminal or a log. */
export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const every = options.every ?? 5000;
  let phase = '';
  let started = 0;
  let last = 0;
  return (name, done, total) => {
    const t = now();
    if (name !== phase) [phase, started, last] = [name, t, t];
    const finished = done >= total;
    if (!finished && t - last < (options.tty ? 200 : every)) return;
    last = t;
    const elapsed = (t - started) / 1000;
    const left = done > 0 && !finished ? `, about ${duration((elapsed / done) * (total - done))} left` : '';
    const line = `${name}: ${done}/${total}${left}`;
    if (options.tty) options.write(`\r\x1b[2K${line}${finished ? '\n' : ''}`);
    else if (!finished) options.write(`${line}\n`);
  };
}

/** A reporter that says nothing (--quiet, tests). */
export const silent: Progress = () => {};
