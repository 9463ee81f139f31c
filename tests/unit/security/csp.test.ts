import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src/security/csp.ts';

/** The policy allows nothing but the site itself (docs/DEPLOY.md). */
describe('Content-Security-Policy', () => {
  const parse = (p: string) => new Map(p.split('; ').map((d) => { const [k, ...v] = d.split(' '); return [k!, v] as const; }));

  it.each(['build', 'header'] as const)('%s: only this site, no script eval, no inline script, no other origin', (mode) => {
    const p = parse(contentSecurityPolicy(mode));
    expect(p.get('default-src')).toEqual(["'self'"]);
    expect(p.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(p.get('object-src')).toEqual(["'none'"]);
    for (const [, sources] of p) {
      for (const s of sources) expect(s).toMatch(/^('self'|'none'|'wasm-unsafe-eval'|'unsafe-inline'|blob:|data:)$/);
    }
    // 'unsafe-inline' is for Plot's <style> elements only.
    expect([...p].filter(([, v]) => v.includes("'unsafe-inline'")).map(([k]) => k)).toEqual(['style-src']);
  });

  it('the header form forbids framing; the <meta> form leaves it out (browsers ignore it there)', () => {
    expect(parse(contentSecurityPolicy('header')).get('frame-ancestors')).toEqual(["'none'"]);
    expect(parse(contentSecurityPolicy('build')).has('frame-ancestors')).toBe(false);
  });
});
