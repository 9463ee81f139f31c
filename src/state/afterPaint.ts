import { useEffect, useState } from 'react';

/** Runs `fn` once, in a task of its own right after the browser has painted the next frame (a
 *  frame callback, then a timer), so work that the frame does not need leaves it alone. A hidden tab
 *  paints no frames: a timer runs it after `fallbackMs` anyway. Returns a function that cancels it. */
export function afterPaint(fn: () => void, fallbackMs = 100): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    fn();
  };
  const fallback = setTimeout(run, fallbackMs);
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(() => { timer = setTimeout(run, 0); });
  return () => {
    done = true;
    clearTimeout(fallback);
    if (timer !== undefined) clearTimeout(timer);
    if (frame !== undefined && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
  };
}

/** `value`; but while `late` holds, the value it had before the last change until right after the
 *  page has been painted, so that what is not seen (a data table hidden for screen readers only)
 *  is brought up to date in a task of its own instead of in the frame that shows the change. */
export function useAfterPaint<T>(value: T, late: boolean): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (shown === value) return;
    if (!late) {
      setShown(value);
      return;
    }
    return afterPaint(() => setShown(value));
  }, [value, late, shown]);
  return late ? shown : value;
}
