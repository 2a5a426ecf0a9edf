import { parseArgs } from 'node:util';
import { build } from '../build/build.ts';
import { loadCouncil } from '../content/load.ts';
import { formatProblem, type Problem } from '../content/problems.ts';
import { serve } from './serve.ts';
import { createProgress, silent } from '../build/progress.ts';
import { missingTranslations } from '../model/queries.ts';
import type { Lang } from '../model/types.ts';

const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', cy: 'Welsh' };

export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

const USAGE = `Usage:
  minutebook build [--content DIR] [--out DIR] [--cache DIR] [--quiet]
  minutebook check [--content DIR]
  minutebook serve [--content DIR] [--out DIR] [--port N]

  build   Build the whole site (default: content -> _site)
  check   Validate the content and report every problem; build nothing
  serve   Build, then preview on http://127.0.0.1 and rebuild when content changes`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: Io = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

function count(problems: Problem[]) {
  const n = problems.filter((p) => p.severity === 'error').length;
  return `${n} error${n === 1 ? '' : 's'}`;
}

function report(problems: Problem[], io: Io) {
  for (const p of problems) (p.severity === 'error' ? io.err : io.out)(formatProblem(p));
}

/** Run the command line; resolves to the exit code (0 ok, 1 content errors, 2 bad usage). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string', default: '_site' },
        cache: { type: 'string' },
        port: { type: 'string', default: '8080' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    io.err(`minutebook: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (values.help || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return EXIT.ok;
  }
  const contentDir = values.content as string;
  const outDir = values.out as string;
  const log = values.quiet ? () => {} : io.out;

  switch (command) {
    case 'check': {
      const { council, problems } = await loadCouncil(contentDir);
      report(problems, io);
      if (!council) {
        io.err(`check: ${count(problems)} in content folder "${contentDir}".`);
        return EXIT.content;
      }
      io.out(`${contentDir} is valid: ${council.committees.length} committees, ${council.meetings.length} meetings, ${council.items.length} items.`);
      const listed = (files: string[]) => {
        const shown = files.slice(0, 10).map((file) => `  ${file}`);
        return files.length > shown.length ? [...shown, `  … and ${files.length - shown.length} more`] : shown;
      };
      for (const { lang, items, meetings, committees } of missingTranslations(council)) {
        const language = LANGUAGE_NAMES[lang];
        if (items.length > 0) io.out([`Translations: ${items.length} of ${council.items.length} items have no ${language} version (add <item>.${lang}.md beside each):`, ...listed(items.map((i) => i.sourcePath))].join('\n'));
        if (meetings.length > 0) io.out([`Translations: ${meetings.length} meetings have notes with no ${language} version (add index.${lang}.md beside each index.md):`, ...listed(meetings.map((m) => m.sourcePath))].join('\n'));
        if (committees.length > 0) io.out([`Translations: ${committees.length} committees have terms of reference with no ${language} version (add <committee>.${lang}.md beside each):`, ...listed(committees.map((c) => c.sourcePath))].join('\n'));
      }
      return EXIT.ok;
    }
    case 'build': {
      const progress = values.quiet ? silent : createProgress({ write: (t) => process.stderr.write(t), tty: process.stderr.isTTY === true });
      const result = await build({ contentDir, outDir, cacheDir: values.cache as string | undefined, log, progress, removeOldInBackground: true });
      report(result.problems, io);
      if (!result.ok) {
        io.err(`build: ${count(result.problems)} in content folder "${contentDir}"; nothing was published and "${outDir}" was left as it was.`);
        return EXIT.content;
      }
      log(`Built ${outDir}.`);
      return EXIT.ok;
    }
    case 'serve': {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        io.err(`minutebook: --port must be a port number, got "${values.port}"\n\n${USAGE}`);
        return EXIT.usage;
      }
      return serve({ contentDir, outDir, cacheDir: values.cache as string | undefined, port, io, report: (p) => report(p, io) });
    }
    default:
      io.err(`minutebook: ${command === undefined ? 'no command given' : `unknown command "${command}"`}\n\n${USAGE}`);
      return EXIT.usage;
  }
}
