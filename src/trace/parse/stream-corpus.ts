// The corpus of the streamed-input tests (the reader, the wire and footprint dumps fed in
// pieces), for tests only: it reads files.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureBinary, parseFixture } from './test-fixtures';

/**
 * Every committed real trace, our regression traces and the fixtures of this folder's
 * testdata as binaries (damaged, truncated and old-format ones included): the corpus of the
 * streamed-input tests.
 */
export function streamCorpus(): { name: string; bytes: Uint8Array }[] {
  const root = join(__dirname, '../../..');
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const dir of ['testdata/traces', 'testdata/regressions']) {
    for (const f of readdirSync(join(root, dir)).filter((x) => x.endsWith('.trace'))) {
      out.push({ name: f, bytes: new Uint8Array(readFileSync(join(root, dir, f))) });
    }
  }
  const own = join(__dirname, 'testdata');
  for (const f of readdirSync(own).filter((x) => x.endsWith('.test'))) {
    out.push({ name: f, bytes: fixtureBinary(parseFixture(f, readFileSync(join(own, f), 'latin1')).trace) });
  }
  return out;
}
