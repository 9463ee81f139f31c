/** The chart as a standalone SVG document, and as a PNG drawn from it. Plot draws a categorical
 *  legend as HTML beside the SVG; it is redrawn inside the exported SVG so the file stands alone. */

const NS = 'http://www.w3.org/2000/svg';

/** The chart's own SVG: the direct child of the holder or of Plot's figure (not a legend swatch). */
export function chartSvg(holder: HTMLElement): SVGSVGElement | null {
  return holder.querySelector(':scope > svg, :scope > figure > svg');
}

export function standaloneSvg(holder: HTMLElement, title: string): string | null {
  const svg = chartSvg(holder);
  if (!svg) return null;
  const width = Number(svg.getAttribute('width')) || svg.clientWidth || 640;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight || 300;
  const swatches = [...holder.querySelectorAll<HTMLElement>('figure > div > span, figure > div[class$="-swatches"] > span')];
  const legend = swatches.map((s) => ({
    label: (s.textContent ?? '').trim(),
    color: s.querySelector('svg rect, svg circle, svg path')?.getAttribute('fill') ?? s.querySelector('svg')?.getAttribute('fill') ?? '#888',
  })).filter((l) => l.label);
  const top = 24 + (legend.length ? 20 : 0);
  const out = document.createElementNS(NS, 'svg');
  out.setAttribute('xmlns', NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height + top));
  out.setAttribute('viewBox', `0 0 ${width} ${height + top}`);
  out.setAttribute('font-family', 'system-ui, sans-serif');
  const bg = document.createElementNS(NS, 'rect');
  Object.entries({ width: '100%', height: '100%', fill: 'white' }).forEach(([k, v]) => bg.setAttribute(k, v));
  out.append(bg);
  const t = document.createElementNS(NS, 'text');
  Object.entries({ x: '4', y: '16', 'font-size': '14', 'font-weight': '600' }).forEach(([k, v]) => t.setAttribute(k, v));
  t.textContent = title;
  out.append(t);
  let x = 4;
  for (const l of legend) {
    const r = document.createElementNS(NS, 'rect');
    Object.entries({ x: String(x), y: '28', width: '10', height: '10', fill: l.color }).forEach(([k, v]) => r.setAttribute(k, v));
    const lt = document.createElementNS(NS, 'text');
    Object.entries({ x: String(x + 14), y: '37', 'font-size': '11' }).forEach(([k, v]) => lt.setAttribute(k, v));
    lt.textContent = l.label;
    out.append(r, lt);
    x += 24 + l.label.length * 6.5;
  }
  const chart = svg.cloneNode(true) as SVGSVGElement;
  chart.setAttribute('y', String(top));
  out.append(chart);
  return new XMLSerializer().serializeToString(out);
}

/** Draws the SVG text on a canvas at twice its size and returns a PNG. */
export async function svgToPng(svgText: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * scale;
    canvas.height = img.naturalHeight * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw a PNG.');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
