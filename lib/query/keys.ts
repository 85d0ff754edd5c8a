/** react-query keys, shared by server prefetch and client hooks. */
export const queryKeys = {
  users: ['admin', 'users'] as const,
  settings: ['admin', 'settings'] as const,
  audit: (filter: Record<string, string>) => ['admin', 'audit', filter] as const,
  snapshots: ['snapshots'] as const,
  scenarios: ['scenarios'] as const,
  scenario: (id: number) => ['scenarios', id] as const,
  scenarioResult: (id: number) => ['scenarios', id, 'result'] as const,
  scenarioSuggest: (id: number, ask: Record<string, string>) => ['scenarios', id, 'suggest', ask] as const,
};
