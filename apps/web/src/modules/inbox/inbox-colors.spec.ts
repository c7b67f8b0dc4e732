import { DEFAULT_THEME, luminance } from '@mantine/core';
import { HOVERED_ROW, OVERDUE_TEXT, SELECTED_ROW } from './inbox-colors';

/** A theme colour such as `red.9` (or `white`) as its hex value. */
function hex(themeColor: string): string {
  if (themeColor === 'white') return DEFAULT_THEME.white;
  const [name, shade] = themeColor.split('.');
  const value = DEFAULT_THEME.colors[name ?? '']?.[Number(shade)];
  if (!value) throw new Error(`no theme colour ${themeColor}`);
  return value;
}

/** WCAG's contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(hex(a)), luminance(hex(b))].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('inbox colours', () => {
  it.each([
    ['the page', 'white'],
    ['a selected row', SELECTED_ROW],
    ['a hovered row', HOVERED_ROW],
  ])('overdue text reads at 4.5:1 or more on %s', (_, background) => {
    expect(contrast(OVERDUE_TEXT, background)).toBeGreaterThanOrEqual(4.5);
  });

  it('would not with red.8 on a selected row (what axe found)', () => {
    expect(contrast('red.8', SELECTED_ROW)).toBeLessThan(4.5);
  });
});
