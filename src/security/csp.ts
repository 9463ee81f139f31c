/**
 * The Content-Security-Policy of the app: nothing but the site itself.
 *  - 'wasm-unsafe-eval' lets DuckDB compile its WebAssembly; it allows no JavaScript eval.
 *  - blob: for workers and downloads made in the page (CSV/SVG/PNG exports).
 *  - style-src 'unsafe-inline' because Observable Plot writes a <style> element into each SVG.
 * In development Vite needs inline scripts (React refresh) and a websocket for hot reload.
 * 'header' is the policy a static host should send as an HTTP header (docs/DEPLOY.md): the build's
 * policy plus frame-ancestors 'none'. The build writes it into dist/_headers.
 */
export function contentSecurityPolicy(mode: 'build' | 'dev' | 'header'): string {
  const dev = mode === 'dev';
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'", ...(dev ? ["'unsafe-inline'"] : [])],
    'worker-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", 'blob:', 'data:', ...(dev ? ['ws:'] : [])],
    'img-src': ["'self'", 'data:', 'blob:'],
    'style-src': ["'self'", "'unsafe-inline'"],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    // Only an HTTP header can forbid framing (browsers ignore it in a <meta> tag).
    ...(mode === 'header' ? { 'frame-ancestors': ["'none'"] } : {}),
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}
