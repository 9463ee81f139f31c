import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/** The width of an element in CSS pixels, kept current as it resizes. The observer reports after
 *  the browser's own layout and before it paints, so the chart is redrawn at its real width without
 *  forcing an extra layout and without a frame at the wrong width. */
export function useWidth<T extends HTMLElement>(initial: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      const w = Math.max(200, Math.floor(entry!.contentRect.width));
      flushSync(() => setWidth(w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}
