import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
});

/** File values reach the page only as text: no source file writes raw HTML. (The browser test
 *  tests/browser/outputSafety.test.ts checks the same from the outside, with hostile values.) */
it('no dangerouslySetInnerHTML, innerHTML, outerHTML, insertAdjacentHTML or document.write in src/', () => {
  const offenders = files(SRC).filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});
