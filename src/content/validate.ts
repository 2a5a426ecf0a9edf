import type { z } from 'zod';
import type { ParsedYaml } from './frontmatter.ts';
import type { Problems } from './problems.ts';
import { distance } from './values.ts';

/** `referred_from.minute`, `attachments[1].file` */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    '',
  );
}

/** " (did you mean resolved?)" for a near miss, else "". */
export function suggestion(word: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(word.toLowerCase(), k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? ` (did you mean ${best}?)` : '';
}

/** Where nested mappings with their own known keys sit, for unknown-key warnings below the top level. */
export type NestedKeys = Record<string, readonly string[]>;

/** Warn about every key the schema does not know, naming it and the likely intended key. */
function warnUnknownKeys(
  data: Record<string, unknown>,
  known: readonly string[],
  nested: NestedKeys,
  parsed: ParsedYaml,
  file: string,
  problems: Problems,
  prefix: PropertyKey[] = [],
) {
  for (const key of Object.keys(data)) {
    const path = [...prefix, key];
    if (!known.includes(key)) {
      const expected = known.length === 0 ? ' (expected no fields: this file has only a body)' : suggestion(key, known) || ` (expected one of: ${known.join(', ')})`;
      problems.warn(file, parsed.lineOf(path), fieldName(path), `unknown field, ignored${expected}`);
      continue;
    }
    const inner = nested[key];
    const value = data[key];
    if (!inner) continue;
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : [[undefined, value] as const];
    for (const [index, entry] of entries) {
      if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
        warnUnknownKeys(entry as Record<string, unknown>, inner, {}, parsed, file, problems, index === undefined ? path : [...path, index]);
      }
    }
  }
}

/**
 * Check parsed YAML against a schema, recording every problem with its line.
 * Returns the typed data, or undefined when anything is wrong.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  parsed: ParsedYaml,
  file: string,
  known: readonly string[],
  problems: Problems,
  nested: NestedKeys = {},
): z.output<S> | undefined {
  if (parsed.errors.length) {
    for (const e of parsed.errors) problems.error(file, e.line, 'front matter', `${e.message} (expected valid YAML)`);
    return undefined;
  }
  const data = parsed.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.error(file, parsed.firstLine, 'front matter', 'is not a set of fields (expected lines such as `title: …`)');
    return undefined;
  }
  warnUnknownKeys(data as Record<string, unknown>, known, nested, parsed, file, problems);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.error(file, parsed.lineOf(issue.path), fieldName(issue.path) || 'front matter', issue.message);
  }
  return undefined;
}
