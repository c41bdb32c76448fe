// The timeline sink's own bookkeeping, apart from the model it builds (model.test.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPass } from '../event-pass';
import { TimelineSink } from './sink';

const TRACES = join(__dirname, '../../../testdata/traces');

describe('TimelineSink', () => {
  it('has started once the first generation’s Sync has come, not before', () => {
    const bytes = new Uint8Array(readFileSync(join(TRACES, 'generations.go126.trace')));
    const sink = new TimelineSink(() => {});
    expect(sink.started).toBe(false);
    // One event per step: the first is the first generation's Sync.
    const pass = runPass(bytes, [sink], 1);
    expect(pass.next().done).toBe(false);
    expect(sink.started).toBe(true);
    expect(sink.generations).toBe(0);
  });
});
