import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { Providers } from './_components/providers';

export const metadata: Metadata = {
  title: { default: 'Strata', template: '%s · Strata' },
  description: 'Spans and layers, career ladders and AI productivity for engineering leadership.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/** Root layout: document shell and client providers. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
