/** Calls `report` with whether `el` is on screen (in the window), first once the browser has laid
 *  it out and then each time that changes; an IntersectionObserver, so reading it costs no layout.
 *  In a browser without one, nothing is reported. Returns a function that stops watching. */
export function watchOnScreen(el: Element, report: (onScreen: boolean) => void): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => undefined;
  const io = new IntersectionObserver((entries) => {
    const e = entries[entries.length - 1];
    if (e) report(e.isIntersecting);
  });
  io.observe(el);
  return () => io.disconnect();
}
