import { readFileSync } from 'node:fs';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  /** Width and height in points (US Letter: 612 × 792). */
  width: number;
  height: number;
  /** The page's text in reading order, whitespace collapsed. */
  text: string;
}

/** The pages of a PDF file, read with PDF.js (no system tools needed). */
export async function readPdf(path: string): Promise<PdfPage[]> {
  const doc: PDFDocumentProxy = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      // Chromium writes a ligature ("fi") as a run of its own: runs that touch on one line are
      // one word, and a gap or a new line is a space.
      let text = '';
      let end: { x: number; y: number } | undefined;
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [, , , , x, y] = it.transform as number[];
        if (end && (Math.abs(y! - end.y) > 1 || x! - end.x > 0.5)) text += ' ';
        text += it.str;
        end = { x: x! + it.width, y: y! };
        if (it.hasEOL) { text += ' '; end = undefined; }
      }
      text = text.replace(/\s+/g, ' ').trim();
      pages.push({ width: Math.round(x1 - x0), height: Math.round(y1 - y0), text });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
