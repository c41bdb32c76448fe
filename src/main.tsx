import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { installEmbedding } from './ui/embedding';
import { installIdleHook } from './ui/idle';
import { registerServiceWorker } from './ui/offline';
import { installTheme } from './ui/theme';
import { warmParser } from './state/inspect-actions';
import './ui/styles.css';

// The theme first, so the first render is already in the right colours.
installTheme();
installIdleHook();
// Listening before the first render: an embedding page's PING is answered as early as possible.
installEmbedding();
registerServiceWorker();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// The parse worker loads once the page has rendered, not when the first file is picked.
const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
idle(() => warmParser());
