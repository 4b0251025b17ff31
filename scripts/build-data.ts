#!/usr/bin/env node
/**
 * npm run data -- [--input DIR] [--out DIR] [--province 64|all] [--internal] [--json]
 * Reads the exports in DIR (default data/), validates all of them, writes Parquet to OUT (default public/data/).
 * Problems are listed as FILE:LINE:COLUMN: message — fix; with --json as JSON lines on stdout
 * ({file, line, column, type, severity, message, fix}; types: docs/errors.md).
 */
import { parseArgs } from 'node:util';
import { buildData, type Logger } from '../src/pipeline/build.ts';
import { CliError, DataError } from '../src/pipeline/issues.ts';
import { DEFAULT_PROVINCE } from '../src/lib/province.ts';

const HELP = `Usage: npm run data -- [--input DIR] [--out DIR] [--province 64|all] [--internal] [--json]

  --input DIR      folder with raw/ and reference/ (default: data)
  --out DIR        output folder, replaced atomically (default: public/data)
  --province CODE  two-digit Kemendagri province code, or "all" (default: a demo folder's own,
                   else ${DEFAULT_PROVINCE.kode}, ${DEFAULT_PROVINCE.nama})
  --internal       exact numbers, no small-number suppression (never publish these)
  --json           problems in the input as JSON lines on stdout, one object per problem:
                   {file, line, column, type, severity, message, fix} (types: docs/errors.md);
                   the summary goes to stderr
`;

const t0 = performance.now();
const stamp = () => `${((performance.now() - t0) / 1000).toFixed(1).padStart(5)}s`;
const json = process.argv.includes('--json');
const logger: Logger = {
  info: (m) => (json ? console.error(m) : console.log(m)),
  progress: (m) => console.error(`[${stamp()}] ${m}`),
  warn: (m) => console.error(m),
};

try {
  const { values } = parseArgs({
    options: {
      input: { type: 'string', default: 'data' },
      out: { type: 'string', default: 'public/data' },
      province: { type: 'string' },
      internal: { type: 'boolean', default: false },
      'memory-limit': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const s = await buildData({ input: values.input, out: values.out, province: values.province, internal: values.internal, memoryLimit: values['memory-limit'], logger });
  if (json) for (const w of s.warningsJson) console.log(w);
  else for (const w of s.warnings) console.error(w);
  const ex = Object.entries(s.excluded).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  (json ? console.error : console.log)(
    [
      `Wrote ${s.outputs.length} files to ${s.out}${s.internal ? ' (INTERNAL: exact numbers, do not publish)' : ''}${s.demo ? ' (demo data, synthetic)' : ''}`,
      `  inputs: ${s.inputs.length} files, ${s.inputs.reduce((a, b) => a + b.rows, 0)} rows; e-PPGBM by-name rows read: ${s.rowsRead}`,
      ...(s.bundled.length ? [`  bundled (the input folder has none of these; the repository's files were used): ${s.bundled.join(', ')}`] : []),
      `  excluded: ${ex}`,
      `  areas with measurements: ${s.areas}; periods: ${s.periods.length ? `${s.periods[0]} .. ${s.periods.at(-1)} (${s.periods.length})` : 'none'}`,
      `  outputs: ${s.outputs.map((o) => `${o.file} ${o.rows}`).join(', ')}`,
      `  time: ${s.seconds.toFixed(1)} s`,
    ].join('\n'),
  );
} catch (e) {
  if (e instanceof DataError) {
    if (json) for (const line of e.log.jsonLines()) console.log(line);
    else for (const line of e.log.lines()) console.error(line);
    console.error(`\n${e.log.errors.length} error(s); nothing was written (the previous output is unchanged).`);
    process.exit(1);
  }
  if (e instanceof CliError) {
    console.error(`error: ${e.message}\n\n${HELP}`);
    process.exit(e.exitCode);
  }
  console.error(e);
  process.exit(1);
}
