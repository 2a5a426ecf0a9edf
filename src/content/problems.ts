/** One thing wrong with the content, pinned to a file and line. */
export interface Problem {
  /** Path as shown to the clerk: relative to the working directory, with / separators. */
  file: string;
  line: number;
  /** The front-matter field, e.g. `date`, `referred_from.minute`, `attachments[1].file`. */
  field: string;
  /** What is wrong, then what was expected in brackets. */
  message: string;
  severity: 'error' | 'warning';
}

/** `path:line: field: message` — the one format every problem is reported in. */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${p.file}:${p.line}: ${tag}${p.field}: ${p.message}`;
}

/** Collects every problem of a run, so they can all be reported at once. */
export class Problems {
  readonly list: Problem[] = [];

  error(file: string, line: number, field: string, message: string): void {
    this.list.push({ file, line, field, message, severity: 'error' });
  }

  warn(file: string, line: number, field: string, message: string): void {
    this.list.push({ file, line, field, message, severity: 'warning' });
  }

  get errors(): Problem[] {
    return this.list.filter((p) => p.severity === 'error');
  }

  get warnings(): Problem[] {
    return this.list.filter((p) => p.severity === 'warning');
  }

  /** Problems in a stable order: by file, then line, then field. */
  sorted(): Problem[] {
    return [...this.list].sort(
      (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.field.localeCompare(b.field)),
    );
  }
}

/** Thrown when content cannot be built; carries every problem found. */
export class ContentError extends Error {
  constructor(
    readonly problems: Problem[],
    options?: { cause?: unknown },
  ) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'} in the content:\n${errors.map(formatProblem).join('\n')}`, options);
    this.name = 'ContentError';
  }
}
