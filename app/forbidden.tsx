import Link from 'next/link';

export const metadata = { title: 'Not allowed' };

/** 403: the page was asked for in an organisation this user may not see (lib/dal/session.ts). */
export default function Forbidden() {
  return (
    <main className="content">
      <div className="card" role="alert">
        <h1>Not allowed</h1>
        <p>You do not have access to that organisation. Ask an administrator if you need access.</p>
        <Link href="/">Back to your start page</Link>
      </div>
    </main>
  );
}
