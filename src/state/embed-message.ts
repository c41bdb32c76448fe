// The embedding API's messages, read defensively: a page that embeds Flightdeck (an iframe)
// or opened it (window.open) sends 'PING' until it gets 'PONG', then
//   { trace: { buffer: ArrayBuffer, title: string, fileName?: string } }
// as Perfetto's UI does with its own key. Anything else that arrives — other libraries'
// messages, wrong types, absurd sizes — is turned into a reason to ignore it, never an
// exception. Which windows may send is decided by ui/embedding.ts.

import { MAX_POSTED_BYTES } from './inspect-limits';

export const EMBED_TITLE_MAX = 200;
export const EMBED_FILE_NAME_MAX = 120;
export const EMBED_DEFAULT_FILE_NAME = 'embedded.trace';

export type EmbedMessage =
  | { readonly kind: 'ping' }
  | { readonly kind: 'trace'; readonly buffer: ArrayBuffer; readonly title: string; readonly fileName: string }
  /** Not for us, or malformed: reason says why (for a console warning). */
  | { readonly kind: 'ignored'; readonly reason: string }
  /** A well-formed trace past the size cap: shown to the user as a refused file, not read. */
  | { readonly kind: 'too-big'; readonly byteLength: number; readonly title: string; readonly fileName: string };

function tag(x: unknown): string {
  return Object.prototype.toString.call(x).slice(8, -1);
}

/**
 * Control characters, bidirectional overrides (which could make a title read backwards) and
 * runs of white space become one space; long text is cut with "…".
 */
export function cleanText(s: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\s]+/g, ' ').trim();
  const chars = Array.from(flat); // by code point, so a cut never splits a surrogate pair
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

/** The last path segment only: a sender cannot make the name look like a path. */
export function cleanFileName(s: string): string {
  const base = s.split(/[\\/]/).pop() ?? '';
  return cleanText(base, EMBED_FILE_NAME_MAX);
}

export function readEmbedMessage(data: unknown, maxBytes = MAX_POSTED_BYTES): EmbedMessage {
  if (data === 'PING') return { kind: 'ping' };
  if (typeof data !== 'object' || data === null || tag(data) !== 'Object') {
    return { kind: 'ignored', reason: `not a Flightdeck message (${typeof data === 'string' ? 'the string ' + JSON.stringify(cleanText(data, 40)) : tag(data)})` };
  }
  if (!Object.prototype.hasOwnProperty.call(data, 'trace')) {
    return { kind: 'ignored', reason: 'not a Flightdeck message (an object without a "trace" key)' };
  }
  const t = (data as { trace: unknown }).trace;
  if (typeof t !== 'object' || t === null || tag(t) !== 'Object') return { kind: 'ignored', reason: `"trace" must be an object, not ${tag(t)}` };
  const { buffer, title, fileName } = t as { buffer?: unknown; title?: unknown; fileName?: unknown };
  if (tag(buffer) !== 'ArrayBuffer') {
    const hint = ArrayBuffer.isView(buffer) ? ' (post the view\'s .buffer, or a copy of the bytes as an ArrayBuffer)' : '';
    return { kind: 'ignored', reason: `"trace.buffer" must be an ArrayBuffer, not ${tag(buffer)}${hint}` };
  }
  if (typeof title !== 'string') return { kind: 'ignored', reason: `"trace.title" must be a string, not ${tag(title)}` };
  if (fileName !== undefined && typeof fileName !== 'string') return { kind: 'ignored', reason: `"trace.fileName" must be a string when given, not ${tag(fileName)}` };
  const name = (fileName !== undefined ? cleanFileName(fileName) : '') || EMBED_DEFAULT_FILE_NAME;
  const shownTitle = cleanText(title, EMBED_TITLE_MAX) || name;
  const bytes = (buffer as ArrayBuffer).byteLength;
  if (bytes > maxBytes) return { kind: 'too-big', byteLength: bytes, title: shownTitle, fileName: name };
  return { kind: 'trace', buffer: buffer as ArrayBuffer, title: shownTitle, fileName: name };
}
