// Both palettes of styles.css, read from the file itself: every pair of text and background
// colours the app uses meets WCAG 2 AA for normal-size text (4.5:1), and every colour of the
// light theme has a dark value (so a new colour cannot leave the dark theme half light).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');

function block(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`${selector} not found in styles.css`);
  const body = css.slice(start, css.indexOf('}', start));
  const vars = new Map<string, string>();
  for (const m of body.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)) vars.set(m[1], m[2].toLowerCase());
  return vars;
}

const light = block(':root');
const dark = new Map([...light, ...block("html[data-theme='dark']")]);

function luminance(hex: string): number {
  let h = hex.slice(1);
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// [text, background, where it is used]
const TEXT_PAIRS: [string, string, string][] = [
  ['--ink', '--bg', 'page text'],
  ['--ink', '--panel', 'card text'],
  ['--ink-2', '--panel', 'secondary text'],
  ['--ink-2', '--bg', 'secondary text outside cards'],
  ['--ink-3', '--panel', 'labels, axis ticks, hints'],
  ['--ink-3', '--bg', 'hints outside cards'],
  ['--ink-3', '--info-soft', "status pills, the 'Go says:' label"],
  ['--ink', '--info-soft', "Go's message"],
  ['--ink-2', '--accent-soft', 'the update notice'],
  ['--accent', '--panel', 'selected tab, links, snapshot label on the canvas'],
  ['--accent', '--accent-soft', 'the chosen theme button'],
  ['--accent-ink', '--accent', 'primary buttons'],
  ['--ring', '--panel', "'parses cleanly' verdicts, checks"],
  ['--ring-ink', '--ring-soft', "'on' buttons, live pill, the ring's label on the canvas"],
  ['--bad', '--panel', 'damaged verdicts'],
  ['--bad', '--bad-soft', 'error banners, recording pill'],
  ['--warn', '--panel', 'version verdicts, pending notes'],
  ['--cause-bytes', '--panel', 'evicted-by-MaxBytes text'],
  ['--cause-age', '--panel', 'evicted-by-MinAge text, MinAge on the canvas'],
  ['--cause-ink', '--cause-bytes', 'MaxBytes tag'],
  ['--cause-ink', '--cause-age', 'MinAge tag'],
  ['--gen-ink', '--gen', 'labels inside generation boxes'],
  ['--ink', '--evicted', 'labels inside evicted boxes'],
  ['--ink', '--unrecorded', 'labels inside unrecorded boxes'],
  ['--writing-ink', '--panel', "'g12 writing' on the canvas"],
];

describe('theme palettes', () => {
  for (const [name, palette] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`${name}: every text colour on its background meets WCAG AA (4.5:1)`, () => {
      const failures: string[] = [];
      for (const [fg, bg, where] of TEXT_PAIRS) {
        const a = palette.get(fg);
        const b = palette.get(bg);
        expect(a, `${fg} is not a hex colour in styles.css`).toBeDefined();
        expect(b, `${bg} is not a hex colour in styles.css`).toBeDefined();
        const r = contrast(a!, b!);
        if (r < 4.5) failures.push(`${fg} on ${bg} (${where}): ${r.toFixed(2)}:1`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('every colour of the light theme has a dark value', () => {
    const darkOwn = block("html[data-theme='dark']");
    const missing = [...light.keys()].filter((k) => !darkOwn.has(k));
    expect(missing).toEqual([]);
  });

  it('the contrast formula matches WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
