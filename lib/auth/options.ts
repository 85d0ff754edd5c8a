import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authenticateSso, authenticateWithPassword } from '@/lib/dal/login';
import { stampedClientAddress } from '@/scripts/client-address.mjs';

let warnedUnknownAddress = false;

/**
 * The client address sign-in limits count: only what scripts/server.mjs established from the socket
 * (forwarded headers only from STRATA_TRUSTED_PROXIES); never a header the client could have sent.
 */
function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const address = stampedClientAddress(headers);
  if (!address && !warnedUnknownAddress) {
    warnedUnknownAddress = true;
    console.warn(
      '[strata] client address unknown (not started through scripts/server.mjs): the per-address sign-in limit is off',
    );
  }
  return address;
}

/** OpenID Connect provider when STRATA_OIDC_ISSUER / _CLIENT_ID / _CLIENT_SECRET are set (Okta, Entra ID, Google). */
function oidcProvider(): NextAuthOptions['providers'] {
  const issuer = process.env.STRATA_OIDC_ISSUER;
  const clientId = process.env.STRATA_OIDC_CLIENT_ID;
  const clientSecret = process.env.STRATA_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return [];
  return [
    {
      id: 'oidc',
      name: process.env.STRATA_OIDC_NAME || 'Single sign-on',
      type: 'oauth',
      wellKnown: `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      clientId,
      clientSecret,
      profile(profile: { sub: string; email?: string; name?: string; preferred_username?: string }) {
        return {
          id: profile.sub,
          email: profile.email ?? profile.preferred_username ?? '',
          name: profile.name ?? '',
        };
      },
    },
  ];
}

/** Whether single sign-on is configured (the login page shows its button only then). */
export function isSsoConfigured(): boolean {
  return !!(
    process.env.STRATA_OIDC_ISSUER &&
    process.env.STRATA_OIDC_CLIENT_ID &&
    process.env.STRATA_OIDC_CLIENT_SECRET
  );
}

/** next-auth configuration: JWT sessions carrying only the user id; role and scope are re-read per request. */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        const result = await authenticateWithPassword(
          credentials.email,
          credentials.password,
          clientAddress(req.headers),
        );
        if (!result.ok) return null;
        return { id: String(result.actor.userId), email: result.actor.email, name: result.actor.name };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== 'oidc') return true;
      const result = await authenticateSso(
        user.email ?? '',
        user.name ?? '',
        process.env.STRATA_OIDC_AUTO_CREATE_ROLE,
      );
      if (!result.ok) return false;
      user.id = String(result.actor.userId);
      return true;
    },
    async jwt({ token, user }) {
      if (user) token.uid = Number(user.id);
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: typeof token.uid === 'number' ? token.uid : null };
    },
  },
};
