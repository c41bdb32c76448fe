// How much of a file the page agrees to read. The parse worker holds the whole file as one
// ArrayBuffer plus the parser's state for one generation (a 215 MiB trace peaks near 1.8x its
// size), and Chromium itself refuses to read a Blob of about 2 GiB or more into memory, with a
// misleading "permission problems" error. So files are checked against a stated cap before a
// single byte is read, and the user is told the cap and what to do instead.

/** The largest file the page reads: 1 GiB. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/** The cap in the words the page uses ("1 GiB"). */
export const MAX_FILE_TEXT = '1 GiB';

/** Null when the file may be read; otherwise what the user is told. */
export function fileSizeProblem(fileName: string, size: number, max = MAX_FILE_BYTES): string | null {
  if (size <= max) return null;
  return (
    `${fileName} is ${gib(size)}; Flightdeck reads files of up to ${max === MAX_FILE_BYTES ? MAX_FILE_TEXT : gib(max)} in the browser. ` +
    'Record a shorter trace (a flight-recorder snapshot keeps only the last few seconds), or use go tool trace for this one.'
  );
}

function gib(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  return `${(n / 1024 ** 2).toFixed(1)} MiB`;
}
