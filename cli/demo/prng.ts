/**
 * Small seeded PRNG (sfc32 seeded through splitmix32). The demo generator never calls Math.random,
 * so one seed always gives byte-identical files.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box-Muller, one value per call). */
  normal(): number;
  /** true with probability p. */
  chance(p: number): boolean;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Create a generator; equal seeds give equal streams. */
export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const raw = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) raw();
  return {
    next: raw,
    int: (n) => Math.floor(raw() * n),
    normal: () => {
      const u = 1 - raw();
      const v = raw();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => raw() < p,
  };
}

function mix(h: number, x: number): number {
  let v = Math.imul(h ^ (x >>> 0), 0x01000193);
  v = Math.imul(v ^ (v >>> 15), 0x2c1b3c6d);
  return v ^ (v >>> 12);
}

/**
 * Stable 32-bit hash of up to four integers (missing ones count as 0), for per-entity traits that
 * must not depend on the order random numbers are drawn in. Fixed arity keeps it allocation-free.
 */
export function hashInts(a: number, b = 0, c = 0, d = 0): number {
  return mix(mix(mix(mix(0x811c9dc5, a), b), c), d) >>> 0;
}

/** hashInts mapped to [0, 1). */
export function hashUnit(a: number, b = 0, c = 0, d = 0): number {
  return hashInts(a, b, c, d) / 4294967296;
}

/** Pick an index by non-negative weights. */
export function pickWeighted(rng: Rng, weights: readonly number[], total?: number): number {
  const sum = total ?? weights.reduce((s, w) => s + w, 0);
  let r = rng.next() * sum;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return weights.length - 1;
}
