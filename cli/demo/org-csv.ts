/**
 * One monthly org snapshot in the SPEC.md column layout, written row by row in employee-id order.
 * Rows are assembled from pre-encoded byte pieces (names, titles, dates), never as strings.
 */
import { EMPLOYMENT_TYPES, LEVEL_CODES, LEVEL_COUNT, LOCATIONS, M1 } from '@/cli/demo/catalog';
import { DEPARTMENTS, titleFor } from '@/cli/demo/departments';
import { isoOfDay } from '@/cli/demo/dates';
import { FIRST_NAMES, LAST_NAMES } from '@/cli/demo/names';
import type { Sim } from '@/cli/demo/sim';
import { ByteWriter, csvField, foldName, utf8 } from '@/cli/demo/text';

export const ORG_HEADER =
  'employee_id,manager_id,name,email,title,level,track,department,location,cost_center,employment_type,hire_date,level_start_date,github_login,annual_cost,as_of\n';

/** Annual cost (USD, salary plus on-costs) per level index IC1..IC8, M1..M6, in San Francisco. */
const LEVEL_COST = [
  95_000, 115_000, 140_000, 170_000, 205_000, 245_000, 290_000, 340_000, 200_000, 240_000, 285_000, 340_000,
  410_000, 500_000,
];
/** Pay relative to San Francisco per location (LOCATIONS order). */
const LOCATION_FACTOR = [1, 1, 0.85, 0.75, 0.8, 0.75, 0.72, 0.35, 0.7, 0.9, 0.68];
/** Part-time people cost half; contractors a little more (EMPLOYMENT_TYPES order). */
const EMPLOYMENT_FACTOR = [1, 0.5, 1.1];

/**
 * A plausible annual cost: by level, location and employment type, spread +-8% per person
 * (deterministic from the employee number), rounded to 500.
 */
export function demoAnnualCost(
  level: number,
  location: number,
  employmentType: number,
  empNo: number,
): number {
  const spread = 0.92 + (((empNo * 2654435761) >>> 0) % 1601) / 10_000;
  const v =
    (LEVEL_COST[level] ?? 150_000) *
    (LOCATION_FACTOR[location] ?? 1) *
    (EMPLOYMENT_FACTOR[employmentType] ?? 1) *
    spread;
  return Math.round(v / 500) * 500;
}

export const EMAIL_DOMAIN = 'northwind-demo.example';
/** Longest GitHub login stem before the numeric suffix (logins stay under GitHub's 39 characters). */
const STEM_MAX = 28;

const FIRST_FOLDED = FIRST_NAMES.map(foldName);
const LAST_FOLDED = LAST_NAMES.map(foldName);
const encoder = new TextEncoder();

/**
 * Names, emails, GitHub logins and ids of simulated people, and a cache of each person's encoded
 * row. A row only changes when the person's manager, level or level start changes, so most rows
 * are copied from the cache month after month; changed rows are re-encoded and appended.
 */
export class OrgRows {
  /** "title," per (department, level). */
  private readonly title: string[] = [];
  /** "level,track,department," per (department, level). */
  private readonly role: string[] = [];
  /** "location,cost_center,employment_type," per (department, location, type). */
  private readonly placeText: string[] = [];
  private readonly idMod: number;
  /** Title overrides only exist for the founders' slots; checked by a cheap bound first. */
  private readonly overrideLimit: number;
  private arena = new Uint8Array(1 << 20);
  private arenaUsed = 0;
  private off = new Int32Array(0);
  private len = new Uint16Array(0);
  private keyMgr = new Int32Array(0);
  private keyLevelDay = new Int32Array(0);
  private keyLevel = new Uint8Array(0);

  constructor(
    private readonly sim: Sim,
    private readonly idWidth: number,
  ) {
    this.idMod = 10 ** idWidth;
    this.overrideLimit = Math.max(-1, ...sim.pop.titleOverride.keys()) + 1;
    for (let d = 0; d < DEPARTMENTS.length; d++) {
      const dep = DEPARTMENTS[d];
      for (let l = 0; l < LEVEL_COUNT; l++) {
        this.title.push(`${csvField(titleFor(d, l))},`);
        this.role.push(`${LEVEL_CODES[l] ?? ''},${l >= M1 ? 'Manager' : 'IC'},${csvField(dep?.name ?? '')},`);
      }
      for (const loc of LOCATIONS) {
        for (const et of EMPLOYMENT_TYPES)
          this.placeText.push(`${csvField(loc)},${dep?.costCenter ?? ''},${et},`);
      }
    }
  }

  /** Employee id of a slot, e.g. E000123. */
  id(s: number): string {
    const v = `E${String(this.sim.pop.empNo[s] ?? 0).padStart(this.idWidth, '0')}`;
    if (v.length !== this.idWidth + 1) throw new Error(`Employee number ${v} exceeds the id width`);
    return v;
  }

  /** GitHub login of a slot, '' when the person has none. */
  githubLogin(s: number): string {
    const { pop } = this.sim;
    if (pop.gh[s] !== 1) return '';
    const f = FIRST_FOLDED[pop.first[s] ?? 0] ?? 'x';
    const l = LAST_FOLDED[pop.last[s] ?? 0] ?? 'x';
    const no = pop.empNo[s] ?? 0;
    const style = no % 5;
    const stem = style === 0 ? `${f}${l}` : style === 1 ? `${f}-${l}` : `${f.slice(0, 1)}${l}`;
    // A bijection on [0, 10^idWidth): distinct employee numbers give distinct suffixes, so logins are unique.
    return `${stem.slice(0, STEM_MAX)}-${(no * 7919 + 1237) % this.idMod}`;
  }

