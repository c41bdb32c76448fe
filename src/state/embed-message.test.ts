import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seeded-random';
import { cleanFileName, cleanText, EMBED_DEFAULT_FILE_NAME, EMBED_TITLE_MAX, readEmbedMessage } from './embed-message';

const buf = () => new Uint8Array([1, 2, 3]).buffer;

describe('embedding messages', () => {
  it('PING is the handshake', () => {
    expect(readEmbedMessage('PING')).toEqual({ kind: 'ping' });
    expect(readEmbedMessage('ping').kind).toBe('ignored');
  });

  it('a trace with a title and a file name', () => {
    const b = buf();
    const m = readEmbedMessage({ trace: { buffer: b, title: 'Checkout p99 spike', fileName: 'checkout.trace' } });
    expect(m).toEqual({ kind: 'trace', buffer: b, title: 'Checkout p99 spike', fileName: 'checkout.trace' });
    // The buffer is handed on as it is, not copied.
    expect(m.kind === 'trace' && m.buffer).toBe(b);
  });

  it('fileName is optional; an empty title falls back to the file name', () => {
    expect(readEmbedMessage({ trace: { buffer: buf(), title: 'T' } })).toMatchObject({ kind: 'trace', fileName: EMBED_DEFAULT_FILE_NAME, title: 'T' });
    expect(readEmbedMessage({ trace: { buffer: buf(), title: '  ', fileName: 'a.trace' } })).toMatchObject({ title: 'a.trace' });
  });

  it('titles and names are made safe to show: no control characters, no paths, bounded length', () => {
    const m = readEmbedMessage({ trace: { buffer: buf(), title: `a\u0000b\n\tc\u202e${'x'.repeat(500)}`, fileName: '../../etc/passwd\r\n' } });
    expect(m.kind).toBe('trace');
    if (m.kind !== 'trace') return;
    expect(m.title.startsWith('a b c x')).toBe(true);
    expect(m.title).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(Array.from(m.title).length).toBe(EMBED_TITLE_MAX);
    expect(m.title.endsWith('…')).toBe(true);
    expect(m.fileName).toBe('passwd');
    expect(cleanFileName('C:\\traces\\prod.trace')).toBe('prod.trace');
    // A cut never splits a character made of two UTF-16 units.
    expect(cleanText('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
  });

  it('wrong types are ignored with a reason that says what was expected', () => {
    const cases: [unknown, RegExp][] = [
      [{ trace: { buffer: new Uint8Array(3), title: 't' } }, /ArrayBuffer, not Uint8Array.*\.buffer/],
      [{ trace: { buffer: 'AAAA', title: 't' } }, /ArrayBuffer, not String/],
      [{ trace: { buffer: buf() } }, /title.*string, not Undefined/],
      [{ trace: { buffer: buf(), title: 't', fileName: 7 } }, /fileName.*Number/],
      [{ trace: null }, /"trace" must be an object, not Null/],
      [{ trace: [buf()] }, /not Array/],
      [{ perfetto: { buffer: buf(), title: 't' } }, /without a "trace" key/],
      [{ type: 'webpackOk' }, /without a "trace" key/],
      ['PONG', /the string "PONG"/],
      [null, /Null/],
      [undefined, /Undefined/],
      [42, /Number/],
      [buf(), /ArrayBuffer/],
      [new Map([['trace', 1]]), /Map/],
    ];
    for (const [data, reason] of cases) {
      const m = readEmbedMessage(data);
      expect(m.kind, JSON.stringify(String(data))).toBe('ignored');
      if (m.kind === 'ignored') expect(m.reason).toMatch(reason);
    }
  });

  it('a trace past the size cap is flagged before anything is read', () => {
    const m = readEmbedMessage({ trace: { buffer: new ArrayBuffer(1025), title: 'big', fileName: 'big.trace' } }, 1024);
    expect(m).toEqual({ kind: 'too-big', byteLength: 1025, title: 'big', fileName: 'big.trace' });
    expect(readEmbedMessage({ trace: { buffer: new ArrayBuffer(1024), title: 'ok' } }, 1024).kind).toBe('trace');
  });

  it('random messages never throw and are only accepted when well formed (seeded)', () => {
    const seed = 20260101;
    const rnd = seededRandom(seed);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
    const value = (depth: number): unknown => {
      const leaves = [null, undefined, 0, -1, NaN, 1e308, '', 'PING', 'trace', true, buf(), new Uint8Array(2), [], Symbol.iterator.toString()];
      if (depth > 2 || rnd() < 0.4) return pick(leaves);
      const o: Record<string, unknown> = {};
      const keys = ['trace', 'buffer', 'title', 'fileName', '__proto__x', 'constructor', 'perfetto'];
      for (let i = Math.floor(rnd() * 4); i > 0; i--) o[pick(keys)] = value(depth + 1);
      return rnd() < 0.1 ? [o] : o;
    };
    for (let i = 0; i < 5000; i++) {
      const data = value(0);
      let m;
      try {
        m = readEmbedMessage(data);
      } catch (err) {
        throw new Error(`seed ${seed}, case ${i}: threw ${String(err)}`);
      }
      if (m.kind === 'trace') {
        const t = (data as { trace: { buffer: unknown; title: unknown } }).trace;
        expect(t.buffer instanceof ArrayBuffer && typeof t.title === 'string', `seed ${seed}, case ${i}`).toBe(true);
      }
    }
  });
});
