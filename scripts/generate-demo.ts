/**
 * Synthetic demo input for `npm start`: `node scripts/generate-demo.ts [--out data/demo] [--province 64] [--seed N] [--scale X]`.
 * Same seed, same bytes. See src/demo/generate.ts for what is written.
 */
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { DEFAULT_SEED, generateDemo } from '../src/demo/generate.ts';
import { DEFAULT_PROVINCE } from '../src/lib/province.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'data/demo' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    scale: { type: 'string', default: '1' },
    province: { type: 'string', default: DEFAULT_PROVINCE.kode },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`usage: node scripts/generate-demo.ts [--out DIR] [--province CODE] [--seed N] [--scale X] [--quiet]\n  --province CODE  two-digit Kemendagri province code (default: ${DEFAULT_PROVINCE.kode}, ${DEFAULT_PROVINCE.nama})`);
  process.exit(0);
}

const seed = Number(values.seed);
const scale = Number(values.scale);
try {
  const s = await generateDemo({ out: values.out, seed, scale, province: values.province, log: values.quiet ? undefined : (l) => console.log(`  ${l}`) });
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const groups = new Map<string, { files: number; rows: number; bytes: number }>();
  for (const f of s.files) {
    const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '.';
    const g = groups.get(dir) ?? { files: 0, rows: 0, bytes: 0 };
    g.files++;
    g.rows += Math.max(0, f.rows);
    g.bytes += f.bytes;
    groups.set(dir, g);
  }
  console.log(`demo data (synthetic, province ${values.province}, seed ${s.seed}, scale ${s.scale}) -> ${relative(process.cwd(), s.out) || '.'}`);
  for (const [dir, g] of [...groups].sort()) {
    console.log(`  ${dir.padEnd(20)} ${String(g.files).padStart(3)} files ${String(g.rows).padStart(9)} rows ${mb(g.bytes).padStart(9)}`);
  }
  console.log(`  total: ${s.files.length} files, ${s.rows} rows, ${mb(s.bytes)}, ${s.seconds.toFixed(1)} s`);
} catch (e) {
  console.error(`generate-demo: ${(e as Error).message}`);
  process.exit(1);
}
