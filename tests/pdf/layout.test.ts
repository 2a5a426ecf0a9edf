import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/pdf/document.ts';
import { PLAIN, wrap, type Run, type Style } from '../../src/pdf/layout.ts';

const BOLD: Style = { bold: true, italic: false };
const LINK: Style = { bold: false, italic: false, link: { href: 'https://example.org/', id: 1 } };

function measureAt(size: number) {
  const { surface } = createDocument({
    title: 't',
    author: 'a',
    subject: 's',
    keywords: [],
    lang: 'cy',
    date: new Date(Date.UTC(2025, 0, 1)),
    header: '',
    footer: '',
  });
  return surface.measure(size);
}

describe('Wrapping lines of text for a PDF', () => {
  const measure = measureAt(11);

  it('gives each segment the width of its text measured whole, kerning included', () => {
    // "AV" kerns in Noto Sans: a segment joined inside a word must not be the sum of its halves.
    expect(measure('AV', PLAIN)).toBeLessThan(measure('A', PLAIN) + measure('V', PLAIN) - 0.01);
    const runs: Run[] = [
      { text: 'Cyngor Sir yn trafod Gŵyl Ddewi a ', style: PLAIN },
      { text: 'chyllideb', style: BOLD },
      { text: ' y flwyddyn. A', style: PLAIN },
      { text: 'VOID the ', style: PLAIN },
      { text: 'report online', style: LINK },
      { text: ' before the meeting; the committee agreed it, with amendments, and referred it on to Cabinet.', style: PLAIN },
    ];
    for (const width of [120, 200, 360, Infinity]) {
      const lines = wrap(runs, width, measure);
      expect(lines.length).toBeGreaterThan(width === Infinity ? 0 : 1);
      for (const line of lines) {
        let x = 0;
        for (const segment of line.segments) {
          expect(segment.width).toBeCloseTo(measure(segment.text, segment.style), 9);
          expect(segment.x).toBeCloseTo(x, 9);
          x += segment.width;
        }
        expect(line.width).toBeCloseTo(x, 9);
        if (width !== Infinity) expect(line.width).toBeLessThanOrEqual(width + 1e-9);
      }
      // Nothing lost or added but the spaces where lines break.
      const words = (text: string) => text.split(/\s+/).filter(Boolean);
      expect(words(lines.map((l) => l.segments.map((s) => s.text).join('')).join(' '))).toEqual(words(runs.map((r) => r.text).join('')));
    }
  });

  it('keeps a word split by a style change on one line, and a long word broken to fit', () => {
    const lines = wrap([{ text: 'the ', style: PLAIN }, { text: 'Gw', style: BOLD }, { text: 'ŷl', style: PLAIN }, { text: ' https://example.org/a/very/long/address/that/cannot/fit', style: PLAIN }], 90, measure);
    expect(lines[0]!.segments.map((s) => s.text)).toEqual(['the ', 'Gw', 'ŷl']);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(90);
    expect(lines.slice(1).map((l) => l.segments.map((s) => s.text).join('')).join('')).toBe('https://example.org/a/very/long/address/that/cannot/fit');
  });
});
