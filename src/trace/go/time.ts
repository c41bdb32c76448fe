// Go's time.Unix(sec, nsec).Format(time.RFC3339Nano), as Event.String prints a Sync's clock
// snapshot. The seconds come straight from the file (a uint64 read as int64), so we follow
// Go's integer arithmetic exactly, wraparound included, with bigints (Go's time package:
// Unix, locabs, absDays.date, absSeconds.clock). It runs once per generation.

/** An int64 as the parser keeps it: a number when safe, else a bigint. */
type I64 = number | bigint;

const M64 = (1n << 64n) - 1n;
const wrapI = (x: bigint) => BigInt.asIntN(64, x);
const wrapU = (x: bigint) => x & M64;

const UNIX_TO_INTERNAL = 62135596800n;
const INTERNAL_TO_ABSOLUTE = 9223371966606163200n;
const ABSOLUTE_YEARS = 292277022400n;
const SECONDS_PER_DAY = 86400n;

/** Local zone offset in seconds east of UTC at Unix second sec, as the host reports it. */
function localOffset(sec: bigint): number {
  const ms = Number(sec) * 1000;
  if (!(Math.abs(ms) <= 8.64e15)) return 0;
  const off = -new Date(ms).getTimezoneOffset() * 60;
  return off === 0 ? 0 : off;
}

function pad(n: bigint | number, width: number): string {
  let neg = false;
  let u = BigInt(n);
  if (u < 0n) {
    neg = true;
    u = -u;
  }
  return (neg ? '-' : '') + u.toString().padStart(width, '0');
}

export function formatUnixRFC3339Nano(secIn: I64, nsecIn: I64, utc = false): string {
  const p = civil(secIn, nsecIn, utc);
  let out = `${p.date}T${p.clock}`;
  if (p.nsec !== 0n) out += '.' + p.nsec.toString().padStart(9, '0').replace(/0+$/, '');
  if (p.offset === 0) return out + 'Z';
  return out + zone(p.offset, ':');
}

/**
 * Go's time.Time.String for time.Unix(sec, nsec): "2006-01-02 15:04:05.999999999 -0700 MST".
 * The zone abbreviation is Go's for UTC; other zones show their numeric offset instead.
 */
export function formatUnixGoString(secIn: I64, nsecIn: I64, utc = false): string {
  const p = civil(secIn, nsecIn, utc);
  let out = `${p.date} ${p.clock}`;
  if (p.nsec !== 0n) out += '.' + p.nsec.toString().padStart(9, '0').replace(/0+$/, '');
  const z = zone(p.offset, '');
  return `${out} ${p.offset === 0 ? '+0000 UTC' : `${z} ${z}`}`;
}

function zone(offset: number, sep: string): string {
  let zone = Math.trunc(offset / 60);
  let sign = '+';
  if (zone < 0) {
    sign = '-';
    zone = -zone;
  }
  return `${sign}${pad(Math.trunc(zone / 60), 2)}${sep}${pad(zone % 60, 2)}`;
}

function civil(secIn: I64, nsecIn: I64, utc: boolean): { date: string; clock: string; nsec: bigint; offset: number } {
  let sec = BigInt(secIn);
  let nsec = BigInt(nsecIn);
  // time.Unix normalizes nsec into [0, 1e9).
  if (nsec < 0n || nsec >= 1_000_000_000n) {
    const n = nsec / 1_000_000_000n; // truncating, like Go
    sec = wrapI(sec + n);
    nsec -= n * 1_000_000_000n;
    if (nsec < 0n) {
      nsec += 1_000_000_000n;
      sec = wrapI(sec - 1n);
    }
  }
  // unixTime stores sec + unixToInternal; locabs takes it back, then adds the zone offset.
  const internal = wrapI(sec + UNIX_TO_INTERNAL);
  let unix = wrapI(internal - UNIX_TO_INTERNAL);
  const offset = utc ? 0 : localOffset(unix);
  unix = wrapI(unix + BigInt(offset));
  const abs = wrapU(wrapI(unix + wrapI(UNIX_TO_INTERNAL + INTERNAL_TO_ABSOLUTE)));

  // absDays.date
  const days = abs / SECONDS_PER_DAY;
  const d = wrapU(4n * days + 3n);
  const century = d / 146097n;
  const cd = (d % 146097n) | 3n;
  const prod = 2939745n * cd;
  const cyear = prod >> 32n;
  const lo = prod & 0xffffffffn;
  const ayday = lo / 2939745n / 4n;
  const md = (2141n * ayday + 197913n) & 0xffffffffn;
  const amonth = md >> 16n;
  const mday = 1n + (md & 0xffffn) / 2141n;
  const janFeb = ayday >= 306n ? 1n : 0n;
  const year = wrapI(wrapU(century * 100n - ABSOLUTE_YEARS)) + cyear + janFeb;
  const month = amonth - janFeb * 12n;

  // absSeconds.clock
  let s = abs % SECONDS_PER_DAY;
  const hour = s / 3600n;
  s -= hour * 3600n;
  const min = s / 60n;
  s -= min * 60n;

  return {
    date: `${pad(year, 4)}-${pad(month, 2)}-${pad(mday, 2)}`,
    clock: `${pad(hour, 2)}:${pad(min, 2)}:${pad(s, 2)}`,
    nsec,
    offset,
  };
}
