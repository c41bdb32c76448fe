import { describe, expect, it } from 'vitest';
import { ByteWriter, cursor, decodeUvarint, encodeUvarint, readUvarint, readUvarintBig, uvarintSize, VarintError } from './varint';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('uvarint', () => {
  it.each<[string, bigint, number[]]>([
    ['0', 0n, [0x00]],
    ['127', 127n, [0x7f]],
    ['128', 128n, [0x80, 0x01]],
    ['300', 300n, [0xac, 0x02]],
    ['2^49-1 (last 7-byte value)', 2n ** 49n - 1n, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]],
    ['2^53-1', 2n ** 53n - 1n, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]],
    ['2^53', 2n ** 53n, [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10]],
    ['2^53+1', 2n ** 53n + 1n, [0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10]],
    ['2^63', 2n ** 63n, [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]],
    ['2^64-1', 2n ** 64n - 1n, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]],
  ])('%s encodes and decodes exactly', (_, v, enc) => {
    expect(Array.from(encodeUvarint(v))).toEqual(enc);
    const { value, next } = decodeUvarint(bytes(...enc), 0);
    expect(BigInt(value)).toBe(v);
    // Plain numbers while exact, bigint past 2^53-1.
    expect(typeof value).toBe(v <= BigInt(Number.MAX_SAFE_INTEGER) ? 'number' : 'bigint');
    expect(next).toBe(enc.length);
    expect(uvarintSize(v)).toBe(enc.length);
    if (v <= BigInt(Number.MAX_SAFE_INTEGER)) expect(Array.from(encodeUvarint(Number(v)))).toEqual(enc);
  });

  it('accepts padded, non-minimal encodings as the runtime writes them', () => {
    expect(decodeUvarint(bytes(0x81, 0x80, 0x80, 0x00), 0)).toEqual({ value: 1, next: 4 });
    expect(decodeUvarint(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00), 0)).toEqual({ value: 0, next: 10 });
  });

  it.each<[string, number[]]>([
    ['a 10th byte above 1', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02]],
    ['a 10th byte of 0x7f', [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f]],
    ['an 11th byte', [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]],
  ])('rejects %s as overflow, as Go does', (_, enc) => {
    expect(() => decodeUvarint(bytes(...enc), 0)).toThrow(VarintError);
    try {
      decodeUvarint(bytes(...enc), 0);
    } catch (e) {
      expect((e as VarintError).fault).toBe('overflow');
    }
  });

  it('reports EOF at the start of the varint, not where it ran out', () => {
    for (const enc of [[], [0x80], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]]) {
      const c = cursor(bytes(1, 2, ...enc), 2);
      try {
        readUvarint(c);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(VarintError);
        expect((e as VarintError).fault).toBe('eof');
        expect((e as VarintError).offset).toBe(2);
      }
    }
  });

  it('rejects values outside uint64 when writing', () => {
    const w = new ByteWriter();
    expect(() => w.uvarint(-1)).toThrow(RangeError);
    expect(() => w.uvarint(2 ** 53)).toThrow(RangeError);
    expect(() => w.uvarint(2n ** 64n)).toThrow(RangeError);
    expect(() => w.uvarint(0.5)).toThrow(RangeError);
  });

  it('round-trips seeded random values of every bit length', () => {
    const seed = 0x9e3779b9;
    let s = BigInt(seed);
    const next = () => {
      // xorshift64*
      s ^= s >> 12n;
      s ^= (s << 25n) & 0xffff_ffff_ffff_ffffn;
      s ^= s >> 27n;
      return (s * 0x2545f4914f6cdd1dn) & 0xffff_ffff_ffff_ffffn;
    };
    const w = new ByteWriter(16);
    const values: bigint[] = [];
    for (let i = 0; i < 5000; i++) {
      const v = next() >> BigInt(i % 64);
      values.push(v);
      w.uvarint(v);
    }
    const c = cursor(w.view());
    for (const v of values) expect(readUvarintBig(c), `seed ${seed.toString(16)}`).toBe(v);
    expect(c.pos).toBe(w.length);
  });
});
