// The CLI's streamed input (node-input.ts) over real files: every committed trace, read with
// fs.createReadStream in small pieces, plain and gzipped, dumps exactly what the whole-file
// dump prints (which the dump tests hold to Go's committed output); a cut gzip file dumps the
// generations that came out whole and then says, naming the file, what went wrong; the real
// process reads a gzipped trace from standard input.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dumpParsedChunks } from '../trace/dump/parsed-stream';
import { dumpParsedTo } from '../trace/dump/parsed';
import { openInputChunks } from './node-input';

const ROOT = resolve(__dirname, '../..');
const DIR = join(ROOT, 'testdata/traces');
const TMP = mkdtempSync(join(tmpdir(), 'flightdeck-input-'));

async function streamedDump(path: string, piece: number) {
  const parts: string[] = [];
  const r = await dumpParsedChunks(await openInputChunks(path, piece), (c) => parts.push(c));
  return { stdout: parts.join(''), ...r };
}

function wholeDump(bytes: Uint8Array) {
  const parts: string[] = [];
  const r = dumpParsedTo(bytes, (c) => parts.push(c));
  return { stdout: parts.join(''), ...r };
}

describe('streamed CLI input', () => {
  const traces = readdirSync(DIR).filter((f) => f.endsWith('.trace'));

  it('dumps every committed trace as the whole-file dump does, plain and gzipped, in small pieces', async () => {
    for (const [i, f] of traces.entries()) {
      const bytes = new Uint8Array(readFileSync(join(DIR, f)));
      const want = wholeDump(bytes);
      expect(await streamedDump(join(DIR, f), 997 + i * 131), f).toEqual(want);
      const gz = join(TMP, `${f}.gz`);
      writeFileSync(gz, gzipSync(bytes));
      expect(await streamedDump(gz, 1500 + i), `${f}.gz`).toEqual(want);
    }
  });

  it('a gzip file cut short: the generations that came out whole, then the file named in the error', async () => {
    const bytes = new Uint8Array(readFileSync(join(DIR, 'generations.go126.trace')));
    const gz = gzipSync(bytes, { level: 1 });
    const cut = join(TMP, 'cut.trace.gz');
    writeFileSync(cut, gz.subarray(0, Math.floor(gz.length * 0.8)));
    const got = await streamedDump(cut, 1000);
    expect(got.exitCode).toBe(1);
    expect(got.stderr).toMatch(/cut\.trace\.gz: the gzip data is damaged or cut short \(unexpected end of file\)\n$/);
    const all = wholeDump(bytes).stdout;
    expect(got.stdout.length).toBeGreaterThan(0);
    // Every event up to the last, a Sync that ends the trace where the input ended (as Go's
    // reader ends a trace cut at a generation's end), is the whole trace's.
    const lines = got.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^M=-1 P=-1 G=-1 Sync /);
    const before = lines.slice(0, -1).join('\n') + '\n';
    expect(all.startsWith(before)).toBe(true);
    expect(before.length).toBeLessThan(all.length);
  });

  it('a missing file fails at once in Go’s words', async () => {
    await expect(openInputChunks(join(TMP, 'nope.trace'))).rejects.toThrow(/failed to read trace file: open .*nope\.trace: no such file or directory/);
  });

  it('the real process reads a gzipped trace from standard input', () => {
    const gz = readFileSync(join(ROOT, 'testdata/gzip/annotations.go126.trace.gz'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'dump', '--mode=parsed', '-'], {
      cwd: ROOT,
      input: gz,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(gunzipSync(readFileSync(join(DIR, 'annotations.go126.trace.parsed.txt.gz'))).toString('utf8'));
  });
});
