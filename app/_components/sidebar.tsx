'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { withOrg } from '@/lib/query/org';
import { filtersToSearch, readFilters } from '@/lib/query/dashboard';
import type { NavLink } from '@/lib/nav';

/** Pages that read the global filters (snapshot, department, subtree); the others keep the organisation only. */
const FILTERED = new Set([
  '/overview',
  '/structure',
  '/ladder',
  '/ceiling-risk',
  '/trends',
  '/compare',
  '/targets',
  '/ai',
  '/reports',
]);

/** A page's link carrying the filters chosen on this page, so they stay chosen on the next. */
export function navHref(href: string, params: { get(name: string): string | null }): string {
  const f = readFilters(params);
  return FILTERED.has(href) ? `${href}${filtersToSearch(f)}` : withOrg(href, f.org ?? null);
}

/** Primary navigation (in the page's organisation); marks the current page for assistive technology. */
export function Sidebar({ items }: { items: NavLink[] }) {
  const pathname = usePathname();
  // Links keep the page's organisation (?org=) and, between dashboards, its snapshot, department and subtree.
  const params = useSearchParams();
  const org = params.get('org');
  // On a phone the links scroll sideways: bring the current page's link into view.
  const current = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    const a = current.current;
    const nav = a?.closest('nav');
    if (!a || !nav || nav.scrollWidth <= nav.clientWidth) return;
    const offset = a.getBoundingClientRect().left - nav.getBoundingClientRect().left;
    nav.scrollLeft += offset - (nav.clientWidth - a.offsetWidth) / 2;
  }, [pathname]);
  return (
    <aside className="sidebar">
      <Link href={withOrg('/', org)} className="brand">
        Strata
      </Link>
      <nav aria-label="Main">
        <ul>
          {items.map((item) => {
            const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
            return (
              <li key={item.href}>
                <Link
                  href={navHref(item.href, params)}
                  aria-current={active ? 'page' : undefined}
                  ref={active ? current : undefined}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </aside>
  );
}
