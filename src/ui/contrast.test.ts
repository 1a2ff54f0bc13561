import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * WCAG 2.2 contrast of the default palettes, read from styles/palette.css itself: 4.5:1 for text (1.4.3),
 * 3:1 for the parts of controls and the focus ring a visitor must see (1.4.11).
 */

const css = readFileSync(join(import.meta.dirname, 'styles/palette.css'), 'utf8');

/** The body of the rule whose selector is exactly `selector`. */
const rule = (selector: string) => {
  const start = css.indexOf(`${selector} {`);
  expect(start, `${selector} in styles/palette.css`).toBeGreaterThanOrEqual(0);
  return css.slice(start, css.indexOf('}', start));
};

/** The `--_name: var(--sc-name, light-dark(#light, #dark))` defaults of `.sc`: light (0) or dark (1). */
const palette = (scheme: 0 | 1): Record<string, string> =>
  Object.fromEntries(
    [
      ...rule('.sc').matchAll(
        /--_([\w-]+):\s*var\(--sc-[\w-]+,\s*light-dark\((#[0-9a-f]{3,8}),\s*(#[0-9a-f]{3,8})\)\)/gi,
      ),
    ].map((match) => [match[1], match[2 + scheme]]),
  );

type Rgba = [number, number, number, number];
const parse = (hex: string): Rgba => {
  const digits = hex.slice(1);
  const full = digits.length <= 4 ? [...digits].map((d) => d + d).join('') : digits;
  const [r, g, b, a = 255] = (full.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16));
  return [r, g, b, a / 255];
};
/** `top` painted over the opaque `bottom`. */
const over = (top: Rgba, bottom: Rgba): Rgba =>
  [...([0, 1, 2] as const).map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])), 1] as Rgba;
const luminance = ([r, g, b]: Rgba) => {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
};
const ratio = (a: Rgba, b: Rgba) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

const LIGHT = palette(0);
const DARK = palette(1);
/** The hover shade of a filled button: `inset 0 0 0 99px #0000001f` over the accent. */
const HOVER_SHADE = parse('#0000001f');

/** [what the visitor sees, foreground, background, minimum]. */
const PAIRS: [string, (p: Record<string, Rgba>) => Rgba, (p: Record<string, Rgba>) => Rgba, number][] = [
  ['text on the dialog', (p) => p.fg, (p) => p.bg, 4.5],
  ['purpose name on its card', (p) => p.fg, (p) => p.surface, 4.5],
  ['secondary text (shop name, date, "always on")', (p) => p.muted, (p) => p.bg, 4.5],
  ['purpose description on its card', (p) => p.muted, (p) => p.surface, 4.5],
  ['links and the outlined button', (p) => p.accent, (p) => p.bg, 4.5],
  ['outlined button, hovered', (p) => p.accent, (p) => p.surface, 4.5],
  ['filled buttons (Accept all, Reject all)', (p) => p['on-accent'], (p) => p.accent, 4.5],
  ['filled buttons, hovered', (p) => p['on-accent'], (p) => over(HOVER_SHADE, p.accent), 4.5],
  ['focus ring on the dialog', (p) => p.focus, (p) => p.bg, 3],
  ['focus ring on a purpose card', (p) => p.focus, (p) => p.surface, 3],
  ['switch off: its outline on the card', (p) => p.border, (p) => p.surface, 3],
  ['switch off: its knob in the track', (p) => p.border, (p) => p.bg, 3],
  ['switch on: the track on the card', (p) => p.accent, (p) => p.surface, 3],
  ['switch on: its knob in the track', (p) => p['on-accent'], (p) => p.accent, 3],
  ['button outline on the dialog', (p) => p.accent, (p) => p.bg, 3],
];

describe.each([
  ['light', LIGHT],
  ['dark', DARK],
])('the default %s palette', (_name, hexes) => {
  const colours = Object.fromEntries(Object.entries(hexes).map(([name, hex]) => [name, parse(hex)]));

  it('defines every colour the checks need, each opaque', () => {
    for (const name of ['bg', 'fg', 'muted', 'surface', 'border', 'accent', 'on-accent', 'focus']) {
      expect(colours[name], name).toBeDefined();
      expect(colours[name][3], name).toBe(1);
    }
  });

  it.each(PAIRS)('%s', (_what, foreground, background, minimum) => {
    expect(ratio(foreground(colours), background(colours))).toBeGreaterThanOrEqual(minimum);
  });
});

describe('the checks themselves', () => {
  it('give the known ratios of black, white and WCAG’s grey', () => {
    expect(ratio(parse('#000'), parse('#fff'))).toBeCloseTo(21, 5);
    expect(ratio(parse('#777'), parse('#fff'))).toBeCloseTo(4.48, 2);
    expect(ratio(parse('#fff'), parse('#fff'))).toBe(1);
  });

  it('composite a translucent colour over the one below it', () => {
    expect(over(parse('#00000080'), parse('#ffffff'))[0]).toBeCloseTo(127, 0);
  });

  it('"dark", and "auto" on a dark system, switch to the dark palette and change nothing else', () => {
    expect(rule('.sc')).toMatch(/color-scheme: light;/);
    for (const selector of [':host([data-theme="dark"]) .sc', '  :host([data-theme="auto"]) .sc'])
      expect(
        rule(selector)
          .trim()
          .replace(/^.*\{\s*/, ''),
      ).toBe('color-scheme: dark;');
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\) \{\s*:host\(\[data-theme="auto"\]\) \.sc/);
    expect(Object.keys(DARK)).toEqual(Object.keys(LIGHT));
    expect(Object.keys(DARK).length).toBeGreaterThanOrEqual(8);
  });
});
