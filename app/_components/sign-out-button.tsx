'use client';

import { signOut } from 'next-auth/react';

/** Ends the session and returns to the sign-in page. */
export function SignOutButton() {
  return (
    <button type="button" className="secondary" onClick={() => signOut({ callbackUrl: '/login' })}>
      Sign out
    </button>
  );
}