  /** Email of a slot (first.last, numbered on collisions). */
  email(s: number): string {
    const { pop } = this.sim;
    const n = pop.emailN[s] ?? 0;
    return `${FIRST_FOLDED[pop.first[s] ?? 0] ?? ''}.${LAST_FOLDED[pop.last[s] ?? 0] ?? ''}${n > 0 ? String(n + 1) : ''}@${EMAIL_DOMAIN}`;
  }

  /** Display name of a slot. */
  name(s: number): string {
    const { pop } = this.sim;
    return `${FIRST_NAMES[pop.first[s] ?? 0] ?? ''} ${LAST_NAMES[pop.last[s] ?? 0] ?? ''}`;
  }

  /** The row of a living slot without as_of and newline (ends with the comma before as_of). */
  rowText(s: number): string {
    const { pop } = this.sim;
    const m = pop.mgr[s] ?? -1;
    const dept = pop.dept[s] ?? 0;
    const key = dept * LEVEL_COUNT + (pop.level[s] ?? 0);
    const override = s < this.overrideLimit ? pop.titleOverride.get(s) : undefined;
    const title = override === undefined ? (this.title[key] ?? ',') : `${csvField(override)},`;
    const place =
      this.placeText[
        (dept * LOCATIONS.length + (pop.loc[s] ?? 0)) * EMPLOYMENT_TYPES.length + (pop.etype[s] ?? 0)
      ] ?? '';
    return (
      `${this.id(s)},${m >= 0 ? this.id(m) : ''},${csvField(this.name(s))},${this.email(s)},${title}${this.role[key] ?? ''}` +
      `${place}${isoOfDay(pop.hireDay[s] ?? 0)},${isoOfDay(pop.levelDay[s] ?? 0)},${this.githubLogin(s)},` +
      `${demoAnnualCost(pop.level[s] ?? 0, pop.loc[s] ?? 0, pop.etype[s] ?? 0, pop.empNo[s] ?? 0)},`
    );
  }

  private growIndex(n: number): void {
    const cap = Math.max(n, Math.ceil(this.off.length * 1.5), 1024);
    const off = new Int32Array(cap).fill(-1);
    off.set(this.off);
    this.off = off;
    const len = new Uint16Array(cap);
    len.set(this.len);
    this.len = len;
    const keyMgr = new Int32Array(cap);
    keyMgr.set(this.keyMgr);
    this.keyMgr = keyMgr;
    const keyLevelDay = new Int32Array(cap);
    keyLevelDay.set(this.keyLevelDay);
    this.keyLevelDay = keyLevelDay;
    const keyLevel = new Uint8Array(cap);
    keyLevel.set(this.keyLevel);
    this.keyLevel = keyLevel;
  }

  /** Make room for `need` more bytes, dropping rows of people who left and stale versions. */
  private reserveArena(need: number): void {
    if (this.arenaUsed + need <= this.arena.length) return;
    const { pop } = this.sim;
    let live = 0;
    for (let s = 0; s < this.off.length && s < pop.count; s++) {
      if ((this.off[s] ?? -1) >= 0 && pop.alive[s] === 1) live += this.len[s] ?? 0;
    }
    const next = new Uint8Array(Math.max(1 << 20, Math.ceil((live + need) * 1.5)));
    let p = 0;
    for (let s = 0; s < this.off.length && s < pop.count; s++) {
      const at = this.off[s] ?? -1;
      if (at < 0) continue;
      if (pop.alive[s] !== 1) {
        this.off[s] = -1;
        continue;
      }
      const n = this.len[s] ?? 0;
      next.set(this.arena.subarray(at, at + n), p);
      this.off[s] = p;
      p += n;
    }
    this.arena = next;
    this.arenaUsed = p;
  }

  /** Write one CSV row for a living slot; `asOf` holds "YYYY-MM-DD\n". */
  writeRow(out: ByteWriter, s: number, asOf: Uint8Array): void {
    if (s >= this.off.length) this.growIndex(s + 1);
    const { pop } = this.sim;
    const m = pop.mgr[s] ?? -1;
    const level = pop.level[s] ?? 0;
    const levelDay = pop.levelDay[s] ?? 0;
    let at = this.off[s] ?? -1;
    if (at < 0 || this.keyMgr[s] !== m || this.keyLevel[s] !== level || this.keyLevelDay[s] !== levelDay) {
      const text = this.rowText(s);
      const max = text.length * 3;
      this.reserveArena(max);
      const written = encoder.encodeInto(
        text,
        this.arena.subarray(this.arenaUsed, this.arenaUsed + max),
      ).written;
      at = this.arenaUsed;
      this.arenaUsed += written;
      this.off[s] = at;
      this.len[s] = written;
      this.keyMgr[s] = m;
      this.keyLevel[s] = level;
      this.keyLevelDay[s] = levelDay;
    }
    const n = this.len[s] ?? 0;
    out.reserve(n + asOf.length);
    const buf = out.buffer();
    let p = out.mark();
    buf.set(this.arena.subarray(at, at + n), p);
    p += n;
    for (let i = 0; i < asOf.length; i++) buf[p++] = asOf[i] ?? 0;
    out.seek(p);
  }
}

/** Write one snapshot: header, then every living person in employee-id order (= slot order). */
export function writeOrgSnapshot(
  sim: Sim,
  rows: OrgRows,
  asOf: string,
  emit: (chunk: Uint8Array) => void,
): void {
  const { pop } = sim;
  const out = new ByteWriter(emit);
  out.text(ORG_HEADER);
  const tail = utf8(`${asOf}\n`);
  for (let s = 0; s < pop.count; s++) if (pop.alive[s] === 1) rows.writeRow(out, s, tail);
  out.flush();
}
