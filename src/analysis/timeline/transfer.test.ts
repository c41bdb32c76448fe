// Chunks cross the worker boundary by transfer: after a structured clone with the chunk's
// transfer list the sender's buffers are detached (the worker keeps nothing) and the model
// built from the transferred chunks is the same model (its Go JSON export is unchanged).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPassSync } from '../event-pass';
import type { TimelineChunk } from './chunk';
import { exportChromeJson } from './chrome/export';
import { TimelineModel } from './model';
import { TimelineSink } from './sink';
import { chunkTransferables } from './transfer';

const TRACES = resolve(__dirname, '../../../testdata/traces');

describe('chunk transfer', () => {
  it('detaches every buffer of the sent chunk and rebuilds the same model', () => {
    const bytes = new Uint8Array(readFileSync(join(TRACES, 'generations.go126.trace')));
    const sent: TimelineChunk[] = [];
    const received = new TimelineModel();
    const direct = new TimelineModel();
    const sink = new TimelineSink((chunk) => {
      direct.append(structuredClone(chunk));
      const transfer = chunkTransferables(chunk);
      expect(transfer.length).toBeGreaterThan(20);
      received.append(structuredClone(chunk, { transfer }));
      sent.push(chunk);
    });
    const end = runPassSync(bytes, [sink]);
    const loss = sink.finish(end);
    received.finish(loss);
    direct.finish(loss);
    expect(sent.length).toBeGreaterThan(3);
    for (const c of sent) {
      expect(c.goroutines.time.byteLength).toBe(0);
      expect(c.procSlices.row.byteLength).toBe(0);
      expect(c.tables.stackFrames.byteLength).toBe(0);
    }
    expect(exportChromeJson(received, 'proc')).toBe(exportChromeJson(direct, 'proc'));
  });
});
