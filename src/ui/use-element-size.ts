// The CSS-pixel size of an element and the device pixel ratio, kept current on resize and
// on moving between screens (a HiDPI laptop and a projector differ).

import { useEffect, useState, type RefObject } from 'react';

export interface ElementSize {
  readonly widthCssPx: number;
  readonly heightCssPx: number;
  readonly dpr: number;
}

export function useElementSize(ref: RefObject<Element | null>): ElementSize {
  const [size, setSize] = useState<ElementSize>({ widthCssPx: 0, heightCssPx: 0, dpr: window.devicePixelRatio || 1 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const r = el.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      setSize((s) =>
        s.widthCssPx === r.width && s.heightCssPx === r.height && s.dpr === dpr ? s : { widthCssPx: r.width, heightCssPx: r.height, dpr },
      );
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    const mq = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    mq.addEventListener('change', update);
    return () => {
      ro.disconnect();
      mq.removeEventListener('change', update);
    };
  }, [ref]);
  return size;
}
