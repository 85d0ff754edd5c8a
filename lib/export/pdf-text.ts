/**
 * Text helpers for the PDF pack. The pack uses PDF's built-in Helvetica (no font files to ship),
 * which encodes WinAnsi (Latin-1 plus typographic quotes and dashes); other characters are
 * mapped to close ASCII forms so nothing prints as garbage.
 */
export type Doc = PDFKit.PDFDocument;

const REPLACE: Record<string, string> = {
  '\u2212': '-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2192': '->',
  '\u2190': '<-',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2248': '~',
};
// Characters above U+00FF that WinAnsi (code page 1252) still has.
const WIN_ANSI_EXTRA = new Set(
  '\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178',
);

/** Text that Helvetica's WinAnsi encoding can print (unknown characters become '?'). */
export function toPdfText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const r = REPLACE[ch];
    if (r !== undefined) out += r;
    else if ((ch.codePointAt(0) ?? 0) <= 0xff || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += '?';
  }
  return out;
}

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;

export const INK = {
  text: '#1c2430',
  muted: '#4f5b6b',
  border: '#c9d0d9',
  grid: '#e1e5ea',
  headerFill: '#eef1f5',
  zebra: '#f7f8fa',
  accent: '#0b5cad',
  band: '#14202e',
  suppressedFill: '#f3f0fa',
  suppressedText: '#3d2a73',
} as const;

export interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
}

/** Sets font, size and colour in one call. */
export function applyStyle(doc: Doc, style: TextStyle = {}): Doc {
  return doc
    .font(style.font ?? FONT.regular)
    .fontSize(style.size ?? 9)
    .fillColor(style.color ?? INK.text);
}

/** Height of wrapped text in a box of the given width, with the style applied. */
export function measureText(doc: Doc, text: string, width: number, style: TextStyle = {}): number {
  applyStyle(doc, style);
  return doc.heightOfString(toPdfText(text), { width });
}

/** Width of one line of text with the style applied. */
export function textWidth(doc: Doc, text: string, style: TextStyle = {}): number {
  applyStyle(doc, style);
  return doc.widthOfString(toPdfText(text));
}

/** Draws text at an absolute position without moving the flow or adding pages. */
export function drawText(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  opts: TextStyle & { width?: number; align?: 'left' | 'right' | 'center'; ellipsis?: boolean } = {},
): void {
  applyStyle(doc, opts);
  doc.text(toPdfText(text), x, y, {
    width: opts.width,
    align: opts.align ?? 'left',
    lineBreak: opts.width !== undefined,
    ellipsis: opts.ellipsis,
    height: opts.ellipsis ? (opts.size ?? 9) * 1.3 : undefined,
  });
}
