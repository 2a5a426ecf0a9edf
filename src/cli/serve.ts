import { watch } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from '../build/build.ts';
import { isInside } from '../build/output.ts';
import type { Problem } from '../content/problems.ts';
import { inLanguage, languageOfUrl, outputPathOf, urls } from '../model/urls.ts';

/** Content types of the files a Minutebook site holds. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const RELOAD_SCRIPT = "new EventSource('/__minutebook/events').onmessage = () => location.reload();\n";

export interface ServeOptions {
  contentDir: string;
  outDir: string;
  cacheDir?: string;
  port: number;
  io: { out: (l: string) => void; err: (l: string) => void };
  report: (problems: Problem[]) => void;
}

/**
 * Build, serve the output on 127.0.0.1 only (never every interface), and rebuild when the content
 * changes; open pages reload themselves after a good build. A failed rebuild keeps the last good site.
 */
export async function serve(options: ServeOptions): Promise<number> {
  const { io } = options;
  const outDir = path.resolve(options.outDir);
  const clients = new Set<ServerResponse>();

  const rebuild = async () => {
    try {
      const result = await build({ contentDir: options.contentDir, outDir, cacheDir: options.cacheDir, log: io.out });
      options.report(result.problems);
      if (!result.ok) io.err('Build stopped by content errors; still serving the last good build.');
      // Nothing changed (src/build/stamp.ts): the open pages are already the site's, so none reloads.
      else if (!result.unchanged) for (const client of clients) client.write('data: reload\n\n');
    } catch (error) {
      io.err(`${(error as Error).message}: ${String((error as Error).cause)}`);
    }
  };
  await rebuild();

  const server = createServer(async (req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      // A malformed escape (say %E0%A4%A) names no file; and a throw here would stop the preview.
      return void res.writeHead(400).end('Bad request');
    }
    if (pathname === '/__minutebook/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (pathname === '/__minutebook/live-reload.js') {
      res.writeHead(200, { 'content-type': CONTENT_TYPES['.js']! }).end(RELOAD_SCRIPT);
      return;
    }
    let file = path.join(outDir, pathname);
    if (!isInside(outDir, file)) return void res.writeHead(400).end('Bad request');
    let status = 200;
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      await stat(file);
    } catch {
      // The not-found page in the language of the address asked for (/cy/… gets the Welsh one).
      [file, status] = [path.join(outDir, outputPathOf(inLanguage(urls.notFound(), languageOfUrl(pathname).lang))), 404];
    }
    try {
      let body: Buffer | string = await readFile(file);
      const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      if (type.startsWith('text/html')) {
        body = body.toString('utf8').replace('</body>', '<script src="/__minutebook/live-reload.js" defer></script></body>');
      }
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  io.out(`Previewing on http://127.0.0.1:${(server.address() as AddressInfo).port}/ (Ctrl+C to stop)`);

  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const watcher = watch(options.contentDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild);
    }, 200);
  });

  return new Promise((resolve) => {
    process.once('SIGINT', () => {
      watcher.close();
      for (const client of clients) client.end();
      server.close(() => resolve(0));
    });
  });
}
