// The wire summary of a Blob as the slice reader walks it (inspectHere, with the platform's
// Blob and DecompressionStream, which Node has too): plain or gzip, the same summary as the
// walk over the whole file; a cut gzip stream says so and keeps what came out whole; a
// cancelled walk ends at once.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspectTrace } from '../trace/wire/inspect';
import { inspectHere } from './inspect-blob';

const DIR = join(__dirname, '../../testdata/traces');
const bytes = new Uint8Array(readFileSync(join(DIR, 'generations.go126.trace')));

describe('inspectHere', () => {
  it('walks a plain Blob to the summary of the whole file', async () => {
    const { wire, failure } = await inspectHere(new Blob([bytes]), false).done;
    expect(failure).toBeNull();
    expect(wire).toEqual(inspectTrace(bytes));
    expect(wire.generations.length).toBeGreaterThan(1);
  });

  it('walks a gzip Blob to the summary of the trace inside', async () => {
    const { wire, failure } = await inspectHere(new Blob([gzipSync(bytes)]), true).done;
    expect(failure).toBeNull();
    expect(wire).toEqual(inspectTrace(bytes));
  });

  it('a cut gzip stream: the failure, and the generations that came out whole', async () => {
    const gz = gzipSync(bytes);
    const { wire, failure } = await inspectHere(new Blob([gz.subarray(0, Math.floor(gz.length * 0.7))]), true).done;
    expect(failure).not.toBeNull();
    expect(wire.error?.fault).toBe('damaged');
    expect(wire.generations.length).toBeGreaterThan(0);
    expect(wire.generations.length).toBeLessThan(inspectTrace(bytes).generations.length);
  });

  it('a walk cancelled at once reads no further than its first slice', async () => {
    const slice = 4096;
    const walk = inspectHere(new Blob([bytes]), false, slice);
    walk.cancel();
    const { wire } = await walk.done;
    expect(wire.totalBytes).toBeLessThanOrEqual(slice);
    expect(wire.generations.length).toBeLessThan(inspectTrace(bytes).generations.length);
  });
});
