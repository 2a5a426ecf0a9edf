import { describe, expect, it } from 'vitest';
import { createProgress, duration } from '../../src/build/progress.ts';

function recorder(tty: boolean) {
  let clock = 0;
  const written: string[] = [];
  const progress = createProgress({ write: (t) => void written.push(t), tty, every: 5000, now: () => clock });
  return { progress, written, advance: (ms: number) => void (clock += ms) };
}

describe('build progress', () => {
  it('prints a plain line with counts and time left every few seconds when not on a terminal', () => {
    const { progress, written, advance } = recorder(false);
    progress('PDFs', 1, 100);
    advance(5000);
    progress('PDFs', 50, 100);
    advance(1000);
    progress('PDFs', 60, 100);
    expect(written).toEqual(['PDFs: 50/100, about 5 s left\n']);
  });

  it('redraws one line in place on a terminal and ends it when the phase is done', () => {
    const { progress, written, advance } = recorder(true);
    progress('pages', 1, 20);
    advance(1000);
    progress('pages', 10, 20);
    advance(1000);
    progress('pages', 20, 20);
    expect(written).toEqual(['\r\x1b[2Kpages: 10/20, about 1 s left', '\r\x1b[2Kpages: 20/20\n']);
  });

  it('says nothing more on a log when a phase finishes (the stage logs its own summary)', () => {
    const { progress, written, advance } = recorder(false);
    advance(10_000);
    progress('search', 8, 8);
    expect(written).toEqual([]);
  });

  it('writes durations in seconds, then minutes and seconds', () => {
    expect(duration(42.4)).toBe('42 s');
    expect(duration(200)).toBe('3 min 20 s');
  });
});
