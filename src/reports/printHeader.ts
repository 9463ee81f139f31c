import { useEffect } from 'react';

/** A CSS string literal holding any text: quotes, backslashes and line breaks escaped, so a
 *  program name cannot end the string and write CSS of its own. */
export function cssString(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ').replace(/[<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** The @page rules of a printed report: US Letter portrait, the program name and period in the
 *  top margin of every page, and "Page n of N" in the bottom margin (Chromium draws page margin
 *  boxes; other browsers print without them). */
export function pageCss(header: string, margins = '0.6in 0.55in'): string {
  return `@page { size: letter portrait; margin: ${margins};
  @top-left { content: ${cssString(header)}; font: 9px system-ui, sans-serif; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9px system-ui, sans-serif; color: #555; }
}`;
}

/** Puts the report's @page rules in the document while the report is shown. */
export function usePrintHeader(header: string, margins?: string): void {
  useEffect(() => {
    const style = document.createElement('style');
    style.dataset.report = 'page';
    style.textContent = pageCss(header, margins);
    document.head.append(style);
    return () => style.remove();
  }, [header, margins]);
}
