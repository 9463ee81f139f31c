/** The address's search parameters as they are now. react-router's functional setSearchParams
 *  hands the updater the parameters of the last render, so two changes made before the page
 *  re-renders (a fast user, a test) would lose the first. The browser's own address already holds
 *  every change made so far (react-router pushes it synchronously), so updaters start from it. */
export function latestParams(rendered: URLSearchParams): URLSearchParams {
  return typeof window === 'undefined' ? new URLSearchParams(rendered) : new URLSearchParams(window.location.search);
}
