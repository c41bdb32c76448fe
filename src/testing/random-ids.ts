// Goroutine, P or M IDs for randomized tests of ID-keyed tables: mostly small ones, and some
// past the dense range, negative, and bigints past 2^63, as a crafted trace may hold.

import type { Id } from '../analysis/bounded-id-set';

export function randomId(rnd: () => number): Id {
  const r = rnd();
  if (r < 0.7) return Math.floor(rnd() * 3000);
  if (r < 0.8) return (1 << 22) + Math.floor(rnd() * 50);
  if (r < 0.9) return -1 - Math.floor(rnd() * 50);
  return 2n ** 63n + BigInt(Math.floor(rnd() * 50));
}
