/** Headers every answer gets (pages, API, static files); pages add a nonce CSP in proxy.ts. */
const everyAnswer = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  },
];

/** API answers are data, never documents: nothing runs in them and nothing may frame them. */
const apiAnswer = [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/WASM database drivers must stay real Node modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'exceljs', 'bcryptjs', 'pdfkit'],
  poweredByHeader: false,
  // forbidden() answers 403 for a page asked for in an organisation the user may not see.
  experimental: { authInterrupts: true },
  // `npm test` runs `tsc --noEmit` over the whole project as its own step; not repeated in the build.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: '/:path*', headers: everyAnswer },
      { source: '/api/:path*', headers: apiAnswer },
    ];
  },
};

export default nextConfig;
