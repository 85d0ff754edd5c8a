/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/WASM database drivers must stay real Node modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'exceljs', 'bcryptjs'],
  poweredByHeader: false,
};

export default nextConfig;
