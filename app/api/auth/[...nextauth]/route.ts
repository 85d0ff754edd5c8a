// GET/POST /api/auth/* — PUBLIC: next-auth's own sign-in, callback and session endpoints.
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
