// Flag parsing shared by `simulate` and `record`: every value is checked and a bad one is a
// usage error (exit 2) that names the flag.

import { CPU_PROFILE_HZ_DEFAULT, CPU_PROFILE_HZ_MAX, WORKLOADS, type WorkloadName } from '../../runtime/index';
import { CliError } from '../command';

export function workloadFlag(cmd: string, v: string | undefined): WorkloadName {
  if (v === undefined) throw new CliError(`flightdeck ${cmd}: --workload is required (one of ${WORKLOADS.join(', ')})`, 2);
  if (!(WORKLOADS as readonly string[]).includes(v)) throw new CliError(`flightdeck ${cmd}: unknown workload ${JSON.stringify(v)} (one of ${WORKLOADS.join(', ')})`, 2);
  return v as WorkloadName;
}

export function numberFlag(cmd: string, name: string, v: string | undefined, def: number, lo: number, hi: number, integer = false): number {
  if (v === undefined) return def;
  const n = v.trim() === '' ? NaN : Number(v);
  if (!Number.isFinite(n) || n < lo || n > hi || (integer && !Number.isInteger(n))) {
    throw new CliError(`flightdeck ${cmd}: --${name} must be ${integer ? 'an integer' : 'a number'} from ${lo} to ${hi}, not ${JSON.stringify(v)}`, 2);
  }
  return n;
}

export function goFlag(cmd: string, v: string | undefined): '1.25' | '1.26' {
  if (v === undefined) return '1.25';
  if (v !== '1.25' && v !== '1.26') throw new CliError(`flightdeck ${cmd}: --go must be 1.25 or 1.26, not ${JSON.stringify(v)}`, 2);
  return v;
}

export function requiredFlag(cmd: string, name: string, v: string | undefined): string {
  if (v === undefined || v === '') throw new CliError(`flightdeck ${cmd}: --${name} is required`, 2);
  return v;
}

/** --cpu-profile-hz: samples per CPU-second while tracing (runtime.SetCPUProfileRate takes an int); 0 turns them off. */
export function cpuProfileHzFlag(cmd: string, v: string | undefined): number {
  return numberFlag(cmd, 'cpu-profile-hz', v, CPU_PROFILE_HZ_DEFAULT, 0, CPU_PROFILE_HZ_MAX, true);
}
