/**
 * The one wording of a figure hidden by the privacy floor (SPEC "Privacy"), used by every page,
 * chart legend and export: a group under the minimum is "fewer than N people"; a group at or above
 * it that was hidden by complementary suppression is not called small (that would be false), it is
 * "hidden so a smaller group cannot be worked out". Pure.
 */
import type { SuppressReason } from '@/lib/query/suppressed';

/** What a hidden figure counts: the noun after "fewer than N". */
export type HiddenNoun =
  'people' | 'ICs' | 'individual contributors' | 'managers' | 'engineers' | 'promotions';

/** Text for one hidden figure: "fewer than 5 people" or "hidden so a smaller group cannot be worked out". */
export function hiddenText(
  marker: { minGroupSize: number; reason?: SuppressReason },
  noun: HiddenNoun = 'people',
): string {
  return marker.reason === 'complement'
    ? 'hidden so a smaller group cannot be worked out'
    : `fewer than ${marker.minGroupSize} ${noun}`;
}

/**
 * Why a set of groups is left out, for a note under a table or chart: the reasons present among
 * the hidden ones, joined ("fewer than 5 people, or hidden so a smaller group cannot be worked out").
 */
export function hiddenReasonsText(
  markers: ReadonlyArray<{ minGroupSize: number; reason?: SuppressReason }>,
  noun: HiddenNoun = 'people',
): string {
  const small = markers.find((m) => m.reason !== 'complement');
  const complement = markers.find((m) => m.reason === 'complement');
  return [small, complement].flatMap((m) => (m ? [hiddenText(m, noun)] : [])).join(', or ');
}

/** The same text starting a sentence ("Fewer than 5 people", "Hidden so a smaller group ..."). */
export function hiddenSentence(
  marker: { minGroupSize: number; reason?: SuppressReason },
  noun: HiddenNoun = 'people',
): string {
  return sentenceCase(hiddenText(marker, noun));
}

/** A hidden text at the start of a sentence: its first letter capitalised. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The note shown in place of a whole card or section whose figures are hidden. */
export function hiddenNote(
  marker: { minGroupSize: number; reason?: SuppressReason },
  noun: HiddenNoun = 'people',
): string {
  return marker.reason === 'complement'
    ? `${hiddenSentence(marker, noun)}: figures for this group are withheld to protect privacy.`
    : `${hiddenSentence(marker, noun)}: figures for this group are hidden to protect privacy.`;
}

/** Hidden groups gathered by their text, in first-seen order: [["fewer than 5 people", ["A", "B"]], ...]. */
export function groupByHiddenText(
  items: ReadonlyArray<{ label: string; marker: { minGroupSize: number; reason?: SuppressReason } }>,
  noun: HiddenNoun = 'people',
): Array<[string, string[]]> {
  const out = new Map<string, string[]>();
  for (const { label, marker } of items) {
    const text = hiddenText(marker, noun);
    out.set(text, [...(out.get(text) ?? []), label]);
  }
  return [...out];
}

/**
 * The rule itself, for a definition or a report cover: both reasons, never only "fewer than N"
 * ("Rows about fewer than 5 managers, and rows that would let one be worked out, are hidden").
 */
export function hiddenRule(minGroupSize: number, noun: HiddenNoun = 'people', what = 'figures'): string {
  return `${sentenceCase(what)} about ${hiddenText({ minGroupSize, reason: 'small' }, noun)}, and ${what} that would let one be worked out, are hidden`;
}

/**
 * Two groups that add up to a known whole (AI users and non-users of a unit): when one is under
 * the minimum both are hidden, so the note cannot say which one is small.
 */
export function hiddenPairText(minGroupSize: number, noun: HiddenNoun = 'people'): string {
  return `one of the two groups is ${hiddenText({ minGroupSize, reason: 'small' }, noun)}, so both are hidden (either would give the other away)`;
}

/** True for a cell's text written by hiddenText (exports mute such cells). */
export function isHiddenText(text: string): boolean {
  return /^(fewer than \d+ |hidden so a smaller group)/i.test(text);
}

/** The legend of a chart's hidden cells, whatever each one's reason. */
export function hiddenLegend(): string {
  return 'hidden for privacy: fewer than the minimum group size, or so a smaller group cannot be worked out';
}

/** A hidden cell's short text in a dense grid: "<5" for a small group, "hidden" for a complement. */
export function hiddenCellText(marker: { minGroupSize: number; reason?: SuppressReason }): string {
  return marker.reason === 'complement' ? 'hidden' : `<${marker.minGroupSize}`;
}

/**
 * Whether a list with `hidden` of `total` rows hidden by the floor folds them away (listed only on
 * request): when some show, or when so many are hidden that a block of "<5" rows would say nothing.
 */
export const isFoldable = (hidden: number, total: number) => hidden > 0 && (hidden < total || hidden > 5);
