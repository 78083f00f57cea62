/** Relative luminance of an sRGB colour given as `#rrggbb` (WCAG 2.1 definition). */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [red, green, blue] = match.slice(1).map((part) => {
    const channel = Number.parseInt(part, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** WCAG contrast ratio between two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (lighter + 0.05) / (darker + 0.05);
}

const dark = '#000000';
const light = '#ffffff';

/**
 * The text colour, black or white, that reads best on `background`. Office colours are chosen for
 * branding, not legibility, so labels drawn on them pick their text colour here. Pure black (not a
 * softer near-black) is what keeps every possible background at 4.5:1 or more.
 */
export function readableTextColor(background: string): string {
  return contrastRatio(background, dark) >= contrastRatio(background, light) ? dark : light;
}
