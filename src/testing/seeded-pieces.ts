// A pull function handing out bytes in seeded random pieces (mostly up to ~96 KiB, now and then
// 1–50 bytes), as a File read in slices or a network stream would: for tests of the streamed
// reader and inspector. With failAt, the source throws once it reaches that offset.

import { seededRandom } from './seeded-random';

export function seededPieces(bytes: Uint8Array, seed: number, failAt = Infinity): () => Promise<Uint8Array | null> {
  const rand = seededRandom(seed);
  let pos = 0;
  return async () => {
    if (pos >= failAt) throw new Error('the disk went away');
    if (pos >= bytes.length) return null;
    const n = rand() < 0.3 ? 1 + Math.floor(rand() * 50) : 1 + Math.floor(rand() * 96 * 1024);
    const c = bytes.slice(pos, Math.min(bytes.length, pos + n, failAt));
    pos += c.length;
    return c;
  };
}
