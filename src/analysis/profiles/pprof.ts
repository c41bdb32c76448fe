// A profile as the pprof protobuf that `go tool pprof` reads, built as Go's
// internal/trace/traceviewer/pprof.go BuildProfile builds it (one location per PC, one
// function per file+name, values [contentions, delay ns]); the CPU profile carries
// [samples, cpu ns] with pprof's CPU period. The encoding is the pprof-format library's;
// gzip (what Go's profile.Write adds) comes from the platform's CompressionStream.

import { Profile as PprofProfile, StringTable, ValueType, Function as PprofFunction, Location, Line, Sample } from 'pprof-format';
import { CPU_PERIOD_NS } from './profile-sink';
import type { Profile } from './select';

export function buildPprof(p: Profile): PprofProfile {
  const strings = new StringTable();
  const vt = (type: string, unit: string) => new ValueType({ type: strings.dedup(type), unit: strings.dedup(unit) });
  const cpu = p.kind === 'cpu';
  const sampleType = cpu ? [vt('samples', 'count'), vt('cpu', 'nanoseconds')] : [vt('contentions', 'count'), vt('delay', 'nanoseconds')];
  const periodType = cpu ? vt('cpu', 'nanoseconds') : vt('trace', 'count');
  const functions: PprofFunction[] = [];
  const locations: Location[] = [];
  const funcs = new Map<string, PprofFunction>();
  const locs = new Map<string, Location>();
  const samples: Sample[] = [];
  for (const rec of p.records) {
    const ids: number[] = [];
    for (const f of rec.stack) {
      const pcKey = f.pc.toString();
      let loc = locs.get(pcKey);
      if (!loc) {
        const fnKey = `${f.file}\u0000${f.func}`;
        let fn = funcs.get(fnKey);
        if (!fn) {
          const name = strings.dedup(f.func);
          fn = new PprofFunction({ id: functions.length + 1, name, systemName: name, filename: strings.dedup(f.file) });
          functions.push(fn);
          funcs.set(fnKey, fn);
        }
        loc = new Location({ id: locations.length + 1, address: f.pc, line: [new Line({ functionId: fn.id, line: f.line })] });
        locations.push(loc);
        locs.set(pcKey, loc);
      }
      ids.push(loc.id as number);
    }
    samples.push(new Sample({ locationId: ids, value: [rec.count, rec.ns] }));
  }
  return new PprofProfile({
    sampleType,
    sample: samples,
    location: locations,
    function: functions,
    stringTable: strings,
    periodType,
    period: cpu ? CPU_PERIOD_NS : 1,
  });
}

/** The gzipped protobuf, as Go writes it and `go tool pprof` reads it. */
export async function encodePprofGzip(p: Profile): Promise<Uint8Array> {
  return gzip(buildPprof(p).encode());
}

export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** One sample of a decoded pprof: its frames (leaf first) and values; for comparisons. */
export interface DecodedSample {
  frames: { func: string; file: string; line: number; pc: string }[];
  values: number[];
}

/** Reads a (gzipped or plain) pprof back into samples with resolved frames. */
export async function decodePprof(bytes: Uint8Array): Promise<{ sampleTypes: string[]; samples: DecodedSample[] }> {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? await gunzip(bytes) : bytes;
  const p = PprofProfile.decode(raw);
  const str = (i: number | bigint) => p.stringTable.strings[Number(i)];
  const fns = new Map(p.function.map((f) => [Number(f.id), f]));
  const locs = new Map(p.location.map((l) => [Number(l.id), l]));
  const samples = p.sample.map((s) => ({
    frames: s.locationId.map((id) => {
      const l = locs.get(Number(id))!;
      const fn = fns.get(Number(l.line[0]?.functionId ?? 0));
      return { func: fn ? str(fn.name) : '', file: fn ? str(fn.filename) : '', line: Number(l.line[0]?.line ?? 0), pc: BigInt(l.address).toString(16) };
    }),
    values: s.value.map(Number),
  }));
  return { sampleTypes: p.sampleType.map((t) => `${str(t.type)}/${str(t.unit)}`), samples };
}
