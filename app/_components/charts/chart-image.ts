'use client';

import { saveBlob } from '@/app/_components/ui/data-table';

/**
 * PNG and SVG downloads of a dashboard chart: the recharts <svg> in a chart card is cloned with
 * its computed styles inlined (so it renders the same outside the page), given a white background,
 * the chart title and a legend (recharts draws its legend in HTML, outside the svg), then saved as
 * SVG or rasterised at 2x through a canvas.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

function findChartSvg(container: HTMLElement): SVGSVGElement | null {
  const direct = container.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
  if (direct) return direct;
  let best: SVGSVGElement | null = null;
  let area = 0;
  for (const svg of container.querySelectorAll<SVGSVGElement>('svg')) {
    const r = svg.getBoundingClientRect();
    if (r.width * r.height > area) {
      area = r.width * r.height;
      best = svg;
    }
  }
  return best;
}

function inlineStyles(source: Element, target: Element): void {
  const cs = getComputedStyle(source);
  const decl: string[] = [];
  for (const p of STYLE_PROPS) {
    const v = cs.getPropertyValue(p);
    if (v) decl.push(`${p}:${v}`);
  }
  if (decl.length) target.setAttribute('style', decl.join(';'));
  target.removeAttribute('class');
  const sc = source.children;
  const tc = target.children;
  for (let i = 0; i < sc.length && i < tc.length; i++) {
    const s = sc[i];
    const t = tc[i];
    if (s && t) inlineStyles(s, t);
  }
}

interface LegendItem {
  label: string;
  color: string;
}

function readLegend(container: HTMLElement): LegendItem[] {
  return [...container.querySelectorAll<HTMLElement>('.recharts-legend-item')].map((item) => {
    const text = item.querySelector<HTMLElement>('.recharts-legend-item-text');
    const shape = item.querySelector('path, line, rect');
    const color =
      shape?.getAttribute('fill') && shape.getAttribute('fill') !== 'none'
        ? (shape.getAttribute('fill') ?? '#333')
        : (shape?.getAttribute('stroke') ?? (text ? getComputedStyle(text).color : '#333'));
    return { label: (text?.textContent ?? item.textContent ?? '').trim(), color };
  });
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The line under an exported chart's title: the dashboard's scope and date line (the element
 * marked data-chart-scope), else the filters in the URL, and the day it was downloaded.
 */
export function describeChartScope(doc: Document = document, today = new Date()): string {
  const marked = doc.querySelector('[data-chart-scope]')?.textContent?.replace(/\s+/g, ' ').trim();
  let scope = marked;
  if (!scope) {
    const q = new URLSearchParams(doc.location?.search ?? '');
    const parts = [
      q.get('department') ? `Department ${q.get('department')}` : null,
      q.get('subtree') ? `Subtree of ${q.get('subtree')}` : null,
      q.get('asOf') ? `as of ${q.get('asOf')}` : null,
    ].filter(Boolean);
    scope = parts.length ? parts.join(' · ') : 'Whole organisation, latest snapshot';
  }
  return `${scope} · Downloaded ${today.toISOString().slice(0, 10)}`;
}

