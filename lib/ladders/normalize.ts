/**
 * Text normalisation for matching level codes and titles as they appear in real files:
 * "SCS 1", "scs1", "SCS-1 " and "SCS1" are one code; "Sr. Principal" is "senior principal".
 */

/** Reduce a level code or synonym to upper-case letters and digits only. */
export function normalizeCode(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/**
 * Candidate spellings of a level cell, most specific first. Organograms write grades like
 * "A2 (G7)", "Grade 7 (GEO)", "B1D (Faststream)", "HEO -D (GEO)" and "Grade 7 Economist", so after
 * the whole cell we try what is inside brackets, what is outside them, then shorter and shorter
 * leading word runs.
 */
export function listCodeCandidates(raw: string): string[] {
  const text = raw.normalize('NFKC').trim();
  const out: string[] = [text];
  const inside = [...text.matchAll(/\(([^)]*)\)/g)].map((m) => m[1] ?? '');
  out.push(...inside);
  const outside = text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  out.push(outside);
  const words = outside.split(' ');
  for (let k = words.length - 1; k >= 1; k--) out.push(words.slice(0, k).join(' '));
  return [...new Set(out.map(normalizeCode).filter((c) => c.length > 0))];
}

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  sr: 'senior',
  snr: 'senior',
  jr: 'junior',
  jnr: 'junior',
  mgr: 'manager',
  mngr: 'manager',
  dir: 'director',
  principle: 'principal',
  leader: 'lead',
  ceo: 'chief',
  cto: 'chief',
  cio: 'chief',
  cfo: 'chief',
  coo: 'chief',
  cpo: 'chief',
  ciso: 'chief',
  cdo: 'chief',
  cso: 'chief',
};

/** Split a job title into lower-case words with common abbreviations spelled out. */
export function tokenizeTitle(title: string): Set<string> {
  const words = title
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  return new Set(words.map((w) => ABBREVIATIONS[w] ?? w));
}
