// The words for a file that is not a readable Go trace, by what it is instead (from
// trace/wire/file-kind.ts): each says what the file is and how to open it, instead of one
// "not a Go trace" for everything. Pure, so the wording is tested without a browser.

import type { FetchInfo } from '../../state/store';
import type { FileKind } from '../../worker/parse-protocol';

export interface WrongFileWords {
  /** Names the kind for styling and tests (data-file-kind). */
  readonly fileKind: string;
  readonly title: string;
  readonly explanation: string;
  /** A command that opens or converts the file, shown as code. */
  readonly how: string | null;
  /** What to do after `how`, when there is a next step. */
  readonly then: string | null;
  /** The file's first line, for a text file. */
  readonly firstLine: string | null;
}

const TRACE_SOURCES = 'Execution traces come from runtime/trace.Start, a FlightRecorder snapshot, go test -trace, or /debug/pprof/trace.';

/** The words for kind, or null when nothing more specific than "not a Go trace" can be said. */
export function wrongFileWords(k: FileKind, fileName: string, fetched: FetchInfo | null): WrongFileWords | null {
  const none = { how: null, then: null, firstLine: null };
  switch (k.kind) {
    case 'empty':
      return {
        ...none,
        fileKind: 'empty',
        title: 'This file is empty',
        explanation: `It has 0 bytes: nothing was written into it. A program that exits before trace.Stop, or a download that failed, can leave an empty file. ${TRACE_SOURCES}`,
      };
    case 'gzip':
      if (k.inner === 'trace') {
        // Until traces are decompressed on open (the streamed-input work), say how to do it;
        // this case goes away when a gzipped trace simply opens.
        const gz = /\.gz$/i.test(fileName);
        const plain = gz ? fileName.slice(0, -3) : `${fileName}.trace`;
        return {
          ...none,
          fileKind: 'gzip-trace',
          title: 'A gzip-compressed Go trace',
          explanation: 'Flightdeck does not decompress files yet. Decompress it first (on Windows, 7-Zip or tar -xf does it), then open the trace.',
          how: gz ? `gunzip ${fileName}` : `gunzip -c ${fileName} > ${plain}`,
          then: `then open ${plain}`,
        };
      }
      if (k.inner === 'pprof') return profileWords(fileName);
      return {
        ...none,
        fileKind: 'gzip',
        title: 'A gzip-compressed file, not a Go trace',
        explanation: `Decompressed, it starts neither like a Go execution trace nor like a pprof profile. ${TRACE_SOURCES}`,
      };
    case 'pprof':
      return profileWords(fileName);
    case 'html':
      if (fetched) {
        const answer = `${fetched.status} ${fetched.statusText}`.trim();
        return {
          ...none,
          fileKind: 'html',
          title: 'The server sent a web page, not a trace',
          explanation:
            `GET ${fetched.url} answered ${answer} with a web page${fetched.contentType ? ` (${fetched.contentType})` : ''}. ` +
            'Many servers answer a path they do not have with their home page instead of 404 Not Found: check the path after ?url=.',
        };
      }
      return {
        ...none,
        fileKind: 'html',
        title: 'A web page (HTML), not a Go trace',
        explanation: `Perhaps the page a download link led to was saved instead of the file itself. ${TRACE_SOURCES}`,
      };
    case 'json':
      return {
        ...none,
        fileKind: 'json',
        title: 'A JSON file, not a Go execution trace',
        explanation:
          'The JSON that go tool trace serves to trace viewers (/jsontrace) cannot be turned back into a trace: open the .trace file it was made from.',
      };
    case 'text-trace':
      return {
        ...none,
        fileKind: 'text-trace',
        title: 'Go’s text trace format, not a binary trace',
        explanation: 'This is the text form of a trace that Go’s own tests use (internal/trace/raw). Convert it to a binary trace first:',
        how: `flightdeck convert --to=binary ${fileName} ${fileName.replace(/\.[^.]*$/, '')}.trace`,
        then: 'then open the .trace file',
      };
    case 'text':
      return {
        ...none,
        fileKind: 'text',
        title: 'A text file, not a Go execution trace',
        explanation: `A Go execution trace is binary and starts with a header like “go 1.26 trace”; this file is text. ${TRACE_SOURCES} Its first line:`,
        firstLine: k.firstLine,
      };
    case 'old-trace':
      return {
        ...none,
        fileKind: 'old-trace',
        title: `A trace from Go 1.${k.goMinor}, a format today’s Go no longer reads`,
        explanation:
          'Go 1.5 to 1.10 wrote this format. Go’s tools stopped reading it in Go 1.22, and Flightdeck does not read it either: open it with go tool trace from Go 1.21 or earlier.',
      };
    case 'unknown':
      return null;
  }
}

function profileWords(fileName: string): WrongFileWords {
  return {
    fileKind: 'pprof',
    title: 'A CPU or heap profile (pprof), not an execution trace',
    explanation:
      'runtime/pprof and /debug/pprof/profile or /heap write profiles: samples of where time or memory went. An execution trace records every scheduling event instead. Open this file with Go’s profiler:',
    how: `go tool pprof ${fileName}`,
    then: `or go tool pprof -http=localhost:0 ${fileName} for its web view`,
    firstLine: null,
  };
}
