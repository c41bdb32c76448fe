import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { columnMax, valueAt } from './paint-counters';

describe('counter columns', () => {
  const rnd = seededRandom(21);
  const n = 5000;
  const times = new Float64Array(n);
  const values = new Float64Array(n);
  let t = 1000;
  for (let i = 0; i < n; i++) {
    times[i] = t;
    values[i] = Math.floor(rnd() * 100);
    t += 1 + Math.floor(rnd() * 2000);
  }
  const series = { timesNs: times, values };

  it('reads the value in force at a time (a step function)', () => {
    expect(valueAt(series, 999)).toBeNull();
    expect(valueAt(series, 1000)!.value).toBe(values[0]);
    expect(valueAt(series, times[10] + 0.5)!.value).toBe(values[10]);
    expect(valueAt(series, 1e12)!.value).toBe(values[n - 1]);
  });

  it('each column holds the largest value in force anywhere inside it (random zooms)', () => {
    for (let k = 0; k < 30; k++) {
      const width = 200;
      const startNs = rnd() * t;
      const span = rnd() < 0.5 ? rnd() * 50_000 : rnd() * t;
      const kk = width / span;
      const out = new Float64Array(width);
      columnMax({ startNs, k: kk }, width, series, out);
      for (let x = 0; x < width; x++) {
        const a = startNs + x / kk;
        const b = startNs + (x + 1) / kk;
        let want = NaN;
        const v0 = valueAt(series, a);
        if (v0) want = v0.value;
        for (let i = 0; i < n; i++) if (times[i] > a && times[i] < b && !(want >= values[i])) want = values[i];
        if (!(Object.is(out[x], want) || out[x] === want)) throw new Error(`zoom ${k} column ${x}: ${out[x]} != ${want}`);
      }
    }
  });

  it('draws nothing from the end of what has been read on (the last value is not known to hold)', () => {
    const width = 100;
    const kk = width / t;
    const out = new Float64Array(width);
    const endNs = times[n / 2];
    columnMax({ startNs: 0, k: kk }, width, series, out, endNs);
    for (let x = 0; x < width; x++) {
      const a = x / kk;
      if (a >= endNs) expect(out[x], `column ${x}`).toBeNaN();
      else if (a >= times[0]) expect(out[x], `column ${x}`).toBeGreaterThanOrEqual(0);
    }
    // Without an end, the series fills the frame to its edge.
    columnMax({ startNs: 0, k: kk }, width, series, out);
    for (let x = Math.ceil(endNs * kk); x < width; x++) expect(out[x], `column ${x}`).toBeGreaterThanOrEqual(0);
  });
});
