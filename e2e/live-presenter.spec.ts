// Presenter mode: on a 1280 × 720 projector the controls a speaker needs, the figures and
// the timeline are on one screen, in large type and with text contrast of at least 7:1
// (WCAG AAA); the keyboard starts and stops the runtime and the recorder, snapshots, and
// toggles the triggers and presenter mode, but never while typing in a field.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, waitIdle } from './helpers';

/** WCAG contrast ratio of an element's text against the nearest opaque background. */
async function contrast(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const lum = (c: number[]) => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const fg = rgb(getComputedStyle(node).color);
    let bgNode: Element | null = node;
    let bg = [255, 255, 255];
    while (bgNode) {
      const c = rgb(getComputedStyle(bgNode).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0.99)) {
        bg = c;
        break;
      }
      bgNode = bgNode.parentElement;
    }
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    return (hi + 0.05) / (lo + 0.05);
  });
}

async function within(page: Page, el: Locator, name: string) {
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, name).not.toBeNull();
  expect(box!.y, name).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${name} ends below the screen`).toBeLessThanOrEqual(vp.height);
  expect(box!.x + box!.width, name).toBeLessThanOrEqual(vp.width);
}

test('presenter mode: one screen at 1280 × 720, large type, high contrast', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, '/#/live');
  await expect(page.getByRole('button', { name: 'Start runtime' })).toBeEnabled();
  const normalSize = await page.getByTestId('live-sealed').evaluate((el) => parseFloat(getComputedStyle(el.parentElement!).fontSize));
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.locator('[data-presenter="true"]')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Live controls' })).toHaveCount(0);
  const bar = page.getByRole('region', { name: 'Presenter controls' });
  for (const [role, name] of [
    ['button', 'Start runtime'],
    ['button', 'Start recorder'],
    ['button', 'Snapshot'],
    ['button', 'Trigger off'],
    ['combobox', 'Speed'],
    ['combobox', 'Workload'],
    ['button', 'Exit presenter'],
  ] as const) {
    await within(page, bar.getByRole(role, { name, exact: true }), name);
  }
  // The figures, and the top of the timeline, on the same screen.
  await within(page, page.getByRole('definition').filter({ has: page.getByTestId('live-ring') }), 'ring tile');
  const tl = await page.getByRole('group', { name: 'Generations timeline' }).boundingBox();
  expect(tl!.y + 200).toBeLessThanOrEqual(720);

  // Large type: the figures grow.
  const size = await page.getByTestId('live-sealed').evaluate((el) => parseFloat(getComputedStyle(el.parentElement!).fontSize));
  expect(size).toBeGreaterThanOrEqual(28);
  expect(size).toBeGreaterThan(normalSize);
  // High contrast: every label and note at least 7:1.
  const texts = [
    page.locator('.stat dt').first(),
    page.locator('.stat dd small').first(),
    page.locator('.presenter-keys'),
    page.locator('.presenter-facts'),
    page.locator('.timeline-help'),
  ];
  for (const t of texts) expect(await contrast(t), await t.evaluate((n) => n.className)).toBeGreaterThanOrEqual(7);
});

test('keyboard shortcuts: R, E, S, T, P and Escape, ignored while typing', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, '/#/live');
  await expect(page.getByRole('button', { name: 'Start runtime' })).toBeEnabled();
  // Typing in a field is typing, not a shortcut.
  const maxBytes = page.getByRole('spinbutton', { name: 'MaxBytes', exact: true });
  await maxBytes.focus();
  await page.keyboard.press('r');
  await expect(page.getByRole('button', { name: 'Start runtime' })).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('p');
  const bar = page.getByRole('region', { name: 'Presenter controls' });
  await expect(bar).toBeVisible();
  await page.keyboard.press('r');
  await expect(bar.getByRole('button', { name: 'Stop runtime' })).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Stop runtime' })).toHaveAttribute('aria-keyshortcuts', 'R');
  await page.keyboard.press('e');
  await expect(bar.getByRole('button', { name: 'Stop recorder' })).toBeVisible();
  await expect
    .poll(async () => Number(await page.getByRole('group', { name: 'Generations timeline' }).getAttribute('data-generations')), { timeout: 60_000 })
    .toBeGreaterThanOrEqual(1);
  const download = page.waitForEvent('download');
  await page.keyboard.press('s');
  await download;
  await waitIdle(page);
  await expect(page.getByRole('table', { name: 'Snapshots' }).locator('tr[data-source="manual"]')).toHaveCount(1);
  await page.keyboard.press('t');
  await expect(bar.getByRole('button', { name: /^Trigger on/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('t');
  await expect(bar.getByRole('button', { name: 'Trigger off' })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Live controls' })).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByRole('region', { name: 'Presenter controls' })).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByRole('region', { name: 'Presenter controls' })).toHaveCount(0);
  await page.keyboard.press('e');
  await expect(page.getByRole('button', { name: 'Start recorder' })).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.getByRole('button', { name: 'Start runtime' })).toBeVisible();
  await waitIdle(page);
});
