/**
 * How a person or post is named on screen when the source gives no name (UK organograms publish
 * "N/D" for most posts below the senior civil service's top grades): never the bare id where a
 * name belongs, but "Name not published (1CPG12)"; with `withId: false` where the id is shown
 * beside it anyway. Pure.
 */
export const NO_NAME = 'Name not published';

export function personName(p: { name: string | null; id: string }, withId = true): string {
  if (p.name) return p.name;
  return withId ? `${NO_NAME} (${p.id})` : NO_NAME;
}
