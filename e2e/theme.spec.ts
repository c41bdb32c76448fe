// Light and dark themes: the system's choice by default, a remembered choice from the top bar,
// every screen drawn in both (screenshots kept as test artefacts), and the generations canvas
// redrawn in the new colours when the theme changes.

import { expect, test, type Page } from '@playwright/test';
import { dropFile, openApp, smallRealTrace, waitIdle } from './helpers';

const theme = (page: Page) => page.locator('html').getAttribute('data-theme');
const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const radio = (page: Page, name: string) => page.getByRole('radio', { name: `Theme: ${name}` });

test('follows the system until a theme is chosen; the choice is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  expect(await theme(page)).toBe('dark');
  expect(await bodyBackground(page)).toBe('rgb(15, 18, 23)');
  await expect(radio(page, 'follow the system')).toHaveAttribute('aria-checked', 'true');

  // The system changes while the page is open.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => theme(page)).toBe('light');
  expect(await bodyBackground(page)).toBe('rgb(246, 247, 249)');

  // A choice overrides the system and survives a reload.
  await radio(page, 'dark').click();
  expect(await theme(page)).toBe('dark');
  await page.reload();
  await waitIdle(page);
  expect(await theme(page)).toBe('dark');
  await expect(radio(page, 'dark')).toHaveAttribute('aria-checked', 'true');

  // Keyboard: the arrow keys move through the choices, as in any radio group.
  await radio(page, 'dark').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(radio(page, 'light')).toBeFocused();
  expect(await theme(page)).toBe('light');
  await page.keyboard.press('ArrowLeft');
  await expect(radio(page, 'follow the system')).toHaveAttribute('aria-checked', 'true');
  expect(await theme(page)).toBe('light'); // the system is light now
  await page.reload();
  await waitIdle(page);
  await expect(radio(page, 'follow the system')).toHaveAttribute('aria-checked', 'true');
});

/** Pixels of the canvas in one exact colour (its custom property in the current theme). */
async function pixelsOf(page: Page, cssVar: string): Promise<number> {
  return page.evaluate((name) => {
    const hex = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const c = document.querySelector('.timeline canvas') as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] === r && d[i + 1] === g && d[i + 2] === b && d[i + 3] === 255) n++;
    return n;
  }, cssVar);
}

test('the generations canvas redraws in the new theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  await page.getByRole('tab', { name: 'Live flight recorder' }).click();
  await page.getByRole('button', { name: 'Start runtime' }).click();
  await page.getByRole('button', { name: 'Start recorder' }).click();
  const timeline = page.getByRole('group', { name: 'Generations timeline' });
  await expect.poll(async () => Number(await timeline.getAttribute('data-in-ring')), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  // Stopped, so nothing animates: any change on the canvas comes from the theme switch.
  await page.getByRole('button', { name: 'Stop runtime' }).click();
  await waitIdle(page);

  const lightGen = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--gen').trim());
  expect(await pixelsOf(page, '--gen')).toBeGreaterThan(500);
  await radio(page, 'dark').click();
  const darkGen = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--gen').trim());
  expect(darkGen).not.toBe(lightGen);
  // The boxes are in the dark theme's colour now, and none is left in the light one.
  await expect.poll(() => pixelsOf(page, '--gen')).toBeGreaterThan(500);
  const leftover = await page.evaluate((hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const c = document.querySelector('.timeline canvas') as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] === r && d[i + 1] === g && d[i + 2] === b) n++;
    return n;
  }, lightGen);
  expect(leftover).toBe(0);
});

test('every screen in both themes (screenshots kept as artefacts)', async ({ page }, info) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const t = smallRealTrace();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    expect(await theme(page)).toBe(scheme);
    const shot = async (name: string) => {
      const path = info.outputPath(`${scheme}-${name}.png`);
      await page.screenshot({ path, fullPage: true });
      await info.attach(`${scheme}-${name}`, { path, contentType: 'image/png' });
    };
    await shot('inspect-empty');
    await dropFile(page, t.name, t.bytes);
    await expect(page.getByText('Go’s parser reads it cleanly')).toBeVisible();
    await shot('inspect-trace');
    await dropFile(page, 'notes.txt', new TextEncoder().encode('not a trace at all'));
    await shot('inspect-not-a-trace');
    const cut = t.bytes.slice(0, t.summary.generations[1].offset + 40);
    await dropFile(page, 'cut.trace', cut);
    await shot('inspect-damaged');
    await page.getByRole('tab', { name: 'Live flight recorder' }).click();
    await expect(page.getByRole('button', { name: 'Start runtime' })).toBeEnabled();
    await shot('live-idle');
    await page.getByRole('button', { name: 'Start runtime' }).click();
    await page.getByRole('button', { name: 'Start recorder' }).click();
    const timeline = page.getByRole('group', { name: 'Generations timeline' });
    await expect.poll(async () => Number(await timeline.getAttribute('data-in-ring')), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Snapshot' }).click();
    await download;
    await waitIdle(page);
    await page.getByRole('button', { name: 'Stop runtime' }).click();
    await waitIdle(page);
    await timeline.hover();
    await shot('live-recording');
    await page.evaluate(() => localStorage.clear());
  }
});
