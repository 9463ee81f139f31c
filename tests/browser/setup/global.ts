import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { describeBrowser, findChromium, type Browser } from '../../../scripts/chromium.ts';

/** Serves the built app (dist/, made by `vite build` before this project runs) on a local port for
 *  the browser tests, and picks the Chromium they drive (scripts/chromium.ts). */
export const PORT = Number(process.env.TEST_PORT ?? 4179);
let server: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `vite build` before the browser tests (npm run test:browser does).');
  server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const base = `http://127.0.0.1:${PORT}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(base + '/');
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error('vite preview did not start within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide('baseUrl', base);
  const browser = await findChromium();
  console.log(`Browser tests drive ${describeBrowser(browser)}.`);
  project.provide('browser', browser);
  return async () => { server?.kill(); };
}

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string; browser: Browser }
}
