/** Small builders that keep the preset files readable. */
import type { LadderLevel } from '@/lib/ladders/types';

/** Build one ladder level. */
export function level(code: string, label: string, rank: number, synonyms: string[] = []): LadderLevel {
  return { code, label, rank, synonyms };
}
