/// <reference types="vitest/config" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './src/security/csp.ts';

/** Puts the Content-Security-Policy into the built index.html (strict) and onto the dev server's
 *  responses (with the extra allowances Vite's hot reload needs). */
function csp(): Plugin {
  return {
    name: 'content-security-policy',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server) return html;
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy('build')}">`;
        return html.replace('<head>', `<head>\n    ${meta}`);
      },
    },
    // dist/_headers: the policy as an HTTP header, in the format Netlify and Cloudflare Pages read.
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n  Content-Security-Policy: ${contentSecurityPolicy('header')}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n` });
    },
    configureServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', contentSecurityPolicy('dev'));
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', contentSecurityPolicy('header'));
        next();
      });
    },
  };
}

/** The public page (public/index.html, served at /public/) reads the published snapshot from its own
 *  folder: data/snapshot/snapshot.json and one <table id>.csv per table (written by
 *  `npm run snapshot`). The dev server serves them at /public/<file>; the build copies them to
 *  dist/public/, where `vite preview` and any static host serve them. /public (no slash) redirects
 *  to /public/ so the page's relative addresses resolve inside the folder. */
const SNAPSHOT_DIR = resolve(import.meta.dirname, 'data/snapshot');
const SNAPSHOT_FILE = /^[\w.-]+\.(json|csv)$/;

function publicPage(): Plugin {
  const files = () => (existsSync(SNAPSHOT_DIR) ? readdirSync(SNAPSHOT_DIR).filter((f) => SNAPSHOT_FILE.test(f)) : []);
  const redirect = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const [path, query] = (req.url ?? '').split(/\?(.*)/s);
    if (path !== '/public') return next();
    res.statusCode = 302;
    res.setHeader('Location', `/public/${query ? `?${query}` : ''}`);
    res.end();
  };
  return {
    name: 'public-page',
    configureServer(server) {
      server.middlewares.use(redirect);
      server.middlewares.use((req, res, next) => {
        const name = /^\/public\/([^/?#]+)(?:\?.*)?$/.exec(req.url ?? '')?.[1];
        if (!name || !SNAPSHOT_FILE.test(name) || !existsSync(join(SNAPSHOT_DIR, name))) return next();
        res.setHeader('Content-Type', name.endsWith('.json') ? 'application/json' : 'text/csv; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(join(SNAPSHOT_DIR, name)));
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use(redirect);
    },
    generateBundle() {
      const found = files();
      if (!found.includes('snapshot.json')) this.warn(`data/snapshot/snapshot.json is missing: /public will say the figures could not be loaded (run \`npm run snapshot\`).`);
      for (const f of found) this.emitFile({ type: 'asset', fileName: `public/${f}`, source: readFileSync(join(SNAPSHOT_DIR, f)) });
    },
  };
}

export default defineConfig({
  plugins: [react(), csp(), publicPage()],
  // public/ is a page of its own (the transparency page); files copied as they are live in static/.
  publicDir: 'static',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: { main: resolve(import.meta.dirname, 'index.html'), public: resolve(import.meta.dirname, 'public/index.html') } },
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/setup/global.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
