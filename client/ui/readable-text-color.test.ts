import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextColor } from './readable-text-color.js';

describe('readableTextColor', () => {
  it('uses white on dark office colours', () => {
    expect(readableTextColor('#003580')).toBe('#ffffff');
  });

  it('uses black on light office colours', () => {
    expect(readableTextColor('#ffcd00')).toBe('#000000');
  });

  it('always reaches at least 4.5:1, the WCAG AA minimum for text', () => {
    for (const background of ['#c8102e', '#0072ce', '#ba0c2f', '#006aa7', '#dc143c', '#777777', '#888888']) {
      expect(contrastRatio(background, readableTextColor(background))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('rejects anything that is not #rrggbb', () => {
    expect(() => readableTextColor('red')).toThrow();
  });
});
