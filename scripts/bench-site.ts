/**
 * Front-end benchmark of the built site on Slow 4G + 4x CPU (logic: src/bench/site.ts).
 *
 *   npm run bench:site -- [--runs 3] [--lang id] [--profile devtools|lighthouse] [--db] [--peta]
 *                         [--lighthouse | --lighthouse-only] [--cost] [--strict] [--dist dist] [paths...]
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
  },
});
process.exitCode = await main({ ...values, runs: Number(values.runs), paths: positionals } as unknown as CliValues);
