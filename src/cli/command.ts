// What every CLI command sees: parsed arguments and an IO object, so commands run the same
// from the real process and from tests.

import type { ChunkSource } from '../trace/wire/chunk-feeder';
import { concatChunks } from '../trace/wire/chunked-input';

export interface CliIO {
  /** Writes to standard output. */
  out(text: string | Uint8Array): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Reads a whole input file; '-' is standard input. Throws CliError with a clear message. */
  readInput(path: string): Promise<Uint8Array>;
  /**
   * Opens an input as a stream of chunks (decompressed when gzip), for the commands that read
   * events, so the file is never held whole; '-' is standard input. Throws CliError at once
   * for a file that cannot be opened. Without it, readInput's bytes are used as one chunk.
   */
  openInput?(path: string): Promise<ChunkSource>;
  /** Writes a whole output file; '-' is standard output. Throws CliError. */
  writeOutput(path: string, data: Uint8Array): Promise<void>;
  /**
   * Opens an output for writing in pieces (exports larger than memory should hold at once);
   * '-' is standard output. Without it, commands gather the pieces and call writeOutput.
   */
  openOutput?(path: string): OutputStream;
}

export interface OutputStream {
  /** Text is written as UTF-8; bytes as they are. */
  write(piece: string | Uint8Array): void;
  close(): Promise<void>;
}

/** io.openOutput, or a stream that gathers the pieces and writes them whole at close. */
export function outputStream(io: CliIO, path: string): OutputStream {
  if (io.openOutput) return io.openOutput(path);
  const parts: Uint8Array[] = [];
  const utf8 = new TextEncoder();
  return {
    write: (p) => void parts.push(typeof p === 'string' ? utf8.encode(p) : p),
    close: () => io.writeOutput(path, concatChunks(parts)),
  };
}

/** The input as chunks: io.openInput, or readInput's bytes as one chunk. */
export async function inputChunks(io: CliIO, path: string): Promise<ChunkSource> {
  if (io.openInput) return io.openInput(path);
  const bytes = await io.readInput(path);
  return (async function* () {
    yield bytes;
  })();
}

export interface ParsedArgs {
  /** --name=value or --name value flags. */
  flags: Map<string, string>;
  positional: string[];
}

export interface Command {
  name: string;
  /** One line for `help`. */
  summary: string;
  /** The usage text shown for this command. */
  usage: string;
  /** Flags the command takes (without dashes); anything else is a usage error. */
  flags: readonly string[];
  /** Returns the exit code. */
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

/** A failure to report as one line on stderr; exitCode 2 is a usage error. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}
