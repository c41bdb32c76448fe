// Streamed conversion (convert.ts binaryToTextStream / textToBinaryStream) against the whole-
// buffer one on every committed real trace, read in pieces, and on damaged copies of one: the
// same text and bytes, or the same fault after the same output.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { ChunkFeeder } from './chunk-feeder';
import { binaryToText, binaryToTextStream, textToBinary, textToBinaryStream } from './convert';

const DIR = join(__dirname, '../../../testdata/traces');
const TRACES = readdirSync(DIR).filter((f) => f.endsWith('.trace'));

function pieces(bytes: Uint8Array, size: number): ChunkFeeder {
  return new ChunkFeeder(
    (async function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
    })(),
  );
}

async function toText(bin: Uint8Array, size: number): Promise<{ text: string; error: string | null }> {
  let text = '';
  try {
    await binaryToTextStream(pieces(bin, size), (t) => void (text += t));
    return { text, error: null };
  } catch (e) {
    return { text, error: (e as Error).message };
  }
}

async function toBinary(text: Uint8Array, size: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await textToBinaryStream(pieces(text, size), (b) => void parts.push(b));
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

function whole(bin: Uint8Array): { text: string; error: string | null } {
  try {
    return { text: binaryToText(bin), error: null };
  } catch (e) {
    return { text: '', error: (e as Error).message };
  }
}

describe('streamed conversion', () => {
  it(`converts each of the ${TRACES.length} committed traces to text and back in pieces, as whole`, async () => {
    expect(TRACES.length).toBeGreaterThan(40);
    for (const f of TRACES) {
      const bin = new Uint8Array(readFileSync(join(DIR, f)));
      const w = whole(bin);
      const streamed = await toText(bin, 4093);
      // A trace of a version no reader knows fails at its header both ways.
      if (w.error !== null) {
        expect(streamed.error, f).toBe(w.error);
        continue;
      }
      const text = w.text;
      expect(streamed, f).toEqual({ text, error: null });
      const back = await toBinary(new TextEncoder().encode(text), 4093);
      expect(Buffer.from(back).equals(Buffer.from(textToBinary(new TextEncoder().encode(text)))), f).toBe(true);
    }
  });

  it('gives the same fault as the whole-file conversion on 300 damaged copies of a trace, after the events before it', async () => {
    const bin = new Uint8Array(readFileSync(join(DIR, 'basic.go126.trace')));
    const rnd = seededRandom(11);
    let faults = 0;
    for (let n = 0; n < 300; n++) {
      const bad = bin.slice(0, 16 + Math.floor(rnd() * (bin.length - 16)));
      for (let k = 0; k < 3; k++) bad[16 + Math.floor(rnd() * (bad.length - 16))] = Math.floor(rnd() * 256);
      const w = whole(bad);
      const s = await toText(bad, 1 + Math.floor(rnd() * 600));
      expect(s.error).toBe(w.error);
      if (w.error === null) expect(s.text).toBe(w.text);
      else {
        faults++;
        // The output stops at the end of an event, not inside one.
        expect(s.text.endsWith('\n')).toBe(true);
      }
    }
    expect(faults).toBeGreaterThan(100);
  });

  it('reads 300 damaged copies of a text trace with the same events or the same fault as whole', async () => {
    const text = new TextEncoder().encode(binaryToText(new Uint8Array(readFileSync(join(DIR, 'basic.go126.trace')))));
    const rnd = seededRandom(12);
    const alphabet = new TextEncoder().encode(' \n\t#=x0123456789"`\\Stack data');
    let faults = 0;
    for (let n = 0; n < 300; n++) {
      const bad = text.slice(0, Math.floor(rnd() * text.length));
      for (let k = 0; k < 2; k++) bad[Math.floor(rnd() * bad.length)] = alphabet[Math.floor(rnd() * alphabet.length)];
      let wholeOut: string | null = null;
      let wholeError: string | null = null;
      try {
        wholeOut = Buffer.from(textToBinary(bad)).toString('hex');
      } catch (e) {
        wholeError = (e as Error).message;
      }
      const parts: Uint8Array[] = [];
      let error: string | null = null;
      try {
        await textToBinaryStream(pieces(bad, 1 + Math.floor(rnd() * 300)), (b) => void parts.push(b));
      } catch (e) {
        error = (e as Error).message;
      }
      expect(error).toBe(wholeError);
      if (wholeError === null) expect(Buffer.concat(parts).toString('hex')).toBe(wholeOut);
      else faults++;
    }
    expect(faults).toBeGreaterThan(50);
  });
});
