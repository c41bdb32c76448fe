// Every control can be found by its role and accessible name and used from the keyboard.

import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('the screens are tabs, switchable with the arrow keys', async ({ page }) => {
  await openApp(page);
  const inspect = page.getByRole('tab', { name: 'Inspect a trace' });
  const live = page.getByRole('tab', { name: 'Live flight recorder' });
  await expect(inspect).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await expect(inspect).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(live).toBeFocused();
  await expect(live).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-live');
  await page.keyboard.press('ArrowLeft');
  await expect(inspect).toHaveAttribute('aria-selected', 'true');
});

test('the first screen: a labelled file input behind a keyboard-reachable button', async ({ page }) => {
  await openApp(page);
  await expect(page.getByLabel('Open a Go trace file')).toHaveAttribute('type', 'file');
  // Listen for the file chooser before any key is pressed: Playwright turns on chooser
  // interception asynchronously, and a quick Enter could otherwise beat it.
  const chooser = page.waitForEvent('filechooser');
  const choose = page.getByRole('button', { name: 'Choose a trace file…' });
  for (let i = 0; i < 10 && !(await choose.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(choose).toBeFocused();
  await page.keyboard.press('Enter');
  await chooser;
});

test('the live view: every control has a role and a name, and Tab reaches each one', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Live flight recorder' }).click();
  await expect(page.getByRole('region', { name: 'Live controls' })).toBeVisible();

  const controls = [
    page.getByRole('button', { name: 'Start runtime' }),
    page.getByRole('combobox', { name: 'Workload' }),
    page.getByRole('combobox', { name: 'Speed' }),
    page.getByRole('spinbutton', { name: 'MaxBytes', exact: true }),
    page.getByRole('combobox', { name: 'MaxBytes unit' }),
    page.getByRole('spinbutton', { name: 'MinAge', exact: true }),
    page.getByRole('combobox', { name: 'MinAge unit' }),
    page.getByRole('button', { name: 'Start recorder' }),
    page.getByRole('button', { name: 'Snapshot' }),
    page.getByRole('button', { name: 'Start full trace' }),
    page.getByRole('group', { name: 'Generations timeline' }),
  ];
  // The controls enable once the runtime worker has answered.
  await expect(page.getByRole('button', { name: 'Start runtime' })).toBeEnabled();
  for (const c of controls) await expect(c).toBeVisible();

  // Walk the tab order from the tabs: each enabled control is reached.
  await page.getByRole('tab', { name: 'Live flight recorder' }).focus();
  const reached = new Set<string>();
  for (let i = 0; i < 45; i++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.id}` : '';
    }));
  }
  for (const c of controls) {
    if (await c.isDisabled()) continue;
    const key = await c.evaluate((el) => `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.id}`);
    expect([...reached], `Tab never reached ${key}`).toContain(key);
  }
});
