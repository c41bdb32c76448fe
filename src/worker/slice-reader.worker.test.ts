// The slice reader's message handler, run in Node with a stand-in for the worker's global
// scope: an inspect request answers with the Blob's wire summary, and one that names no Blob
// answers with why (the parse worker waiting on it must never be left hanging).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inspectTrace } from '../trace/wire/inspect';
import type { SliceReply, SliceRequest } from './slice-protocol';

const bytes = new Uint8Array(readFileSync(join(__dirname, '../../testdata/traces/generations.go126.trace')));
const posted: SliceReply[] = [];
let send: (req: unknown) => void;

beforeAll(async () => {
  const scope: { postMessage(m: SliceReply): void; onmessage: ((e: { data: SliceRequest }) => void) | null } = {
    postMessage: (m) => posted.push(m),
    onmessage: null,
  };
  (globalThis as { self?: unknown }).self = scope;
  await import('./slice-reader.worker');
  send = (req) => scope.onmessage!({ data: req as SliceRequest });
});

afterAll(() => {
  delete (globalThis as { self?: unknown }).self;
});

describe('slice reader worker', () => {
  it('answers an inspect request with the wire summary of the whole Blob', async () => {
    send({ kind: 'inspect', seq: 1, stream: 1, blob: new Blob([bytes]), gzip: false });
    await vi.waitFor(() => expect(posted.find((r) => r.seq === 1)).toBeDefined());
    const reply = posted.find((r) => r.seq === 1)!;
    expect('inspected' in reply && reply.inspected).toEqual({ wire: inspectTrace(bytes), failure: null });
  });

  it('answers an inspect request that names no Blob with an error', async () => {
    send({ kind: 'inspect', seq: 2, stream: 2, blob: { size: 10 }, gzip: false });
    await vi.waitFor(() => expect(posted.find((r) => r.seq === 2)).toBeDefined());
    const reply = posted.find((r) => r.seq === 2)!;
    expect('error' in reply && reply.error).toMatch(/slice|function/);
  });
});
