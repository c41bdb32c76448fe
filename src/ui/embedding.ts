// The embedding API (see "Embedding" in the README): a page that opened Flightdeck with
// window.open, or shows it in an iframe, sends 'PING' until it gets 'PONG', then posts
//   { trace: { buffer: ArrayBuffer, title: string, fileName?: string } }
// and Flightdeck opens the bytes as if the file had been dropped, with the title above them.
//
// Who may send: only the window that opened this one (window.opener) or the page this one is
// framed in (window.parent). Any origin may be that page — a dashboard, a docs site — since
// all it can do is hand the user a trace to look at, in this tab, where nothing is uploaded.
// The first accepted message fixes the sender's origin: if the opener's tab later navigates
// to another site, that site's messages are ignored. Everything else is ignored with a
// console warning; messages from this window itself (browser extensions talk that way) are
// ignored silently.

import { readEmbedMessage } from '../state/embed-message';
import { openBlob } from '../state/inspect-actions';
import { formatBytes } from './format';

const WARN = 'Flightdeck embedding: ignored a message:';

/** The windows allowed to send: the opener and the parent frame, when there are such. */
function isPeer(source: MessageEventSource | null): source is Window {
  if (source === null || source === window) return false;
  if (window.opener !== null && source === window.opener) return true;
  return window.parent !== window && source === window.parent;
}

let installed = false;

export function installEmbedding(): void {
  if (installed) return;
  installed = true;
  let peerOrigin: string | null = null;

  window.addEventListener('message', (e: MessageEvent) => {
    if (e.source === window) return;
    if (!isPeer(e.source)) {
      console.warn(WARN, `it came from ${e.origin || 'an unknown origin'}, which is neither the page that opened Flightdeck nor the page it is embedded in`);
      return;
    }
    if (peerOrigin !== null && e.origin !== peerOrigin) {
      console.warn(WARN, `it came from ${e.origin}, but this Flightdeck is talking to ${peerOrigin}`);
      return;
    }
    const msg = readEmbedMessage(e.data);
    if (msg.kind === 'ignored') {
      console.warn(WARN, msg.reason);
      return;
    }
    peerOrigin = e.origin;
    if (msg.kind === 'ping') {
      // An opaque origin ('null': a sandboxed frame, a file:// page) can only be answered with
      // '*'; the reply says nothing but PONG, and goes to the window checked above.
      e.source.postMessage('PONG', { targetOrigin: e.origin === 'null' ? '*' : e.origin });
      return;
    }
    const embed = { title: msg.title, from: e.origin };
    if (msg.kind === 'too-big') {
      console.warn(WARN, `the trace is ${formatBytes(msg.byteLength)}, past the size Flightdeck reads in a browser`);
      // openBlob refuses it by its size, with the message a dropped file of that size gets,
      // without touching the bytes.
      void openBlob({ size: msg.byteLength, arrayBuffer: () => Promise.reject(new Error('not read')) }, msg.fileName, 'embed', embed);
      return;
    }
    const { buffer } = msg;
    void openBlob({ size: buffer.byteLength, arrayBuffer: () => Promise.resolve(buffer) }, msg.fileName, 'embed', embed);
  });
}
