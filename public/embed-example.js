// Opening a trace in Flightdeck from another page: the whole protocol.
//   1. Open Flightdeck (an iframe, or window.open).
//   2. Send 'PING' until Flightdeck answers 'PONG' (its page takes a moment to load).
//   3. Post { trace: { buffer, title, fileName } }: buffer is an ArrayBuffer of the trace.
// Flightdeck accepts these only from the page that opened it or frames it.

// Where Flightdeck is: ?app=<url> on this page, or the folder this page was served from.
const APP_URL = new URL(new URLSearchParams(location.search).get('app') || './', location.href);
const APP_ORIGIN = APP_URL.origin;

/** Sends the trace to the Flightdeck window `win` once it answers. */
function sendTrace(win, buffer, title, fileName) {
  return new Promise((resolve, reject) => {
    let tries = 0;
    const onMessage = (e) => {
      // Only Flightdeck's answer from the window we opened counts.
      if (e.source !== win || e.origin !== APP_ORIGIN || e.data !== 'PONG') return;
      stop();
      // The buffer is transferred, not copied: it is empty here afterwards.
      win.postMessage({ trace: { buffer, title, fileName } }, APP_ORIGIN, [buffer]);
      resolve();
    };
    const timer = setInterval(() => {
      if (++tries > 100) {
        stop();
        reject(new Error(`no answer from Flightdeck at ${APP_URL.href} after 10 s`));
        return;
      }
      win.postMessage('PING', APP_ORIGIN);
    }, 100);
    const stop = () => {
      clearInterval(timer);
      window.removeEventListener('message', onMessage);
    };
    window.addEventListener('message', onMessage);
  });
}

const form = document.getElementById('form');
const status = document.getElementById('status');
const frame = document.getElementById('frame');
let popup = null;

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const file = document.getElementById('file').files[0];
  const title = document.getElementById('title').value;
  if (!file) return;
  // An open Flightdeck is reused (it replaces the trace it shows); reloading it instead could
  // let the old page answer PING and lose the trace in the reload.
  let win;
  if (e.submitter && e.submitter.value === 'window') {
    // Opened before any await, so the popup blocker sees the click.
    if (!popup || popup.closed) popup = window.open(APP_URL.href, 'flightdeck');
    win = popup;
    if (!win) {
      status.textContent = 'The browser blocked the new window.';
      return;
    }
  } else {
    if (frame.getAttribute('src') !== APP_URL.href) frame.src = APP_URL.href;
    win = frame.contentWindow;
  }
  status.textContent = `Waiting for Flightdeck at ${APP_ORIGIN}…`;
  try {
    await sendTrace(win, await file.arrayBuffer(), title, file.name);
    status.textContent = `Sent ${file.name} (${file.size.toLocaleString('en-US')} bytes).`;
  } catch (err) {
    status.textContent = String(err.message || err);
  }
});
