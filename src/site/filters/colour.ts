/** The header colour when site.yml gives none, or one too light for white text: 8.8:1 against white. */
export const DEFAULT_BRAND = '#1d4f6e';

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The council's colour when white text on it meets WCAG AA (4.5:1), else the default. The header
 * text is white and the colour is also used for text on white, so one check covers both.
 */
export function brandColour(colour: string | undefined): string {
  if (!colour || !/^#[0-9a-fA-F]{6}$/.test(colour)) return DEFAULT_BRAND;
  return contrast(colour.toLowerCase(), '#ffffff') >= 4.5 ? colour.toLowerCase() : DEFAULT_BRAND;
}
