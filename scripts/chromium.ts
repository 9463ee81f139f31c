/** Which Chromium the browser tests, the bench and the Lighthouse check drive.
 *
 *  1. `CHROMIUM_PATH`, when set (it must run: a wrong path is an error, not a silent fallback);
 *  2. else a system Chromium or Chrome that answers `--version`;
 *  3. else the headless Chromium that `npm install` brought in `@sparticuz/chromium` (a registry
 *     package that ships the binary compressed inside it: nothing is downloaded). It is unpacked
 *     once into node_modules/.cache/ (about 2 s, 190 MB) and reused after.
 *
 *  `npx tsx scripts/chromium.ts` prints the choice. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Browser {
  /** The executable to launch. */
  path: string;
  /** What it printed for `--version`, e.g. "Chromium 143.0.7499.0". */
  version: string;
  /** Where it came from. */
  source: 'CHROMIUM_PATH' | 'system' | 'bundled';
  /** Environment the browser needs (the bundled one's font configuration). */
  env: Record<string, string>;
}

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

/** Flags every launch uses: headless on a machine with no display or network, as root or not. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

function versionOf(path: string, env: Record<string, string> = {}): string | undefined {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ...env } }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const root = resolve(import.meta.dirname, '..');

/** Unpacks the bundled Chromium into node_modules/.cache/chromium-<package version>/ unless it is
 *  there already. Unpacked into a folder of its own first and renamed into place, so a run stopped
 *  half-way, or two runs at once, never leave a half-written browser behind. */
async function unpackBundled(): Promise<{ path: string; env: Record<string, string> }> {
  const pkg = join(root, 'node_modules', '@sparticuz', 'chromium');
  if (!existsSync(join(pkg, 'bin', 'chromium.br'))) throw new Error('No Chromium found: no CHROMIUM_PATH, no system Chromium or Chrome, and @sparticuz/chromium is not installed (run `npm install`).');
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const dir = join(root, 'node_modules', '.cache', `chromium-${version}`);
  const exe = join(dir, 'chromium');
  const fontsConf = join(dir, 'fonts.conf');
  if (!existsSync(exe) || !existsSync(fontsConf)) {
    const staging = `${dir}.unpacking-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const started = Date.now();
    // The package unpacks into os.tmpdir(), which reads TMPDIR at each call: point it at the
    // staging folder for the unpacking only.
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    try {
      const { default: Chromium } = await import('@sparticuz/chromium');
      await Chromium.executablePath(join(pkg, 'bin'));
    } finally {
      if (saved === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = saved;
    }
    // The package's own fonts.conf names Lambda's folders; this one reads the machine's fonts
    // when it has any, and the package's Open Sans always, so text renders on a bare machine.
    writeFileSync(join(staging, 'fonts.conf'), `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${join(dir, 'fonts')}</dir>
  <cachedir>${join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`);
    try {
      renameSync(staging, dir);
      console.log(`Unpacked the bundled Chromium (@sparticuz/chromium ${version}) into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    } catch {
      // Another run unpacked it first: use theirs.
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return { path: exe, env: { FONTCONFIG_FILE: fontsConf } };
}

let chosen: Promise<Browser> | undefined;

/** The browser to drive, chosen once per process. */
export function findChromium(): Promise<Browser> {
  return (chosen ??= (async (): Promise<Browser> => {
    const explicit = process.env.CHROMIUM_PATH;
    if (explicit) {
      const version = versionOf(explicit);
      if (!version) throw new Error(`CHROMIUM_PATH=${explicit} does not run (\`${explicit} --version\` failed). Unset it to use a system or the bundled Chromium.`);
      return { path: explicit, version, source: 'CHROMIUM_PATH', env: {} };
    }
    for (const path of SYSTEM) {
      if (!existsSync(path)) continue;
      const version = versionOf(path);
      if (version) return { path, version, source: 'system', env: {} };
    }
    const { path, env } = await unpackBundled();
    const version = versionOf(path, env);
    if (!version) throw new Error(`The bundled Chromium at ${path} does not run. Set CHROMIUM_PATH to a Chromium or Chrome.`);
    return { path, version, source: 'bundled', env };
  })());
}

/** Playwright launch options for this browser: headless, the flags above, its environment. */
export const launchOptions = (b: Browser) =>
  ({ executablePath: b.path, env: { ...process.env, ...b.env } as Record<string, string>, headless: true, args: CHROMIUM_ARGS });
export type LaunchOptions = ReturnType<typeof launchOptions>;

export const describeBrowser = (b: Browser) =>
  `${b.version} (${b.source === 'bundled' ? 'bundled with @sparticuz/chromium' : b.source === 'system' ? 'system' : 'from CHROMIUM_PATH'}: ${b.path})`;

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(describeBrowser(await findChromium()));
}
