import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Write a file atomically (a temporary file renamed into place): a reader sees the old file or the
 * new one, never part of one. Parts are written one after another, without joining them first.
 */
export function writeAtomically(file: string, data: Uint8Array | string | readonly Uint8Array[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) writeFileSync(temporary, data);
    else {
      const fd = openSync(temporary, 'w');
      try {
        for (const part of data) for (let at = 0; at < part.length; ) at += writeSync(fd, part, at);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(temporary, file);
  } catch (error) {
    // A write that failed (a full disk, say) leaves no half-written temporary file behind.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Not removable either: the write's own failure is the one to report.
    }
    throw error;
  }
}
