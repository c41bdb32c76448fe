// Go fuzz corpus files (`go test fuzz v1`, then one Go literal per line, as
// internal/fuzz/encoding.go writes them). Trace fuzz seeds hold a single []byte value.

import { binaryToBytes, bytesToBinary, goUnquote } from '../../src/trace/go/strconv';

/** Decodes a corpus file holding one []byte("…") value into its bytes. Throws on anything else. */
export function decodeFuzzSeed(file: Uint8Array): Uint8Array {
  const text = bytesToBinary(file);
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines[0]?.trim() !== 'go test fuzz v1') throw new Error('not a Go fuzz corpus file (no "go test fuzz v1" line)');
  if (lines.length !== 2) throw new Error(`expected exactly one value, found ${lines.length - 1}`);
  const m = /^\s*\[\]byte\((.*)\)\s*$/s.exec(lines[1]);
  if (!m) throw new Error('expected a []byte("...") value');
  const value = goUnquote(m[1].trim());
  if (value === null) throw new Error('malformed Go string literal in []byte value');
  return binaryToBytes(value);
}
