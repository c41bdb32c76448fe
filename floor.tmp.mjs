import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page.setContent('<canvas id=c width=1370 height=770 style="position:absolute;left:230px;top:200px"></canvas><canvas id=d width=1370 height=28 style="position:absolute;left:230px;top:170px"></canvas>');
for (const mode of ['none', 'put', 'rects2000', 'put-half', 'put+text200']) {
  const r = await page.evaluate(`(async () => {
    const c = document.getElementById('c'); const ctx = c.getContext('2d');
    const img = ctx.createImageData(c.width, mode === 'put-half' ? c.height / 2 : c.height); const u = new Uint32Array(img.data.buffer);
    const frame = () => new Promise((res) => requestAnimationFrame(res));
    const out = []; let last = await frame(); let k = 0;
    for (let i = 0; i < 90; i++) {
      k++;
      const t0 = performance.now();
      if (mode.startsWith('put')) { u.fill(0xff000000 | (k * 2654435761 & 0xffffff)); ctx.putImageData(img, 0, 0); }
      if (mode === 'put+text200') { ctx.font = '11px monospace'; ctx.fillStyle = '#fff'; for (let j = 0; j < 200; j++) ctx.fillText('G1234 main.worker', (j * 37) % 1300, (j * 13) % 760); }
      if (mode === 'rects2000') { for (let j = 0; j < 2000; j++) { ctx.fillStyle = j % 2 ? '#36c' : '#c63'; ctx.fillRect((j * 7 + k) % 1370, (j * 3) % 770, 5, 14); } }
      const t = await frame(); out.push(t - last); last = t;
    }
    out.sort((a, b) => a - b);
    return [out[45], out[85]];
  })()`.replace(/mode/g, JSON.stringify(mode)));
  console.log(mode.padEnd(12), 'frame p50', r[0].toFixed(1), 'p95', r[1].toFixed(1));
}
await browser.close();
