/**
 * What `npm run demo` prints: one short progress line per stage (redrawn in place on a terminal,
 * a line at each stage's start and end otherwise), then the sign-ins last, in a box.
 */

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
  /** the leader's scope as it reads in the app ("Ada Lovelace (E000002)"); null = whole organisation */
  scope: string | null;
}

/** "[#######.............]  7/24": a fixed-width bar and the count. */
export function renderBar(done: number, total: number, width = 20): string {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const full = Math.round(share * width);
  const count = `${String(done).padStart(String(total).length)}/${total}`;
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${count}`;
}

/** A step count ("snapshot 3/24 ...") found in a progress message, or null. */
export function stepOf(message: string): { done: number; total: number } | null {
  const m = /(\d+)\/(\d+)/.exec(message);
  return m ? { done: Number(m[1]), total: Number(m[2]) } : null;
}

interface Out {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A progress reporter writing to `out` (stderr): update() for each step, done() to finish the stage. */
export function demoProgress(out: Out, prefix = '[demo]') {
  let stage: string | null = null;
  let drawn = false;
  return {
    update(label: string, done: number, total: number): void {
      if (out.isTTY) {
        out.write(`\r\x1b[2K${prefix} ${label} ${renderBar(done, total)}`);
        drawn = true;
      } else if (stage !== label) out.write(`${prefix} ${label} (${total} steps)…\n`);
      stage = label;
    },
    /** Ends the current stage with a one-line summary. */
    done(summary: string): void {
      out.write(`${out.isTTY && drawn ? '\r\x1b[2K' : ''}${prefix} ${summary}\n`);
      stage = null;
      drawn = false;
    },
  };
}

/** The sign-ins in a box, to print last (after the server's own start-up lines). */
export function loginBox(url: string, logins: readonly DemoLogin[], keptIn: string): string {
  const rows = [
    `Strata demo is running at ${url}`,
    '',
    'Sign in as (role, email, password):',
    ...logins.map(
      (l) =>
        `  ${l.role.padEnd(7)} ${l.email.padEnd(27)} ${l.password}${l.scope ? `  (scope: subtree of ${l.scope})` : ''}`,
    ),
    '',
    `These sign-ins are kept in ${keptIn}.`,
    'Press Ctrl+C to stop.',
  ];
  const width = Math.max(...rows.map((r) => r.length));
  const line = `+${'-'.repeat(width + 2)}+`;
  return ['', line, ...rows.map((r) => `| ${r.padEnd(width)} |`), line, ''].join('\n');
}
