// The import-direction rule of DESIGN.md, checked over the source tree: each layer imports
// only from the layers listed before it, and the pure layers never touch the DOM.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname);
const ORDER = ['trace', 'runtime', 'recorder', 'analysis', 'worker', 'state', 'ui', 'cli'];
const PURE = new Set(['trace', 'runtime', 'recorder', 'analysis']);
// Within trace/: go (the Go standard-library behaviour the format depends on), then wire,
// parse, v1 (the Go 1.11–1.21 format, converted to parse's event model) and dump.
const TRACE_ORDER = ['go', 'wire', 'parse', 'v1', 'dump'];
// The one import against that order: the reader's input hands a Go 1.11–1.21 header to v1.
const ALLOWED = new Set(['trace/parse/reader-input.ts -> trace/v1/reader.ts']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

function layerOf(file: string): string[] {
  return relative(SRC, file).split('/');
}

function violations(): string[] {
  const out: string[] = [];
  for (const file of files(SRC)) {
    const [layer, sub] = layerOf(file);
    const rank = ORDER.indexOf(layer);
    if (rank < 0) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
      const spec = m[1];
      if (PURE.has(layer) && /^(react|react-dom|zustand|d3)/.test(spec)) out.push(`${relative(SRC, file)} imports ${spec}`);
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(SRC + '/')) continue;
      const [tLayer, tSub] = layerOf(target);
      const tRank = ORDER.indexOf(tLayer);
      if (tRank > rank) out.push(`${relative(SRC, file)} (${layer}) imports ${spec} (${tLayer})`);
      const edge = `${relative(SRC, file)} -> ${relative(SRC, target)}.ts`;
      if (layer === 'trace' && tLayer === 'trace' && TRACE_ORDER.indexOf(tSub) > TRACE_ORDER.indexOf(sub) && !ALLOWED.has(edge)) {
        out.push(`${relative(SRC, file)} (trace/${sub}) imports ${spec} (trace/${tSub})`);
      }
    }
    if (PURE.has(layer) && /\b(document|window|self\.postMessage|localStorage)\b/.test(text.replace(/\/\/.*$/gm, ''))) {
      out.push(`${relative(SRC, file)} touches a browser global`);
    }
  }
  return out;
}

describe('layering', () => {
  it('every import follows the direction of DESIGN.md', () => {
    expect(violations()).toEqual([]);
  });
});
