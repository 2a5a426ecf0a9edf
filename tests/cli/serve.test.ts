import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'minutebook-serve-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('minutebook serve', () => {
  it('builds, then previews on 127.0.0.1 only with a live-reload script in each page', async () => {
    const child = spawn(
      process.execPath,
      ['bin/minutebook.js', 'serve', '--content', 'tests/fixtures/valid', '--out', path.join(work, 'site'), '--port', '0'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /Previewing on (http:\/\/[^/\s]+\/)/.exec(out);
          if (found) resolve(found[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('<script src="/__minutebook/live-reload.js" defer></script></body>');
      const missing = await fetch(`${url}no/such/page/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toMatch(/<html lang="en"/);
      const ar_goll = await fetch(`${url}cy/no/such/page/`);
      expect(ar_goll.status).toBe(404);
      expect(await ar_goll.text()).toMatch(/<html lang="cy"/);
      // A folder beside the output whose name starts with the output's is not served either.
      mkdirSync(path.join(work, 'site-private'), { recursive: true });
      writeFileSync(path.join(work, 'site-private', 'secret.txt'), 'not for the preview');
      for (const escape of ['..%2Fsite-private/secret.txt', '%2e%2e%2Fsite-private/secret.txt', '..%5Csite-private/secret.txt']) {
        const outside = await fetch(`${url}${escape}`);
        expect(outside.status, escape).toBeGreaterThanOrEqual(400);
        expect(await outside.text(), escape).not.toContain('not for the preview');
      }
      // A malformed escape is a bad request, and the preview goes on answering.
      expect((await fetch(`${url}%E0%A4%A`)).status).toBe(400);
      expect((await fetch(url)).status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
  }, 180_000);
});
