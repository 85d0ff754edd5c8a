import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';
import { Providers } from './_components/providers';

export const metadata: Metadata = {
  title: { default: 'Strata', template: '%s · Strata' },
  description: 'Spans and layers, career ladders and AI productivity for engineering leadership.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/** Root layout: document shell and client providers. Rendered per request (never prerendered) so
 * every page, the not-found page included, carries the CSP nonce proxy.ts makes for it. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
