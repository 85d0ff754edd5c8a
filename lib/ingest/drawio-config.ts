/**
 * draw.io "Arrange > Insert > Advanced > CSV" preamble: '## comment' and '# key: value' lines
 * before the header, where a value may continue on the next line after a trailing '\'.
 * The reporting line is the `connect` entry whose "from" column names the manager (in draw.io's
 * own example: {"from": "manager", "to": "name", "invert": true}, i.e. manager given by name).
 * Other connect entries (e.g. "refs" -> "id") are extra links, not reporting lines, and are ignored.
 */
import { SYNONYM_INDEX, normaliseHeader } from './header-synonyms';

/** One draw.io `connect` entry (an edge rule between columns). */
export interface DrawioConnect {
  from: string;
  to: string;
  invert: boolean;
}

/** The parsed draw.io configuration preamble. */
export interface DrawioConfig {
  /** configuration keys, last value wins (connect is collected separately). */
  settings: Record<string, string>;
  connects: DrawioConnect[];
}

/** Parse the '#' configuration lines of a draw.io CSV preamble. */
export function parseDrawioConfig(preamble: readonly string[]): DrawioConfig {
  const settings: Record<string, string> = {};
  const connects: DrawioConnect[] = [];
  const logical: string[] = [];
  let current: string | null = null;
  for (const line of preamble) {
    if (/^##/.test(line)) continue;
    const body = line.replace(/^#\s?/, '');
    const joined: string = current === null ? body : `${current} ${body.trim()}`;
    if (joined.trimEnd().endsWith('\\')) {
      current = joined.trimEnd().slice(0, -1);
      continue;
    }
    current = null;
    logical.push(joined);
  }
  for (const entry of logical) {
    const m = /^\s*([A-Za-z]+)\s*:\s?(.*)$/.exec(entry);
    if (!m) continue;
    const key = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? '').trim();
    if (key !== 'connect') {
      settings[key] = value;
      continue;
    }
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === 'object' && 'from' in parsed && 'to' in parsed) {
        const { from, to } = parsed as { from: unknown; to: unknown };
        const invert = 'invert' in parsed && (parsed as { invert: unknown }).invert === true;
        if (typeof from === 'string' && typeof to === 'string') connects.push({ from, to, invert });
      }
    } catch {
      // A connect line that is not JSON is not ours to fix; draw.io itself would ignore it.
    }
  }
  return { settings, connects };
}

/** True when the preamble holds draw.io configuration keys. */
export function isDrawioPreamble(preamble: readonly string[]): boolean {
  return preamble.some((l) =>
    /^#\s*(connect|label|style|identity|namespace|layout|parentstyle)\s*:/i.test(l),
  );
}

/** The connect entry that is the reporting line (from = a manager column), if any. */
export function reportingConnect(config: DrawioConfig): DrawioConnect | null {
  const isManagerColumn = (column: string): boolean => {
    const hit = SYNONYM_INDEX.get(normaliseHeader(column));
    return (
      hit !== undefined &&
      (hit.field === 'manager_id' || hit.field === 'manager_name' || hit.field === 'manager_email')
    );
  };
  return (
    config.connects.find((c) => isManagerColumn(c.from)) ?? config.connects.find((c) => c.invert) ?? null
  );
}
