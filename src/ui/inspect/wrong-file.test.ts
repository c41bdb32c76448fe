import { describe, expect, it } from 'vitest';
import { identifyFile } from '../../trace/wire/file-kind';
import { inspectTrace } from '../../trace/wire/inspect';
import { inspectView } from './inspect-model';
import { wrongFileWords } from './wrong-file';

const enc = new TextEncoder();
const view = (bytes: Uint8Array, fileName: string, fetched: Parameters<typeof wrongFileWords>[2] = null) =>
  inspectView(inspectTrace(bytes), { fileName, fileKind: identifyFile(bytes), fetched });

describe('words for a file that is not a readable trace', () => {
  it('keeps the fault and Go’s message, and says what the file is instead', () => {
    const v = view(enc.encode('hello\nworld\n'), 'notes.txt');
    expect(v.verdict).toBe('not-a-trace');
    expect(v.goMessage).toBe('bad file format: not a Go execution trace?');
    expect(v.fileKind).toBe('text');
    expect(v.title).toBe('A text file, not a Go execution trace');
    expect(v.firstLine).toBe('hello');
    expect(view(new Uint8Array(0), 'x.trace').title).toBe('This file is empty');
  });

  it('says how to open a gzipped trace and a profile', () => {
    const gz = wrongFileWords({ kind: 'gzip', inner: 'trace' }, 'prod.trace.gz', null)!;
    expect([gz.fileKind, gz.how, gz.then]).toEqual(['gzip-trace', 'gunzip prod.trace.gz', 'then open prod.trace']);
    expect(wrongFileWords({ kind: 'gzip', inner: 'trace' }, 'snapshot', null)!.how).toBe('gunzip -c snapshot > snapshot.trace');
    const p = wrongFileWords({ kind: 'gzip', inner: 'pprof' }, 'cpu.pprof', null)!;
    expect([p.fileKind, p.title, p.how]).toEqual(['pprof', 'A CPU or heap profile (pprof), not an execution trace', 'go tool pprof cpu.pprof']);
    expect(wrongFileWords({ kind: 'pprof' }, 'heap.out', null)!.how).toBe('go tool pprof heap.out');
  });

  it('names the server’s answer for a web page fetched by ?url=', () => {
    const fetched = { url: 'http://example.test/missing.trace', status: 200, statusText: 'OK', contentType: 'text/html' };
    const v = view(enc.encode('<!doctype html><html>'), 'missing.trace', fetched);
    expect(v.title).toBe('The server sent a web page, not a trace');
    expect(v.explanation).toContain('GET http://example.test/missing.trace answered 200 OK with a web page (text/html)');
    expect(view(enc.encode('<!doctype html><html>'), 'page.trace').title).toBe('A web page (HTML), not a Go trace');
  });

  it('names traces older than any Go tool reads today, and leaves unknown bytes to the general words', () => {
    const v = view(enc.encode('go 1.9 trace\0\0\0\0'), 'old.trace');
    expect(v.verdict).toBe('unsupported-version');
    expect(v.title).toBe('A trace from Go 1.9, a format today’s Go no longer reads');
    expect(v.explanation).toContain('go tool trace from Go 1.21 or earlier');
    const odd = view(new Uint8Array([0, 1, 2, 3, 250, 251]), 'odd.bin');
    expect(odd.fileKind).toBeNull();
    expect(odd.title).toBe('This is not a Go execution trace');
  });

  it('leaves real traces, damaged or not, alone', () => {
    const damaged = enc.encode('go 1.26 trace\0\0\0\x01\x02');
    const v = inspectView(inspectTrace(damaged), { fileName: 'd.trace', fileKind: { kind: 'text', firstLine: 'x' }, fetched: null });
    expect(v.verdict).toBe('damaged');
    expect(v.fileKind).toBeNull();
  });
});
