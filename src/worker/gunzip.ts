// Gzipped traces (.trace.gz, the way people attach traces to issues) open like plain ones.
// A file is recognised by gzip's magic bytes (RFC 1952: 1f 8b, then compression method 8,
// deflate), never by its name; blob-source.ts decompresses it as a stream and stops as soon as
// the output passes the cap, so a small file that inflates without bound cannot exhaust the tab.

/** Whether bytes begin like a gzip stream. A Go trace begins "go 1.", so the two never clash. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 8;
}

/** A gzip stream that could not be decompressed (damaged, cut short, or too big inflated). */
export class GunzipError extends Error {}
