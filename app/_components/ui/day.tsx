'use client';

import { formatDay } from '@/lib/dates';

/**
 * A calendar date on screen in the reader's locale (lib/dates.ts), with its ISO date as the
 * machine-readable value. The server renders it in its own locale; the browser's may differ, so
 * the text is allowed to change on hydration.
 */
export function Day({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {formatDay(iso)}
    </time>
  );
}
