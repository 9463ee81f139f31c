/** Renders a chart component into the test's DOM (jsdom: the test file says `@vitest-environment
 *  jsdom`) and returns what Plot drew, as stable, pretty-printed markup for a file snapshot, the
 *  way Observable Plot tests its own output (test/plot-snapshot.js in its repository): ids that a
 *  page-wide counter numbers (clip paths, markers, patterns, filters) are numbered from 1 within
 *  the chart, the generated class name is written `plot`, numbers keep at most 3 decimals, and each
 *  element is on its own line.
 *
 *  The component is rendered whole (through ChartFrame), so the figure is the one a page shows: the
 *  chart draws at 640px, ChartFrame's width when the holder has no layout (jsdom has none). */
import { act, createElement, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** What Plot drew for one chart: the markup and the file extension it is stored under, `svg` for
 *  a bare SVG and `html` for Plot's figure (an SVG with an HTML legend), as Plot's tests do. */
export interface Drawn { markup: string; ext: 'svg' | 'html' }

/** Renders `component` with `props` and returns the Plot figure inside its ChartFrame. */
export function renderChart<P extends object>(component: ComponentType<P>, props: P): Drawn {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  try {
    act(() => root.render(createElement(component, props)));
    const holder = container.querySelector('.plot');
    const drawn = holder?.firstElementChild;
    if (!drawn) throw new Error('The chart drew nothing (no rows, or still loading?).');
    if (holder.childElementCount !== 1) throw new Error(`Expected one Plot element, found ${holder.childElementCount}.`);
    return serialize(drawn.cloneNode(true) as Element);
  } finally {
    act(() => root.unmount());
    container.remove();
  }
}

/** The stable markup of a Plot element (see the module comment). */
export function serialize(root: Element): Drawn {
  const ext = root.namespaceURI === SVG_NS && root.localName === 'svg' ? 'svg' : 'html';
  for (const svg of root.localName === 'svg' ? [root] : [...root.querySelectorAll('svg')]) {
    svg.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  }
  reindexClass(root);
  reindexIri(root, 'clip', ['clip-path']);
  reindexIri(root, 'filter', ['filter']);
  reindexIri(root, 'marker', ['marker-start', 'marker-mid', 'marker-end']);
  reindexIri(root, 'pattern', ['fill', 'stroke']);
  return { markup: `${pretty(root, 0).join('\n')}\n`, ext };
}

/** Plot's generated class name (see defaultClassName in Plot's style.js), written as `plot`. */
function reindexClass(root: Element) {
  const uid = /\bplot-[0-9a-f]{6}\b/g;
  for (const el of [root, ...root.querySelectorAll('[class]')]) {
    const c = el.getAttribute('class');
    if (c) el.setAttribute('class', c.replace(uid, 'plot'));
  }
  for (const style of root.querySelectorAll('style')) {
    style.textContent = (style.textContent ?? '').replace(uid, 'plot');
  }
}

/** Ids Plot numbers with a counter shared by every chart on the page, numbered from 1 here. */
function reindexIri(root: Element, name: string, attributes: string[]) {
  const map = new Map<string, string>();
  for (const el of root.querySelectorAll(`[id^="plot-${name}-"]`)) {
    const id = el.getAttribute('id')!;
    if (!map.has(id)) map.set(id, `plot-${name}-${map.size + 1}`);
    el.setAttribute('id', map.get(id)!);
  }
  for (const key of attributes) {
    for (const el of root.querySelectorAll(`[${key}]`)) {
      const m = /^url\(#(.*)\)$/.exec(el.getAttribute(key)!);
      const to = m && map.get(m[1]!);
      if (to) el.setAttribute(key, `url(#${to})`);
    }
  }
}

/** Elements whose content is written on one line with them (text runs, tooltips, legend swatches). */
const INLINE = new Set(['text', 'tspan', 'title', 'span']);

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => escText(s).replace(/"/g, '&quot;');
/** At most 3 decimals, as Plot's snapshots, so that the last bits of a float do not make a diff. */
const round = (s: string) => s.replace(/\d+\.\d{4,}/g, (d) => String(+(+d).toFixed(3)));

function openTag(el: Element): string {
  const attrs = [...el.attributes].map((a) => ` ${a.name}="${escAttr(round(a.value))}"`).join('');
  return `<${el.localName}${attrs}>`;
}

function inline(node: Node): string {
  if (node.nodeType === node.TEXT_NODE) {
    const parent = node.parentNode as Element | null;
    return parent?.localName === 'style' ? node.textContent ?? '' : escText(node.textContent ?? '');
  }
  if (node.nodeType !== node.ELEMENT_NODE) return '';
  const el = node as Element;
  return `${openTag(el)}${[...el.childNodes].map(inline).join('')}</${el.localName}>`;
}

/** One line per element, children indented by two spaces; an element with no element children, or
 *  an inline one, is written on one line. Empty elements are written `<g></g>`, valid in SVG and HTML. */
function pretty(node: Node, depth: number): string[] {
  const pad = '  '.repeat(depth);
  if (node.nodeType === node.TEXT_NODE) {
    const text = inline(node).trim();
    return text ? [pad + text] : [];
  }
  if (node.nodeType !== node.ELEMENT_NODE) return [];
  const el = node as Element;
  // A stylesheet's rules (Plot's), one per line, indented under it: only whitespace is added.
  if (el.localName === 'style') {
    const css = (el.textContent ?? '').split('\n').filter((l) => l.trim());
    return [pad + openTag(el), ...css.map((l) => `${pad}  ${l}`), `${pad}</style>`];
  }
  if (INLINE.has(el.localName) || el.childElementCount === 0) return [pad + inline(el)];
  return [pad + openTag(el), ...[...el.childNodes].flatMap((c) => pretty(c, depth + 1)), `${pad}</${el.localName}>`];
}
