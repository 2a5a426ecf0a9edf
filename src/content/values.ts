import { DateTime } from 'luxon';
import { z } from 'zod';

/** How a YAML value reads to a clerk: "text", "a number", "a list" … */
export function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

/** The message for a value of the wrong kind, or a missing one. */
function wrongKind(expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `missing (expected ${expected})` : `${describe(issue.input)} is the wrong kind of value (expected ${expected})`;
}

/** Non-empty text. */
export const text = (expected = 'text') =>
  z.string({ error: wrongKind(expected) }).trim().min(1, { error: `is empty (expected ${expected})` });

/** Text, or a number written without quotes (minute numbers: 571 or "C118"). */
export const label = (expected: string) =>
  z
    .union([z.string(), z.number()], { error: wrongKind(expected) })
    .transform((v) => String(v).trim())
    .refine((v) => v.length > 0, { error: `is empty (expected ${expected})` });

export const bool = (expected = 'true or false') => z.boolean({ error: wrongKind(expected) });

export const list = (expected = 'a list of text') =>
  z.array(z.string({ error: wrongKind('text') }).trim().min(1, { error: 'is empty (expected text)' }), {
    error: wrongKind(expected),
  });

/** One of a fixed set of words. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => {
  const expected = values.length === 2 ? `${values[0]} or ${values[1]}` : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined ? `missing (expected ${expected})` : `${describe(issue.input)} is not allowed (expected ${expected})`,
  });
};

/**
 * A calendar date written as YYYY-MM-DD and validated as written: 2025-02-30 is an error,
 * not 2 March (the trap of js-yaml's timestamps, which is why YAML is read with the core schema).
 */
export const isoDate = () =>
  text('a date as YYYY-MM-DD').superRefine((value, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not written as a date (expected YYYY-MM-DD, e.g. 2025-03-04)` });
    } else if (!DateTime.fromISO(value, { zone: 'utc' }).isValid) {
      ctx.addIssue({ code: 'custom', message: `${value} is not a real date (expected YYYY-MM-DD)` });
    }
  });

/** A 24-hour time "HH:MM". */
export const clockTime = () =>
  text('a time as "HH:MM", e.g. "14:00"').refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), {
    error: (issue) => `${describe(issue.input)} is not a time (expected "HH:MM" in 24-hour time, e.g. "14:00")`,
  });

/** A slug: lower-case letters, digits and hyphens. */
export const slug = (expected: string) =>
  text(expected).refine((v) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v), {
    error: (issue) => `${describe(issue.input)} is not a slug (expected ${expected}: lower-case letters, digits and hyphens)`,
  });

/** URL segment from a file or folder name: "05 Budget Gŵyl.md" -> "05-budget-gwyl". */
export function slugify(name: string): string {
  // Most names are slugs already (and every step below leaves a slug as it is).
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) return name;
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Edit distance, for "did you mean" hints on unknown keys. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}
