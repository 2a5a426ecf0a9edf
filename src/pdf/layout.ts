/** How a piece of inline text looks: its face and, for links, where it goes. */
export interface Style {
  bold: boolean;
  italic: boolean;
  /** Link target; links with the same id are one link (it may wrap over lines). `dest` links go to a named place in this PDF. */
  link?: { href: string; id: number; dest?: boolean };
}

/** A stretch of inline text in one style, as collected from markdown-it's inline tokens. */
export interface Run {
  text: string;
  style: Style;
}

/** Part of a laid-out line in one style, at x (relative to the line start). */
export interface Segment {
  text: string;
  style: Style;
  x: number;
  width: number;
}

export interface Line {
  segments: Segment[];
  width: number;
}

export type Measure = (text: string, style: Style) => number;

interface Piece {
  text: string;
  style: Style;
}

/** A word is the pieces between spaces: "**bold**text" is one word in two styles. */
type Word = Piece[];
type Token = { kind: 'word'; pieces: Word } | { kind: 'space'; style: Style } | { kind: 'break' };

export const PLAIN: Style = { bold: false, italic: false };

function sameStyle(a: Style, b: Style): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.link?.id === b.link?.id;
}

function tokenize(runs: readonly Run[]): Token[] {
  const tokens: Token[] = [];
  let word: Word | undefined;
  for (const run of runs) {
    for (const part of run.text.split(/(\n|[ \t\r\f\v\u00a0]+)/)) {
      if (part === '') continue;
      if (part === '\n') {
        word = undefined;
        tokens.push({ kind: 'break' });
      } else if (/^\s+$/.test(part)) {
        word = undefined;
        if (tokens.at(-1)?.kind !== 'space') tokens.push({ kind: 'space', style: run.style });
      } else if (word) {
        word.push({ text: part, style: run.style });
      } else {
        word = [{ text: part, style: run.style }];
        tokens.push({ kind: 'word', pieces: word });
      }
    }
  }
  return tokens;
}

/** Split a word too long for a line (a long URL) into parts that fit, character by character. */
function splitWord(pieces: Word, width: number, measure: Measure): Word[] {
  const parts: Word[] = [];
  let current: Word = [];
  let used = 0;
  for (const piece of pieces) {
    for (const char of piece.text) {
      const w = measure(char, piece.style);
      if (used + w > width && current.length > 0) {
        parts.push(current);
        current = [];
        used = 0;
      }
      const last = current.at(-1);
      if (last && sameStyle(last.style, piece.style)) last.text += char;
      else current.push({ text: char, style: piece.style });
      used += w;
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** Lay inline runs out into lines no wider than `width`: greedy, ragged right, spaces collapsed. */
export function wrap(runs: readonly Run[], width: number, measure: Measure): Line[] {
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let used = 0;
  let space: Style | undefined;
  const wordWidth = (w: Word) => w.reduce((sum, p) => sum + measure(p.text, p.style), 0);
  const finish = () => {
    lines.push(line);
    line = [];
    used = 0;
    space = undefined;
  };
  const place = (word: Word, w: number) => {
    if (space && line.length > 0) {
      line.push({ text: ' ', style: space });
      used += measure(' ', space);
    }
    line.push(...word.map((p) => ({ ...p })));
    used += w;
    space = undefined;
  };
  for (const token of tokenize(runs)) {
    if (token.kind === 'break') {
      finish();
      continue;
    }
    if (token.kind === 'space') {
      space = token.style;
      continue;
    }
    const w = wordWidth(token.pieces);
    const spaceWidth = space && line.length > 0 ? measure(' ', space) : 0;
    if (line.length > 0 && used + spaceWidth + w > width) finish();
    if (w <= width) {
      place(token.pieces, w);
      continue;
    }
    const parts = splitWord(token.pieces, width, measure);
    parts.forEach((part, i) => {
      if (i > 0) finish();
      place(part, wordWidth(part));
    });
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((pieces) => toLine(pieces, measure));
}

function toLine(pieces: readonly Piece[], measure: Measure): Line {
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last && sameStyle(last.style, piece.style)) last.text += piece.text;
    else merged.push({ ...piece });
  }
  let x = 0;
  const segments = merged.map((p) => {
    const width = measure(p.text, p.style);
    const segment = { text: p.text, style: p.style, x, width };
    x += width;
    return segment;
  });
  return { segments, width: x };
}

/** The width of the runs on one line, unwrapped (a table column's natural width). */
export function naturalWidth(runs: readonly Run[], measure: Measure): number {
  return Math.max(0, ...wrap(runs, Infinity, measure).map((l) => l.width));
}

/** The widest single word (a table column's narrowest sensible width). */
export function longestWord(runs: readonly Run[], measure: Measure): number {
  let widest = 0;
  for (const token of tokenize(runs)) {
    if (token.kind === 'word') widest = Math.max(widest, token.pieces.reduce((s, p) => s + measure(p.text, p.style), 0));
  }
  return widest;
}
