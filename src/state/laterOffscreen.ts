import { useCallback, useEffect, useRef, useState } from 'react';
import { useAfterPaint } from './afterPaint.ts';
import { watchOnScreen } from './onScreen.ts';

/** For a section whose figures the page works out itself (a program metric) from `value` (a
 *  filter, memoised: compared by identity): the value the section shows. While the section is off
 *  screen, a change reaches it right after the next frame is painted, in a task of its own, so the
 *  frame that shows the change on screen does not wait for figures below the fold (issue 21: at
 *  100,000 encounters, /placements worked out three sections below the fold in every change). On
 *  screen, or before the observer first reports, the change reaches it at once. Scrolled into view
 *  while late, it catches up at once. `late`: the section shows figures of an earlier value (mark
 *  it busy). */
export function useLaterOffscreen<T>(value: T): { ref: (el: Element | null) => void; shown: T; late: boolean } {
  const [offscreen, setOffscreen] = useState(false);
  const unwatch = useRef<(() => void) | null>(null);
  const ref = useCallback((el: Element | null) => {
    unwatch.current?.();
    unwatch.current = el ? watchOnScreen(el, (on) => setOffscreen(!on)) : null;
  }, []);
  useEffect(() => () => unwatch.current?.(), []);
  const shown = useAfterPaint(value, offscreen);
  return { ref, shown, late: shown !== value };
}
