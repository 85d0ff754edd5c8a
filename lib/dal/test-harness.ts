import 'server-only';

/**
 * Test-only pages (e.g. /harness/org-chart, the org chart on a synthetic 1,000-box tree for the
 * frame-rate and drag tests) exist only when the end-to-end server sets STRATA_E2E_HARNESS=1;
 * everywhere else they answer 404.
 */
export function isTestHarnessEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.STRATA_E2E_HARNESS === '1';
}
