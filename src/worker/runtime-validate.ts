// Reading the runtime worker's requests: messages from the page are untrusted data, so every
// field is checked (type, range, known names) before the handler (runtime-handler.ts) acts,
// and a bad one is a RequestError that becomes a typed 'bad-request' reply.

import { PARAM_LIMITS, resolveParams, type WorkloadParams } from '../runtime/index';
import { WORKLOAD_NAMES, type ErrorCode, type GoFormat, type WorkloadName } from './protocol';

export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function optNumber(o: Obj, key: string, lo: number, hi: number): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) throw new RequestError('bad-request', `${key} must be a number from ${lo} to ${hi}`);
  return v;
}

export function optNullableNumber(o: Obj, key: string, lo: number, hi: number): number | null | undefined {
  return o[key] === null ? null : optNumber(o, key, lo, hi);
}

export function optWorkload(o: Obj): WorkloadName | undefined {
  const v = o.workload;
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !(WORKLOAD_NAMES as readonly string[]).includes(v)) throw new RequestError('bad-request', `unknown workload ${JSON.stringify(v)?.slice(0, 60)}; want one of ${WORKLOAD_NAMES.join(', ')}`);
  return v as WorkloadName;
}

export function optGo(o: Obj): GoFormat | undefined {
  const v = o.go;
  if (v === undefined) return undefined;
  if (v !== '1.25' && v !== '1.26') throw new RequestError('bad-request', 'go must be "1.25" or "1.26"');
  return v;
}

export function optParams(o: Obj, workload: WorkloadName, base: WorkloadParams, workloadChanged: boolean): WorkloadParams | undefined {
  const v = o.params;
  if (v === undefined) return workloadChanged ? resolveParams(workload) : undefined;
  if (!isObj(v)) throw new RequestError('bad-request', 'params must be an object');
  const known = Object.keys(PARAM_LIMITS);
  for (const k of Object.keys(v)) if (!known.includes(k)) throw new RequestError('bad-request', `unknown parameter ${JSON.stringify(k).slice(0, 40)}`);
  try {
    return resolveParams(workload, { ...(workloadChanged ? {} : base), ...(v as Partial<WorkloadParams>) });
  } catch (e) {
    throw new RequestError('bad-request', (e as Error).message);
  }
}
