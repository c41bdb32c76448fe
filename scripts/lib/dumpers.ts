// Our dump functions, loaded by module path for the conformance steps that compare them with
// `go tool trace -d=MODE`. A dumper that cannot be loaded is an error, never "not available":
// an import-time crash in src/trace/dump/* must fail the comparison, not shrink it.

import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type DumpMode = 'wire' | 'footprint' | 'parsed';
export interface DumpResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}
export type Dumper = (bytes: Uint8Array, opts?: { goVersion?: string }) => DumpResult;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const DUMPER_MODULES: Record<DumpMode, [path: string, exportName: string]> = {
  wire: ['src/trace/dump/wire.ts', 'dumpWire'],
  footprint: ['src/trace/dump/footprint.ts', 'dumpFootprint'],
  parsed: ['src/trace/dump/parsed.ts', 'dumpParsed'],
};

/** Imports `path` (relative to the repository) and returns its function `name`; throws saying why not. */
export async function loadDumper(path: string, name: string): Promise<Dumper> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(join(ROOT, path)).href)) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`dumper ${path} failed to load: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const fn = mod[name];
  if (typeof fn !== 'function') throw new Error(`dumper ${path} has no function export ${name}`);
  return fn as Dumper;
}
