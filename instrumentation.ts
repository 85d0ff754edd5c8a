/**
 * Runs once per server start: applies migrations, creates the first admin on an empty database and
 * starts loading each organisation's newest snapshot.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDatabase } = await import('@/db');
  await getDatabase();
  const { ensureFirstAdmin } = await import('@/lib/dal/bootstrap');
  const created = await ensureFirstAdmin();
  if (created) {
    console.log(`\n[strata] First run: created admin ${created.email}`);
    if (created.generatedPassword)
      console.log(`[strata] Its password (shown once): ${created.generatedPassword}\n`);
  }
  // Each organisation's newest snapshot loads in the background: the first dashboard after a
  // start finds its tree (or joins the load) instead of reading the snapshot cold.
  const { warmNewestSnapshots } = await import('@/lib/dal/warm');
  void warmNewestSnapshots().catch(() => undefined);
}
