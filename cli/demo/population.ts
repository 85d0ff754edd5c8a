/**
 * Everyone who ever worked at the demo company, as parallel typed arrays indexed by an internal
 * slot (a million people cost tens of MB, not a million objects). Leavers keep their slot with
 * alive = 0, so employee ids stay stable and are never reused.
 */
type Int32Field = 'empNo' | 'mgr' | 'hireDay' | 'levelDay' | 'redirMonth' | 'redirTo';
type Uint8Field = 'alive' | 'level' | 'dept' | 'loc' | 'etype' | 'gh' | 'teamCap';
type Uint16Field = 'first' | 'last' | 'emailN';

const INT32_FIELDS: readonly Int32Field[] = ['empNo', 'mgr', 'hireDay', 'levelDay', 'redirMonth', 'redirTo'];
const UINT8_FIELDS: readonly Uint8Field[] = ['alive', 'level', 'dept', 'loc', 'etype', 'gh', 'teamCap'];
const UINT16_FIELDS: readonly Uint16Field[] = ['first', 'last', 'emailN'];

export class Population {
  count = 0;
  capacity: number;
  /** Employee number (the id is E + zero-padded number). */
  empNo: Int32Array;
  /** Manager slot, -1 for the CEO. */
  mgr: Int32Array;
  hireDay: Int32Array;
  levelDay: Int32Array;
  /** Month index in which this slot's reports must be handed to redirTo (-1: never). */
  redirMonth: Int32Array;
  redirTo: Int32Array;
  alive: Uint8Array;
  level: Uint8Array;
  dept: Uint8Array;
  loc: Uint8Array;
  etype: Uint8Array;
  /** 1 when the person has a GitHub login. */
  gh: Uint8Array;
  /** Target span for a manager (new reports go elsewhere once it is reached). */
  teamCap: Uint8Array;
  first: Uint16Array;
  last: Uint16Array;
  /** Disambiguation number for the email local part (0 = none). */
  emailN: Uint16Array;
  /** Per-person title overrides (CEO, CTO). */
  titleOverride = new Map<number, string>();

  constructor(capacity: number) {
    this.capacity = Math.max(16, capacity);
    this.empNo = new Int32Array(this.capacity);
    this.mgr = new Int32Array(this.capacity);
    this.hireDay = new Int32Array(this.capacity);
    this.levelDay = new Int32Array(this.capacity);
    this.redirMonth = new Int32Array(this.capacity).fill(-1);
    this.redirTo = new Int32Array(this.capacity);
    this.alive = new Uint8Array(this.capacity);
    this.level = new Uint8Array(this.capacity);
    this.dept = new Uint8Array(this.capacity);
    this.loc = new Uint8Array(this.capacity);
    this.etype = new Uint8Array(this.capacity);
    this.gh = new Uint8Array(this.capacity);
    this.teamCap = new Uint8Array(this.capacity);
    this.first = new Uint16Array(this.capacity);
    this.last = new Uint16Array(this.capacity);
    this.emailN = new Uint16Array(this.capacity);
  }

  /** Reserve a new slot (alive, no manager yet) and return it. */
  add(): number {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.alive[i] = 1;
    this.mgr[i] = -1;
    return i;
  }

  /**
   * Reorder slots so that slot i holds what was slot order[i] (order covers every used slot).
   * Returns the inverse map (old slot -> new slot). Manager links and overrides follow.
   */
  permute(order: Int32Array): Int32Array {
    const n = this.count;
    const inv = new Int32Array(n);
    for (let i = 0; i < n; i++) inv[order[i] ?? 0] = i;
    const remap = <T extends Int32Array | Uint8Array | Uint16Array>(a: T): void => {
      const copy = a.slice(0, n);
      for (let i = 0; i < n; i++) a[i] = copy[order[i] ?? 0] ?? 0;
    };
    for (const f of INT32_FIELDS) remap(this[f]);
    for (const f of UINT8_FIELDS) remap(this[f]);
    for (const f of UINT16_FIELDS) remap(this[f]);
    for (let i = 0; i < n; i++) {
      const m = this.mgr[i] ?? -1;
      if (m >= 0) this.mgr[i] = inv[m] ?? -1;
    }
    const overrides = [...this.titleOverride];
    this.titleOverride.clear();
    for (const [slot, title] of overrides) this.titleOverride.set(inv[slot] ?? slot, title);
    return inv;
  }

  private grow(): void {
    const cap = Math.ceil(this.capacity * 1.5);
    for (const f of INT32_FIELDS) {
      const next = new Int32Array(cap);
      if (f === 'redirMonth') next.fill(-1);
      next.set(this[f]);
      this[f] = next;
    }
    for (const f of UINT8_FIELDS) {
      const next = new Uint8Array(cap);
      next.set(this[f]);
      this[f] = next;
    }
    for (const f of UINT16_FIELDS) {
      const next = new Uint16Array(cap);
      next.set(this[f]);
      this[f] = next;
    }
    this.capacity = cap;
  }
}
