/** Runs once per server start: applies migrations and creates the first admin on an empty database. */
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
}
