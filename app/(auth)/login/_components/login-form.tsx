'use client';

import { signIn } from 'next-auth/react';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';

const FAILED =
  'Email or password is incorrect, or sign-in is paused after repeated failures. Try again later.';

/** Email + password form; the message on failure never says whether the account exists. */
export function LoginForm({ sso }: { sso: boolean }) {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(params.get('error') ? FAILED : null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    setBusy(false);
    if (!res || res.error) {
      setError(FAILED);
      return;
    }
    router.replace(params.get('callbackUrl')?.startsWith('/') ? (params.get('callbackUrl') ?? '/') : '/');
    router.refresh();
  }

  return (
    <>
      <form onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="username" required />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        {error && (
          <p role="alert" className="alert error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {sso && (
        <button type="button" className="secondary" onClick={() => signIn('oidc', { callbackUrl: '/' })}>
          Sign in with single sign-on
        </button>
      )}
    </>
  );
}
