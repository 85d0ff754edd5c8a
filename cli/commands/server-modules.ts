// Lets the command line load DAL modules marked `import 'server-only'` (a marker that keeps server
// code out of browser bundles). The CLI is a server process, so it resolves the marker the way the
// server build does under the "react-server" condition: to an empty module. Import this first.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const id = require.resolve('server-only');
require.cache[id] ??= Object.assign(Object.create(null) as NodeJS.Module, {
  id,
  filename: id,
  loaded: true,
  exports: {},
  children: [],
  paths: [],
});
