/** Words the report sections share. */
import type { ReportBlock } from '@/lib/export/report-model';
import { hiddenNote } from '@/lib/privacy/hidden-text';
import type { SuppressReason } from '@/lib/query/suppressed';
import type { ScopeNotes } from '../scope-notes';

/** The text shown where a whole section is suppressed, saying why (lib/privacy/hidden-text.ts). */
export function suppressedText(marker: { minGroupSize: number; reason?: SuppressReason }): string {
  return hiddenNote(marker);
}

/** The report lines of a series' scope notes: one notice per possible change of scope, one for the marked snapshots. */
export function scopeNoticeBlocks(notes: ScopeNotes | null): ReportBlock[] {
  if (!notes) return [];
  const blocks: ReportBlock[] = notes.flagged.map((f) => ({ kind: 'notice' as const, text: f.note }));
  if (notes.notComparable.length > 0)
    blocks.push({
      kind: 'notice',
      text: `Marked not comparable (left out of change since previous and since peak): ${notes.notComparable.join(', ')}.`,
    });
  return blocks;
}
