/**
 * Serves a built site the way a static host does (src/server/static-server.ts).
 *
 *   node scripts/serve.ts dist [--port 4321] [--base /atlas-stunting/] [--host 127.0.0.1] [--log]
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../src/server/static-server.ts';

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      base: { type: 'string' },
      host: { type: 'string' },
      log: { type: 'boolean', default: false },
    },
  });
  // The last folder given wins, so `npm run preview -- other/dir` (after the script's "dist") works.
  const root = positionals.at(-1) ?? 'dist';
  const st = await stat(root).catch(() => undefined);
  if (!st?.isDirectory()) {
    console.error(`serve: ${root} is not a folder (run npm run build first)`);
    process.exit(1);
  }
  const server = await startServer({
    root,
    base: values.base ?? process.env.ATLAS_BASE,
    port: Number(values.port ?? process.env.PORT ?? 4321),
    host: values.host ?? process.env.HOST,
    log: values.log ? (line) => console.log(line) : undefined,
  });
  console.log(`Serving ${resolve(root)} at ${server.url}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
