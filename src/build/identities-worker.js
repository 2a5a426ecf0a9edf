// Worker thread of src/build/identities.ts: lstat every file of the live site the last publish
// listed, while the main thread reads the content. Plain JavaScript, so it starts without tsx.
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { liveDir, files } = workerData;
// Per file: inode, size, mtime (ms); NaN for a file that is missing or is not a regular file.
const stats = new Float64Array(files.length * 3);
for (let i = 0; i < files.length; i++) {
  const s = lstatSync(path.join(liveDir, files[i]), { throwIfNoEntry: false });
  const ok = s !== undefined && s.isFile();
  stats[i * 3] = ok ? s.ino : NaN;
  stats[i * 3 + 1] = ok ? s.size : NaN;
  stats[i * 3 + 2] = ok ? s.mtimeMs : NaN;
}
parentPort.postMessage(stats, [stats.buffer]);
