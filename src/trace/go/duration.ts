// Go's time.Duration.String (time/time.go): "1h2m3.5s", "1.5ms", "250ns", "0s". The analysis
// pages print durations the way go tool trace prints them, so numbers can be compared as text.

/** Go's Duration.String for an integer number of nanoseconds (|d| < 2^53). */
export function goDuration(ns: number): string {
  if (!Number.isSafeInteger(ns)) throw new RangeError(`goDuration: ${ns} is not an integer number of nanoseconds`);
  if (ns === 0) return '0s';
  const neg = ns < 0;
  let u = Math.abs(ns);
  let out: string;
  if (u < 1e9) {
    // Below a second: one unit, with a fraction that drops trailing zeros.
    let prec: number;
    let unit: string;
    if (u < 1e3) {
      prec = 0;
      unit = 'ns';
    } else if (u < 1e6) {
      prec = 3;
      unit = 'µs';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const [frac, rest] = fraction(u, prec);
    out = `${rest}${frac}${unit}`;
  } else {
    const [frac, secsTotal] = fraction(u, 9);
    u = secsTotal;
    out = `${u % 60}${frac}s`;
    u = Math.floor(u / 60);
    if (u > 0) {
      out = `${u % 60}m${out}`;
      u = Math.floor(u / 60);
      if (u > 0) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/** Go's fmtFrac: the fraction of v / 10^prec without trailing zeros ('' when zero), and v / 10^prec. */
function fraction(v: number, prec: number): [string, number] {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const d = v % 10;
    print = print || d !== 0;
    if (print) digits = `${d}${digits}`;
    v = Math.floor(v / 10);
  }
  return [print ? `.${digits}` : '', v];
}
