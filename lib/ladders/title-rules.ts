/**
 * A shared title vocabulary so each preset only says which of its codes a word like "Staff" or
 * "Senior Director" means. Word sets are matched against title words (see tokenizeTitle), the rule
 * with the most words wins and ties go to the earlier rule, so "Senior Engineering Manager" is a
 * senior manager (two words) and "Principal Engineer" is principal (listed before the plain
 * "engineer" fallback).
 */
import type { TitleRule } from '@/lib/ladders/types';

export type GenericTitle =
  | 'chief'
  | 'svp'
  | 'vp'
  | 'seniorDirector'
  | 'director'
  | 'head'
  | 'seniorManager'
  | 'manager'
  | 'teamLead'
  | 'fellow'
  | 'distinguished'
  | 'seniorPrincipal'
  | 'principal'
  | 'seniorStaff'
  | 'staff'
  | 'senior'
  | 'lead'
  | 'junior'
  | 'mid';

/** "Manager" in these titles names a role, not a line manager (a product manager has no reports). */
const NOT_LINE_MANAGERS = [
  'product',
  'program',
  'programme',
  'project',
  'account',
  'relationship',
  'case',
  'community',
  'content',
  'release',
  'risk',
  'portfolio',
  'delivery',
];

const MANAGER_TITLES: ReadonlySet<GenericTitle> = new Set([
  'chief',
  'svp',
  'vp',
  'seniorDirector',
  'director',
  'head',
  'seniorManager',
  'manager',
  'teamLead',
]);

const VOCABULARY: readonly { key: GenericTitle; words: string[][]; unless?: string[] }[] = [
  { key: 'chief', words: [['chief'], ['president'], ['founder']], unless: ['vice', 'staff'] },
  {
    key: 'svp',
    words: [['svp'], ['evp'], ['senior', 'vice', 'president'], ['executive', 'vice', 'president']],
  },
  { key: 'vp', words: [['vp'], ['vice', 'president']] },
  { key: 'seniorDirector', words: [['senior', 'director']] },
  { key: 'director', words: [['director'], ['avp'], ['assistant', 'vice', 'president']] },
  {
    key: 'seniorManager',
    words: [
      ['senior', 'manager'],
      ['chief', 'of', 'staff'],
    ],
    unless: NOT_LINE_MANAGERS,
  },
  { key: 'head', words: [['head']] },
  { key: 'manager', words: [['manager']], unless: NOT_LINE_MANAGERS },
  { key: 'teamLead', words: [['team', 'lead']] },
  { key: 'fellow', words: [['fellow']] },
  { key: 'distinguished', words: [['distinguished']] },
  { key: 'seniorPrincipal', words: [['senior', 'principal']] },
  { key: 'principal', words: [['principal']] },
  { key: 'seniorStaff', words: [['senior', 'staff']] },
  { key: 'staff', words: [['staff']] },
  { key: 'senior', words: [['senior']] },
  { key: 'lead', words: [['lead']] },
  {
    key: 'junior',
    words: [['junior'], ['graduate'], ['intern'], ['apprentice'], ['trainee'], ['associate']],
  },
  {
    key: 'mid',
    words: [['engineer'], ['developer'], ['programmer'], ['analyst'], ['scientist'], ['designer']],
  },
];

/**
 * Turn a preset's word-to-code table into title rules. Manager words also declare the manager
 * track and IC words the IC track, which matters on shared ladders (an "L6" is either).
 */
export function buildTitleRules(
  codes: Partial<Record<GenericTitle, string>>,
  extra: TitleRule[] = [],
): TitleRule[] {
  const rules: TitleRule[] = [...extra];
  for (const entry of VOCABULARY) {
    const code = codes[entry.key];
    if (code === undefined) continue;
    const track = MANAGER_TITLES.has(entry.key) ? 'manager' : 'ic';
    for (const words of entry.words) {
      rules.push(
        entry.unless === undefined ? { words, code, track } : { words, unless: entry.unless, code, track },
      );
    }
  }
  return rules;
}
