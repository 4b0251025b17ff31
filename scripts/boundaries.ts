#!/usr/bin/env node
/**
 * npm run boundaries -- --from PATH [--province 64|all] [--out DIR] [--attribution TEXT] [--allow-missing]
 * Imports administrative boundaries (GeoJSON, TopoJSON or zipped Shapefile) for the site's maps.
 */
import { parseArgs } from 'node:util';
import { importBoundaries } from '../src/boundaries/import.ts';
import { CliError, DataError } from '../src/pipeline/issues.ts';

const HELP = `Usage: npm run boundaries -- --from PATH [--province 64|all] [--out DIR] [--attribution TEXT] [--allow-missing]

  --from PATH         a GeoJSON, TopoJSON or zipped Shapefile, or a folder of them (any of the
                      three levels: regency, district, village; missing coarser levels are dissolved
                      from the finer ones). Codes are read from a field such as kode, code, KDEPUM, kode_desa.
  --province CODE     two-digit Kemendagri province code, or "all" (default: 64)
  --out DIR           where the site build reads boundaries (default: public/batas)
  --attribution TEXT  source line shown on every map (e.g. the licence notice of the source)
  --allow-missing     areas of the gazetteer without a boundary are warnings, not errors
`;

const t0 = performance.now();
try {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      province: { type: 'string', default: '64' },
      out: { type: 'string', default: 'public/batas' },
      attribution: { type: 'string' },
      'allow-missing': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  if (!values.from) throw new CliError('--from is required');
  const s = await importBoundaries({ from: values.from, province: values.province, out: values.out, attribution: values.attribution, allowMissing: values['allow-missing'] });
  for (const w of s.warnings) console.error(w);
  const total = s.files.reduce((a, f) => a + f.bytes, 0);
  console.log([
    `Wrote ${s.files.length} TopoJSON files (${(total / 1024).toFixed(0)} KB) for province ${s.provinces.join(', ')} to ${values.out}`,
    `  areas: ${s.counts.kabupaten_kota} regencies, ${s.counts.kecamatan} districts, ${s.counts.desa_kelurahan} villages${s.derived.length ? ` (dissolved from finer level: ${s.derived.join(', ')})` : ''}`,
    ...s.fields.map((f) => `  ${f.file}: code field "${f.code}", name field ${f.name ? `"${f.name}"` : 'none (names from the gazetteer)'}`),
    s.skipped ? `  skipped ${s.skipped} features outside province ${values.province} (or province outlines)` : '',
    `  time: ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  ].filter(Boolean).join('\n'));
} catch (e) {
  if (e instanceof DataError) {
    for (const line of e.log.lines()) console.error(line);
    console.error(`\n${e.log.errors.length} error(s); nothing was written (the previous boundaries are unchanged).`);
    process.exit(1);
  }
  if (e instanceof CliError) {
    console.error(`error: ${e.message}\n\n${HELP}`);
    process.exit(e.exitCode);
  }
  console.error(e);
  process.exit(1);
}
