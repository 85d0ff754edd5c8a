/** The AI period in the URL (?month= or ?from=&to=), kept beside the global dashboard filters. */
export function readAiPeriod(params: {
  get(name: string): string | null;
}): Record<string, string | undefined> {
  return {
    month: params.get('month') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
}
