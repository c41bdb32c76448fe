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

  // Each control's element is marked with its index, so the walk below knows exactly which
  // control has focus (buttons have no aria-label or id to tell them apart).
  const names = ['Start runtime', 'Workload', 'Speed', 'MaxBytes', 'MaxBytes unit', 'MinAge', 'MinAge unit', 'Start recorder', 'Snapshot', 'Start full trace', 'Generations timeline'];
  for (let i = 0; i < controls.length; i++) await controls[i].evaluate((el, i) => el.setAttribute('data-a11y-control', String(i)), i);
  /** Walks the tab order from the tabs and returns the names of the controls it reached. */
  const walk = async () => {
    await page.getByRole('tab', { name: 'Live flight recorder' }).focus();
    const reached = new Set<string>();
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => document.activeElement?.getAttribute('data-a11y-control') ?? null);
      if (at !== null) reached.add(names[Number(at)]);
    }
    return reached;
  };

  // Before the runtime runs, exactly the recorder's button and the full trace's are disabled
  // (both record a running program); every other control is reached by Tab.
  const disabled: string[] = [];
  for (let i = 0; i < controls.length; i++) if (await controls[i].isDisabled()) disabled.push(names[i]);
  expect(disabled).toEqual(['Start recorder', 'Start full trace']);
  expect([...(await walk())].sort()).toEqual(names.filter((n) => !disabled.includes(n)).sort());

  // With the runtime running every control is enabled, and Tab reaches each one.
  await page.getByRole('button', { name: 'Start runtime' }).click();
  await expect(page.getByRole('button', { name: 'Start recorder' })).toBeEnabled();
  for (let i = 1; i < controls.length; i++) await expect(controls[i]).toBeEnabled();
  expect([...(await walk())].sort()).toEqual([...names].sort());
  await page.getByRole('button', { name: 'Stop runtime' }).click();
});
