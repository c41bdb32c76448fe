// ?url= with a path whose %-escapes do not decode: the page says so, nothing is left unhandled.

import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('?url= with a broken %-escape in its path shows a message, not nothing', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page, '/?url=/%E0%A4%A');
  await expect(page.getByRole('alert')).toContainText('cannot be decoded');
  expect(errors).toEqual([]);
});
