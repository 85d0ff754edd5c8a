/**
 * Text helpers for the PDF pack. The pack embeds DejaVu Sans (npm `dejavu-fonts-ttf`; subsetted,
 * so a report carries only the glyphs it uses): Latin with every accent, Greek and Cyrillic print
 * as written, so "Łukasz" or "Ольга" stay themselves. Characters the font has no glyph for (CJK,
 * for instance) become '?' rather than an empty box.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FONT_PACKAGE = 'dejavu-fonts-ttf';

export type Doc = PDFKit.PDFDocument;

export const FONT = { regular: 'StrataSans', bold: 'StrataSans-Bold', italic: 'StrataSans-Oblique' } as const;

const FONT_FILES: Record<(typeof FONT)[keyof typeof FONT], string> = {
  StrataSans: 'DejaVuSans.ttf',
  'StrataSans-Bold': 'DejaVuSans-Bold.ttf',
  'StrataSans-Oblique': 'DejaVuSans-Oblique.ttf',
};

let fontBytes: Map<string, Buffer> | null = null;

/**
 * The package's ttf folder, found at run time: a bundler must not see a require of the font files
 * (it would try to bundle every .ttf). npm scripts and `next start` run in the project folder.
 */
function fontDir(): string {
  const packages = [process.cwd(), path.dirname(fileURLToPath(import.meta.url))];
  for (let dir of packages) {
    for (;;) {
      const candidate = path.join(dir, 'node_modules', FONT_PACKAGE, 'ttf');
      if (existsSync(/*turbopackIgnore: true*/ candidate)) return candidate;
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error(`The PDF font (npm package ${FONT_PACKAGE}) is not installed: run npm install.`);
}
/** Whether the regular face has a glyph for a code point (known once a document registered it). */
let hasGlyph: ((codePoint: number) => boolean) | null = null;

/** Registers the pack's fonts on a new document (read from disk once per process). */
export function registerFonts(doc: Doc): void {
  if (fontBytes === null) {
    const dir = fontDir();
    fontBytes = new Map(
      Object.entries(FONT_FILES).map(([name, file]) => [
        name,
        readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, file)),
      ]),
    );
  }
  for (const [name, bytes] of fontBytes) doc.registerFont(name, bytes);
  if (hasGlyph === null) {
    doc.font(FONT.regular);
    const face = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?(c: number): boolean } } })
      ._font?.font;
    if (typeof face?.hasGlyphForCodePoint === 'function')
      hasGlyph = (c) => face.hasGlyphForCodePoint?.(c) === true;
  }
}

/** Text the pack's font can print: characters without a glyph become '?'. */
export function toPdfText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20) {
      out += ch === '\n' ? ch : ' ';
      continue;
    }
    // Before any document registered the font (never, in the pack), keep to Latin-1.
    const printable = hasGlyph !== null ? hasGlyph(cp) : cp <= 0xff;
    out += printable ? ch : '?';
  }
  return out;
}

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
