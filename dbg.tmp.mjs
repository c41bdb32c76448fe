import { chromium } from '@playwright/test';
const [,, file, hash] = process.argv;
const browser0 = 0;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on('console', (m) => console.log('console:', m.text()));
await page.goto('http://127.0.0.1:4182/' + hash);
await page.waitForFunction(() => document.documentElement.dataset.idle === 'true');
console.log('hash0', await page.evaluate(() => location.hash));
await page.setInputFiles('input[type=file]', file);
await page.waitForFunction(() => document.documentElement.dataset.idle === 'true');
for (let i = 0; i < 5; i++) { console.log('hash', await page.evaluate(() => location.hash), await page.getByTestId('timeline-page').getAttribute('data-range')); await page.waitForTimeout(300); }
const label = page.locator('.tl-label.row[data-goroutine="1"]').first();
const tracks = await page.getByTestId('timeline-tracks').boundingBox(); console.log('tracks', tracks);
let lb;
for (let i = 0; i < 20; i++) {
  lb = await label.boundingBox(); console.log('label', lb, await page.getByTestId('timeline-page').getAttribute('data-range'));
  if (lb && lb.y >= tracks.y && lb.y + lb.height <= tracks.y + tracks.height) break;
  await page.mouse.move(tracks.x - 100, tracks.y + 40);
  await page.mouse.wheel(0, lb ? Math.max(-600, Math.min(600, lb.y - (tracks.y + tracks.height / 2))) : 600);
  await page.waitForFunction(() => document.documentElement.dataset.idle === 'true');
}
await page.mouse.click(tracks.x + tracks.width / 2, lb.y + lb.height / 2);
for (let i = 0; i < 3; i++) { console.log('after click', await page.evaluate(() => location.hash), await page.getByTestId('timeline-page').getAttribute('data-range')); await page.waitForTimeout(300); }
await page.screenshot({ path: '/tmp/tlv/dbg.png' });
await browser.close();
