import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reads whole files into one buffer it keeps and grows, so reading tens of thousands of files
 * allocates nothing per file (readFileSync makes a new Buffer each time, memory outside the heap
 * that is given back only when a collection finds it). Each `read` returns a view of that buffer,
 * valid until the next `read`: use the bytes (hash, decode, copy) before reading another file.
 */
export class FileReader {
  private buffer: Buffer;

  constructor(initialSize = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(initialSize);
  }

  read(file: string): Buffer {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
      let read = 0;
      while (read < size) {
        const n = readSync(fd, this.buffer, read, size - read, read);
        if (n === 0) break;
        read += n;
      }
      return this.buffer.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  }
}
