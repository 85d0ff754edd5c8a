/** react-query keys, shared by server prefetch and client hooks. */
export const queryKeys = {
  users: ['admin', 'users'] as const,
  settings: ['admin', 'settings'] as const,
  audit: (filter: Record<string, string>) => ['admin', 'audit', filter] as const,
  snapshots: ['snapshots'] as const,
};
