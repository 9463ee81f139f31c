import { createContext, startTransition, useContext, useEffect, useState, type ReactNode } from 'react';

/** How far the page has been drawn. The report is drawn in steps, the first screen first, each
 *  step in a task of its own, so that no single task of drawing the page is long (a phone stays
 *  responsive while it draws). Without a DOM (server rendering in tests) everything is drawn. */
const StageContext = createContext(Number.POSITIVE_INFINITY);

export function Stages({ last, children }: { last: number; children: ReactNode }) {
  const [stage, setStage] = useState(typeof window === 'undefined' ? last : 0);
  useEffect(() => {
    if (stage >= last) return;
    const id = setTimeout(() => startTransition(() => setStage((n) => n + 1)), 0);
    return () => clearTimeout(id);
  }, [stage, last]);
  return (
    <StageContext.Provider value={stage}>
      <div data-loading={stage < last}>{children}</div>
    </StageContext.Provider>
  );
}

/** Its children, once the page has been drawn up to step `at`. */
export function Later({ at, children }: { at: number; children: ReactNode }) {
  return useContext(StageContext) >= at ? children : null;
}

