'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { ORG_PARAM, withOrg } from '@/lib/query/org';
import type { NavLink } from '@/lib/nav';

/** Primary navigation (in the page's organisation); marks the current page for assistive technology. */
export function Sidebar({ items }: { items: NavLink[] }) {
  const pathname = usePathname();
  // Links keep the page's organisation (?org=).
  const org = useSearchParams().get(ORG_PARAM);
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
                <Link href={withOrg(item.href, org)} aria-current={active ? 'page' : undefined}>
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
