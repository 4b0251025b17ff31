#!/usr/bin/env node
/**
 * npm run portable — the portable edition: one zip that opens by double-click (file://), for a USB
 * stick or a WhatsApp message. Builds what it needs first: the data (the bundled demo when no
 * public/data/manifest.json exists) and the site. Writes portable/<name>.zip and prints its path
 * and size. Logic in src/portable/portable.ts.
 *
 *   npm run portable [-- --skip-build]    (--skip-build: zip the dist/ that is there)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readDataManifest } from '../src/lib/db/manifest.ts';
import { normalizeBase } from '../src/lib/i18n.ts';
import { portableFiles, portableName, portableZip } from '../src/portable/portable.ts';

const node = process.execPath;
function run(label: string, args: string[]) {
  console.log(`== ${label}`);
  const r = spawnSync(node, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${label} failed (exit ${r.status})`);
    process.exit(1);
  }
}

if (!process.argv.includes('--skip-build')) {
  if (!existsSync('public/data/manifest.json')) {
    console.log('No public/data/manifest.json: building the bundled demo data first (npm run data builds your own).');
    run('demo data', ['scripts/generate-demo.ts', '--out', 'data/demo']);
    run('build data', ['scripts/build-data.ts', '--input', 'data/demo']);
  }
  run('build site', ['node_modules/astro/bin/astro.mjs', 'build']);
}
if (!existsSync('dist/index.html')) {
  console.error('dist/ has no site: run npm run build first (or npm run portable without --skip-build).');
  process.exit(1);
}
const manifest = readDataManifest() as ReturnType<typeof readDataManifest> & { periods?: string[] };
const name = portableName(manifest.province.kode, manifest.periods?.at(-1), manifest.internal);
const files = portableFiles('dist', normalizeBase(process.env.ATLAS_BASE));
const zip = portableZip(files, name);
mkdirSync('portable', { recursive: true });
const out = resolve(join('portable', `${name}.zip`));
writeFileSync(out, zip);
console.log(`${out}\n${files.length} files, ${(zip.byteLength / 1e6).toFixed(1)} MB (open ${name}/index.html after unzipping)`);
