// The production server in place of `next start`: Next's request handler behind node:http (Next's
// documented custom-server API), so the app learns each client's address from the socket, trusting
// X-Forwarded-For only from STRATA_TRUSTED_PROXIES. Usage: node scripts/server.mjs [-p PORT] [-H HOST]
// (PORT from the environment otherwise; all interfaces unless -H). Needs a production build.
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { announceStampedAddresses, compileTrust, stampClientAddress } from './client-address.mjs';

/** An HTTP server that stamps each request's client address, then hands it to `handle`. */
export function createStrataServer(handle, trust) {
  return http.createServer((req, res) => {
    stampClientAddress(req, trust);
    Promise.resolve(handle(req, res)).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
}

async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = values.hostname;
  const trust = compileTrust(process.env.STRATA_TRUSTED_PROXIES);
  process.env.NODE_ENV ??= 'production';
  announceStampedAddresses();
  const { default: next } = await import('next');
  const app = next({ dev: false, hostname: hostname ?? 'localhost', port });
  await app.prepare();
  const server = createStrataServer(app.getRequestHandler(), trust);
  server.listen(port, hostname, () => {
    const proxies = process.env.STRATA_TRUSTED_PROXIES?.trim() || 'none';
    console.log(`> Strata ready on http://${hostname ?? 'localhost'}:${port} (trusted proxies: ${proxies})`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(`[server] failed to start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
