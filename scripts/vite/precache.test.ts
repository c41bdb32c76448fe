import { describe, expect, it } from 'vitest';
import { injectManifest, isPrecached, MANIFEST_MARKER, precacheManifest } from './precache';

const files = [
  { fileName: 'index.html', content: '<html>' },
  { fileName: 'assets/index-abc.js', content: 'code' },
  { fileName: 'assets/index-abc.js.map', content: '{}' },
  { fileName: 'sw.js', content: 'sw' },
  { fileName: 'sw.js.map', content: '{}' },
  { fileName: 'icon-192.png', content: new Uint8Array([137, 80, 78, 71]) },
  { fileName: '.DS_Store', content: 'x' },
];

describe('precache manifest', () => {
  it('keeps the app files, and leaves out the worker itself, source maps and dot files', () => {
    expect(precacheManifest(files, 'sw.js').files).toEqual(['assets/index-abc.js', 'icon-192.png', 'index.html']);
    expect(isPrecached('assets/x.css', 'sw.js')).toBe(true);
    expect(isPrecached('sw.js', 'sw.js')).toBe(false);
  });

  it('its version changes with any precached byte and not with anything else', () => {
    const v = precacheManifest(files, 'sw.js').version;
    expect(v).toMatch(/^[0-9a-f]{16}$/);
    expect(precacheManifest([...files].reverse(), 'sw.js').version).toBe(v);
    const changedIcon = files.map((f) => (f.fileName === 'icon-192.png' ? { ...f, content: new Uint8Array([137, 80, 78, 72]) } : f));
    expect(precacheManifest(changedIcon, 'sw.js').version).not.toBe(v);
    const renamed = files.map((f) => (f.fileName === 'assets/index-abc.js' ? { ...f, fileName: 'assets/index-abd.js' } : f));
    expect(precacheManifest(renamed, 'sw.js').version).not.toBe(v);
    const changedMap = files.map((f) => (f.fileName.endsWith('.map') ? { ...f, content: '{"x":1}' } : f));
    expect(precacheManifest(changedMap, 'sw.js').version).toBe(v);
  });

  it('is written into the built worker as a string the worker can JSON.parse', () => {
    const m = precacheManifest(files, 'sw.js');
    for (const q of ['"', "'", '`']) {
      const code = `var a=JSON.parse(${q}${MANIFEST_MARKER}${q});`;
      const out = injectManifest(code, m);
      const parsed = new Function(`${out.replace('var a=', 'return ')}`)();
      expect(parsed).toEqual(m);
    }
    expect(() => injectManifest('var a=1;', m)).toThrow(/marker/);
  });
});
