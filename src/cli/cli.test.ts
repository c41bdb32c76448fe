import { mkdtempSync, openSync, closeSync, ftruncateSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError, type CliIO } from './command';
import { nodeIO, readFileCapped } from './node-io';
import { binaryToText, textToBinary } from '../trace/wire/convert';
import { runCli } from './run';
import { headerBytes } from '../trace/wire/version';

const dir = mkdtempSync(join(tmpdir(), 'flightdeck-cli-'));

/** IO over real files, with stdout/stderr captured and '-' served from memory. */
function memIO(stdin = new Uint8Array(0)) {
  const out: (string | Uint8Array)[] = [];
  let err = '';
  const io: CliIO = {
    out: (t) => void out.push(t),
    err: (t) => void (err += t),
    readInput: async (p) => (p === '-' ? stdin : readFileCapped(p)),
    writeOutput: async (p, data) => (p === '-' ? void out.push(data) : writeFileSync(p, data)),
  };
  const stdout = () => out.map((c) => (typeof c === 'string' ? c : new TextDecoder().decode(c))).join('');
  return { io, stdout, stderr: () => err };
}

const TRACE = new Uint8Array([...headerBytes(26), 1, 1, 2, 3, 1, 8, 0x34]);
const tracePath = join(dir, 'small.trace');
writeFileSync(tracePath, TRACE);

describe('flightdeck CLI', () => {
  it('dumps a trace in wire mode from a file and from stdin', async () => {
    for (const [arg, stdin] of [[tracePath, undefined], ['-', TRACE]] as const) {
      const m = memIO(stdin);
      expect(await runCli(['dump', '--mode=wire', arg], m.io)).toBe(0);
      expect(m.stdout()).toBe('EventBatch gen=1 m=2 time=3 size=1\nFrequency freq=52\n');
      expect(m.stderr()).toBe('');
    }
  });

  it('takes --mode VALUE as well as --mode=VALUE, and prints the footprint table', async () => {
    const m = memIO();
    expect(await runCli(['dump', '--mode', 'footprint', tracePath], m.io)).toBe(0);
    expect(m.stdout().split('\n')[2]).toMatch(/^EventBatch +5 /);
  });

  it("prints Go's errors and exit codes for missing files, bad modes and bad traces", async () => {
    const missing = memIO();
    expect(await runCli(['dump', '--mode=wire', join(dir, 'nope.trace')], missing.io)).toBe(1);
    expect(missing.stderr()).toBe(`failed to read trace file: open ${join(dir, 'nope.trace')}: no such file or directory\n`);

    const mode = memIO();
    expect(await runCli(['dump', '--mode=parsedx', tracePath], mode.io)).toBe(1);
    expect(mode.stderr()).toBe('invalid debug mode parsedx, want one of: parsed, wire, footprint\n');

    const random = join(dir, 'random.bin');
    writeFileSync(random, new Uint8Array(64).map((_, i) => (i * 97 + 13) & 0xff));
    const bad = memIO();
    expect(await runCli(['dump', '--mode=wire', random], bad.io)).toBe(1);
    expect(bad.stderr()).toBe('bad file format: not a Go execution trace?\n');

    const directory = memIO();
    expect(await runCli(['dump', '--mode=wire', dir], directory.io)).toBe(1);
    expect(directory.stderr()).toBe('bad file format: not a Go execution trace?\n');
  });

  it('refuses a huge file before reading it', async () => {
    const huge = join(dir, 'huge.trace');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 3 * 2 ** 30); // sparse: no disk used
    closeSync(fd);
    const m = memIO();
    expect(await runCli(['dump', '--mode=wire', huge], m.io)).toBe(1);
    expect(m.stderr()).toMatch(/huge\.trace: the file is 3\.0 GiB, more than the 1\.0 GiB this command reads\n$/);
    expect(() => readFileCapped(tracePath, 10)).toThrow(CliError);
  });

  it('reports usage errors with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['dump', '--mode=wire'], /expected exactly one trace file/],
      [['dump', tracePath], /missing --mode/],
      [['dump', '--bogus=1', tracePath], /unknown flag --bogus/],
      [['convert', '--to=xml', 'a', 'b'], /--to must be text or binary/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [[], /usage: flightdeck COMMAND/],
    ];
    for (const [argv, re] of cases) {
      const m = memIO();
      expect(await runCli(argv, m.io), argv.join(' ')).toBe(2);
      expect(m.stderr()).toMatch(re);
    }
  });

  it('converts binary → text → binary byte for byte, through files and stdout', async () => {
    const textPath = join(dir, 'small.txt');
    const binPath = join(dir, 'small2.trace');
    expect(await runCli(['convert', '--to=text', tracePath, textPath], memIO().io)).toBe(0);
    expect(readFileSync(textPath, 'utf8')).toBe('Trace Go1.26\nEventBatch gen=1 m=2 time=3 size=1\nFrequency freq=52\n');
    expect(await runCli(['convert', '--to=binary', textPath, binPath], memIO().io)).toBe(0);
    expect(new Uint8Array(readFileSync(binPath))).toEqual(TRACE);
    const m = memIO();
    expect(await runCli(['convert', '--to=text', tracePath, '-'], m.io)).toBe(0);
    expect(m.stdout()).toContain('Frequency freq=52');
    const broken = memIO(new TextEncoder().encode('Trace Go1.26\nBogus\n'));
    expect(await runCli(['convert', '--to=binary', '-', '-'], broken.io)).toBe(1);
    expect(broken.stderr()).toBe('unidentified event: Bogus\n');
  });

  it('converts streamed files (a gzipped trace in, text out, and back), and keeps what came before a fault', async () => {
    const streamed = () => {
      const m = memIO();
      return { ...m, io: { ...m.io, openInput: nodeIO.openInput, openOutput: nodeIO.openOutput } };
    };
    const traceFile = join(__dirname, '../../testdata/traces/syscallsteal.go126.trace');
    const gz = join(dir, 'syscallsteal.trace.gz');
    writeFileSync(gz, gzipSync(readFileSync(traceFile)));
    const textPath = join(dir, 'syscallsteal.txt');
    const binPath = join(dir, 'syscallsteal2.trace');
    expect(await runCli(['convert', '--to=text', gz, textPath], streamed().io)).toBe(0);
    expect(readFileSync(textPath, 'utf8')).toBe(binaryToText(new Uint8Array(readFileSync(traceFile))));
    expect(await runCli(['convert', '--to=binary', textPath, binPath], streamed().io)).toBe(0);
    // As the whole-file conversion writes it (Go's runtime pads some varints; text does not keep that).
    expect(readFileSync(binPath).equals(textToBinary(new Uint8Array(readFileSync(textPath))))).toBe(true);

    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'Trace Go1.26\nEventBatch gen=1 m=2 time=3 size=0\nBogus x=1\n');
    const m = streamed();
    expect(await runCli(['convert', '--to=binary', bad, binPath], m.io)).toBe(1);
    expect(m.stderr()).toBe('unidentified event: Bogus\n');
    expect(Buffer.from(readFileSync(binPath)).subarray(16).toString('hex')).toBe('0101020300');
  });

  it('lists commands in help and shows a command’s usage', async () => {
    const m = memIO();
    expect(await runCli(['help'], m.io)).toBe(0);
    expect(m.stdout()).toMatch(/dump .*\n.*convert/);
    const d = memIO();
    expect(await runCli(['help', 'dump'], d.io)).toBe(0);
    expect(d.stdout()).toContain('--mode=MODE');
    expect(d.stdout()).toContain('footprint');
  });
});
