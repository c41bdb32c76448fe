import { describe, expect, it } from 'vitest';
import { goExp } from './exp';

const f = (hex: string) => {
  const v = new DataView(new ArrayBuffer(8));
  v.setBigUint64(0, BigInt(`0x${hex}`));
  return v.getFloat64(0);
};
const bits = (x: number) => {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return v.getBigUint64(0).toString(16).padStart(16, '0');
};

describe('goExp', () => {
  it('gives the bits Go 1.26 math.Exp gives on amd64 without FMA (GODEBUG=cpu.fma=off)', () => {
    // [input, Go's output] as float64 bits, printed by a Go program calling math.Exp.
    const cases: [string, string][] = [
      ['c0026bb1bbb55518', '3fb9999999999992'],
      ['4027069e2aa2aa5e', '40f86a0000000026'],
      ['4032b3b1fa9a123a', '419f95dff201f02b'],
      ['c01e3685dbf3a04e', '3f412f08960716e1'],
      ['4021832ba54042c0', '40b8cde32e7867e1'],
    ];
    for (const [x, want] of cases) expect(bits(goExp(f(x))), x).toBe(want);
  });
  it('handles the edges as Go does', () => {
    expect(goExp(0)).toBe(1);
    expect(goExp(-Infinity)).toBe(0);
    expect(goExp(Infinity)).toBe(Infinity);
    expect(goExp(710)).toBe(Infinity);
    expect(goExp(-800)).toBe(0);
    expect(Number.isNaN(goExp(NaN))).toBe(true);
  });
});
