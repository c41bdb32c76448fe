// Go's math.Exp as amd64 computes it without FMA (math/exp_amd64.s: argument reduction by
// ln 2 in two parts, a Taylor polynomial on x/16, four squarings, then a power of two). The
// MMU plot's window sizes and the latency histogram's bucket bounds go through Exp and are then
// truncated to whole nanoseconds, so an answer one ulp off changes a printed bound
// (100µs vs 99.999µs). JavaScript's Math.exp is a different algorithm; this one repeats Go's
// operations in the same order, each an IEEE double operation, so it gives Go's bits on CPUs
// without FMA. (With FMA, Go fuses some steps and can differ by an ulp.)

const LOG2E = 1.442695040888963407359924681001892;
const LN2U = 0.69314718055966295651160180568695068359375;
const LN2L = 0.28235290563031577122588448175013436025525412068e-12;
const OVERFLOW = 7.09782712893384e2;
const T = [2.4801587301587301587e-5, 1.984126984126984127e-4, 1.3888888888888888889e-3, 8.3333333333333333333e-3, 4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5, 1.0];

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** 2^(biased-1023) built from exponent bits, as the assembly does (biased in 1..2046). */
function pow2bits(biased: number): number {
  u64[0] = BigInt(biased) << 52n;
  return f64[0];
}

/** CVTSD2SL: to int32, rounding half to even (the default MXCSR mode); out of range → -2^31. */
function cvtsd2sl(x: number): number {
  if (!(x >= -2147483648.5 && x < 2147483647.5)) return -2147483648;
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

export function goExp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === -Infinity) return 0;
  if (x > OVERFLOW) return Infinity;
  let bx = cvtsd2sl(LOG2E * x);
  const k = bx;
  let x0 = x - LN2U * k;
  x0 = x0 - LN2L * k;
  x0 *= 0.0625;
  let x1 = T[0];
  for (let i = 1; i < T.length; i++) {
    x1 *= x0;
    x1 += T[i];
  }
  x0 *= x1;
  for (let i = 0; i < 4; i++) {
    x1 = 2.0 + x0;
    x0 *= x1;
  }
  x0 += 1.0;
  bx += 0x3ff;
  if (bx <= 0) {
    if (bx < -52) return 0;
    x0 *= pow2bits(bx + 0x3fe);
    return x0 * pow2bits(1);
  }
  if (bx >= 0x7ff) return Infinity;
  return x0 * pow2bits(bx);
}
