import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { identifyFile, isProfileProto, SNIFF_BYTES } from './file-kind';

const enc = new TextEncoder();
const file = (path: string) => new Uint8Array(readFileSync(new URL(`../../../${path}`, import.meta.url)));
/** The decompressed start of a gzip file, as the parse worker inflates it. */
const inflatedStart = (b: Uint8Array) => new Uint8Array(gunzipSync(b)).subarray(0, SNIFF_BYTES);

describe('identifying a file that is not a readable trace', () => {
  it('names profiles written by runtime/pprof, gzipped as Go writes them', () => {
    for (const name of ['cpu.pprof', 'heap.pprof']) {
      const b = file(`testdata/profiles/${name}`);
      expect(identifyFile(b, inflatedStart(b)), name).toEqual({ kind: 'gzip', inner: 'pprof' });
      // And the same profile uncompressed (go tool pprof -proto writes gzip; others may not).
      expect(identifyFile(inflatedStart(b)), name).toEqual({ kind: 'pprof' });
    }
  });

  it('names a gzipped trace and other gzip', () => {
    const trace = file('testdata/traces/basic.go126.trace');
    const gz = new Uint8Array(gzipSync(trace));
    expect(identifyFile(gz, inflatedStart(gz))).toEqual({ kind: 'gzip', inner: 'trace' });
    const notes = new Uint8Array(gzipSync(enc.encode('some notes\n')));
    expect(identifyFile(notes, inflatedStart(notes))).toEqual({ kind: 'gzip', inner: 'other' });
    expect(identifyFile(notes, null)).toEqual({ kind: 'gzip', inner: 'other' });
  });

  it('names empty files, web pages, JSON, text and Go’s text trace format', () => {
    expect(identifyFile(new Uint8Array(0))).toEqual({ kind: 'empty' });
    expect(identifyFile(enc.encode('<!DOCTYPE html>\n<html lang="en">'))).toEqual({ kind: 'html' });
    expect(identifyFile(enc.encode('\n  <html><body>404</body></html>'))).toEqual({ kind: 'html' });
    expect(identifyFile(enc.encode('{"traceEvents":[]}'))).toEqual({ kind: 'json' });
    expect(identifyFile(enc.encode('Trace Go1.26\nEventBatch gen=1 m=0 time=1 size=1\n'))).toEqual({ kind: 'text-trace' });
    expect(identifyFile(enc.encode('hello, this is a text file\nsecond line\n'))).toEqual({ kind: 'text', firstLine: 'hello, this is a text file' });
    // A UTF-8 character cut by the end of the sample is still text.
    const long = enc.encode(`${'é'.repeat(SNIFF_BYTES)}\n`);
    expect(identifyFile(long).kind).toBe('text');
  });

  it('names headers from Go 1.5–1.10, which no Go release reads today', () => {
    expect(identifyFile(enc.encode('go 1.8 trace\0\0\0\0\x01\x02'))).toEqual({ kind: 'old-trace', goMinor: 8 });
    expect(identifyFile(enc.encode('go 1.10 trace\0\0\0'))).toEqual({ kind: 'old-trace', goMinor: 10 });
    // Newer unknown versions are not "old".
    expect(identifyFile(enc.encode('go 1.99 trace\0\0\0')).kind).toBe('unknown');
  });

  it('calls random bytes unknown, seed 7', () => {
    const rnd = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      const b = new Uint8Array(64 + ((rnd() * 2000) | 0));
      for (let j = 0; j < b.length; j++) b[j] = (rnd() * 256) | 0;
      if (b[0] === 0x1f && b[1] === 0x8b) continue;
      const k = identifyFile(b).kind;
      expect(['unknown', 'text', 'json', 'html'], `seed 7 case ${i}`).toContain(k);
      expect(isProfileProto(b), `seed 7 case ${i}`).toBe(false);
    }
  });
});
