// The Strata command line (SPEC "Command-line contract") lives in strata-main.ts. It reaches lib/dal, whose modules import 'server-only' (the
// marker that keeps server code out of browser bundles): this server process first resolves the
// marker to an empty module (cli/commands/server-modules.ts), then loads the rest. ESM links every
// static import before running any, so the rest is a dynamic import.
import '../cli/commands/server-modules';

await import('./strata-main');