/** Splits text into lines of about `width` pixels of 11px text, at spaces. */
function wrapLines(text: string, width: number): string[] {
  const max = Math.max(20, Math.floor((width - 24) / 6));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Small multiples (several charts in one card) stacked under their captions, as one SVG group. */
function stackMultiples(sources: SVGSVGElement[]): { group: SVGElement; width: number; height: number } {
  const group = el('g', {});
  let y = 0;
  let width = 0;
  for (const source of sources) {
    const box = source.getBoundingClientRect();
    const w = Math.max(1, Math.round(source.width.baseVal.value || box.width));
    const h = Math.max(1, Math.round(source.height.baseVal.value || box.height));
    const caption = source.closest('figure')?.querySelector('figcaption')?.textContent?.trim();
    if (caption) {
      group.appendChild(
        el('text', { x: 12, y: y + 14, 'font-size': 12, 'font-weight': 600, fill: '#1c2430' }, caption),
      );
      y += 20;
    }
    const clone = source.cloneNode(true) as SVGSVGElement;
    inlineStyles(source, clone);
    clone.removeAttribute('style');
    clone.setAttribute('x', '0');
    clone.setAttribute('y', String(y));
    clone.setAttribute('width', String(w));
    clone.setAttribute('height', String(h));
    group.appendChild(clone);
    y += h + 8;
    width = Math.max(width, w);
  }
  return { group, width, height: y };
}

/** A standalone SVG document of the chart in `container`, with title, scope and date, and legend; null when there is no chart. */
export function buildChartSvg(
  container: HTMLElement,
  title: string,
  subtitle: string = describeChartScope(),
): { svg: string; width: number; height: number } | null {
  const multiples = [...container.querySelectorAll<SVGSVGElement>('.small-multiple .recharts-wrapper > svg')];
  if (multiples.length > 1) {
    const stack = stackMultiples(multiples);
    const width = Math.max(stack.width, 420);
    const lines = wrapLines(subtitle, width);
    const root = el('svg', { xmlns: SVG_NS, version: '1.1', 'font-family': FONT });
    root.appendChild(el('rect', { x: 0, y: 0, width, height: 0, fill: '#ffffff' }));
    root.appendChild(
      el('text', { x: 12, y: 24, 'font-size': 16, 'font-weight': 600, fill: '#1c2430' }, title),
    );
    lines.forEach((l, k) =>
      root.appendChild(el('text', { x: 12, y: 42 + 14 * k, 'font-size': 11, fill: '#4f5b6b' }, l)),
    );
    const offset = 42 + 14 * lines.length;
    const g = el('g', { transform: `translate(0, ${offset})` });
    g.appendChild(stack.group);
    root.appendChild(g);
    const total = offset + stack.height;
    root.setAttribute('width', String(width));
    root.setAttribute('height', String(total));
    root.setAttribute('viewBox', `0 0 ${width} ${total}`);
    root.firstElementChild?.setAttribute('height', String(total));
    return { svg: new XMLSerializer().serializeToString(root), width, height: total };
  }
  const source = findChartSvg(container);
  if (!source) return null;
  const box = source.getBoundingClientRect();
  const width = Math.max(1, Math.round(source.width.baseVal.value || box.width));
  const height = Math.max(1, Math.round(source.height.baseVal.value || box.height));
  const clone = source.cloneNode(true) as SVGSVGElement;
  inlineStyles(source, clone);
  // recharts leaves room inside the svg for its HTML legend; the legend is redrawn above, so crop it.
  let cropTop = 0;
  let cropBottom = 0;
  const legendBox = container.querySelector('.recharts-legend-wrapper')?.getBoundingClientRect();
  if (legendBox && legendBox.height > 0 && legendBox.height < box.height / 3) {
    if (legendBox.top <= box.top + 4) cropTop = Math.max(0, Math.round(legendBox.bottom - box.top));
    else if (legendBox.bottom >= box.bottom - 4)
      cropBottom = Math.max(0, Math.round(box.bottom - legendBox.top));
  }
  const visible = Math.max(1, height - cropTop - cropBottom);

  const legend = readLegend(container);
  const root = el('svg', { xmlns: SVG_NS, version: '1.1', 'font-family': FONT });
  root.appendChild(el('rect', { x: 0, y: 0, width, height: 0, fill: '#ffffff' }));
  root.appendChild(el('text', { x: 12, y: 24, 'font-size': 16, 'font-weight': 600, fill: '#1c2430' }, title));
  const lines = wrapLines(subtitle, width);
  lines.forEach((l, k) =>
    root.appendChild(el('text', { x: 12, y: 42 + 14 * k, 'font-size': 11, fill: '#4f5b6b' }, l)),
  );
  let y = 46 + 14 * lines.length;
  let x = 12;
  for (const item of legend) {
    const w = 24 + item.label.length * 7 + 14;
    if (x + w > width - 12 && x > 12) {
      x = 12;
      y += 18;
    }
    root.appendChild(el('rect', { x, y: y - 9, width: 12, height: 10, fill: item.color }));
    root.appendChild(el('text', { x: x + 18, y, 'font-size': 12, fill: '#1c2430' }, item.label));
    x += w;
  }
  const offset = legend.length ? y + 10 : 32 + 14 * lines.length;
  const g = el('g', { transform: `translate(0, ${offset})` });
  g.appendChild(clone);
  clone.setAttribute('x', '0');
  clone.setAttribute('y', '0');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(visible));
  clone.setAttribute('viewBox', `0 ${cropTop} ${width} ${visible}`);
  clone.removeAttribute('style');
  root.appendChild(g);
  const total = offset + visible + 8;
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(total));
  root.setAttribute('viewBox', `0 0 ${width} ${total}`);
  root.firstElementChild?.setAttribute('height', String(total));
  return { svg: new XMLSerializer().serializeToString(root), width, height: total };
}

/** Saves the chart as an SVG file. */
export function downloadChartSvg(container: HTMLElement, title: string, filename: string): boolean {
  const out = buildChartSvg(container, title);
  if (!out) return false;
  saveBlob(new Blob([out.svg], { type: 'image/svg+xml;charset=utf-8' }), `${filename}.svg`);
  return true;
}

/** Saves the chart as a PNG at twice its on-screen size. */
export async function downloadChartPng(
  container: HTMLElement,
  title: string,
  filename: string,
): Promise<boolean> {
  const out = buildChartSvg(container, title);
  if (!out) return false;
  const scale = 2;
  const img = new Image();
  const url = URL.createObjectURL(new Blob([out.svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The chart image could not be drawn.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = out.width * scale;
    canvas.height = out.height * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) return false;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, out.width, out.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return false;
    saveBlob(blob, `${filename}.png`);
    return true;
  } finally {
    URL.revokeObjectURL(url);
  }
}
