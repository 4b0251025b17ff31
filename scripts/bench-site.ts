/**
 * Front-end benchmark of the built site on Slow 4G + 4x CPU (logic: src/bench/site.ts).
 *
 *   npm run bench:site -- [--runs 3] [--lang id] [--profile devtools|lighthouse] [--db] [--peta]
 *                         [--lighthouse | --lighthouse-only] [--cost] [--strict] [--dist dist] [--http 2|1.1] [paths...]
 *
 * --http 2 (default) serves the site over HTTP/2 with a throwaway certificate, as static hosts
 * serve it; --http 1.1 as `npm run preview` does (a browser opens at most six connections).
 */
import { parseArgs } from 'node:util';
import { main, type CliValues } from '../src/bench/site.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    lang: { type: 'string', default: 'id' },
    profile: { type: 'string', default: 'devtools' },
    db: { type: 'boolean', default: false },
    peta: { type: 'boolean', default: false },
    lighthouse: { type: 'boolean', default: false },
    'lighthouse-only': { type: 'boolean', default: false },
    cost: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    dist: { type: 'string', default: 'dist' },
    http: { type: 'string', default: '2' },
  },
});
process.exitCode = await main({ ...values, runs: Number(values.runs), paths: positionals } as unknown as CliValues);
