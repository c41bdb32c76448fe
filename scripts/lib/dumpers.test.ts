// The conformance steps load our dumpers by path: a missing module, a missing export or an
// import-time crash must be an error that fails the step (go-compare, go-fresh).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DUMPER_MODULES, loadDumper } from './dumpers';

const ROOT = resolve(__dirname, '../..');

describe('loadDumper', () => {
  it('loads each of our three dumpers', async () => {
    for (const [path, name] of Object.values(DUMPER_MODULES)) expect(typeof (await loadDumper(path, name))).toBe('function');
  });

  it('throws for a module that does not exist, an export that does not, and a module that crashes on import', async () => {
    await expect(loadDumper('src/trace/dump/no-such-dumper.ts', 'dumpWire')).rejects.toThrow(/failed to load/);
    await expect(loadDumper('src/trace/dump/wire.ts', 'dumpNothing')).rejects.toThrow(/has no function export dumpNothing/);
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-crash-'));
    try {
      writeFileSync(join(dir, 'crash.ts'), "throw new Error('boom at import');\nexport const dumpWire = () => null;\n");
      await expect(loadDumper(relative(ROOT, join(dir, 'crash.ts')), 'dumpWire')).rejects.toThrow(/boom at import/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
