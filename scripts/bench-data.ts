/**
 * Data benchmark: `npm run bench:data -- [--rows N] [--keep] [--seed N] [--memory-limit 2GB]`
 *
 * 1. writes a national-scale synthetic e-PPGBM by-name export (default 20,000,000 rows over every
 *    village of Indonesia) into bench-out/data-<rows>/input/raw/eppgbm/national.csv;
 * 2. runs the build step on it (province "all") in a child process;
 * 3. runs a bare native DuckDB aggregation of the same file (village x month counts to Parquet)
 *    in a child process, as the yardstick;
 * and prints wall time, rows/s and peak memory (the child's maxRSS) of each, and the ratio.
 * Goals: ours / bare <= 1.5, peak <= 2 GB. The big file is deleted afterwards unless --keep.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const GOAL_RATIO = 1.5;
const GOAL_PEAK = 2 * 1024 ** 3;

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '20000000' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'memory-limit': { type: 'string' },
    only: { type: 'string' }, // 'ours' or 'bare': run one side only
    // internal: what a child process runs
    child: { type: 'string' },
    input: { type: 'string' },
    out: { type: 'string' },
    file: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

interface ChildReport {
  seconds: number;
  maxRssBytes: number;
  rows?: number;
  outputs?: number;
  detail?: string;
}

try {
  if (values.child === 'build') await childBuild();
  else if (values.child === 'bare') await childBare();
  else if (values.help) console.log('usage: npm run bench:data -- [--rows N] [--seed N] [--keep] [--memory-limit 2GB] [--only ours|bare]');
  else await main();
} catch (e) {
  const err = e as Error & { log?: { lines(): string[] } };
  const detail = err.log ? err.log.lines().slice(0, 20).join('\n') : err.message;
  console.error(`${values.child ? `    ${values.child}: ` : 'bench:data: '}${detail}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows <= 0) throw new Error(`invalid --rows: ${values.rows}`);
  const seed = Number(values.seed);
  const base = join(ROOT, 'bench-out', `data-${rows}`);
  const input = join(base, 'input');
  const file = join(input, 'raw', 'eppgbm', 'national.csv');
  const stamp = join(base, 'generated.json');
  const want = JSON.stringify({ rows, seed });
  console.log(`bench:data  ${fmtInt(rows)} rows, seed ${seed}, ${base}`);
  if (values.keep && existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) {
    // --keep from an earlier run: reuse its file
    console.log(`  generate:  reusing ${file} (${fmtBytes(statSync(file).size)})`);
  } else {
    rmSync(base, { recursive: true, force: true });
    mkdirSync(dirname(file), { recursive: true });
    mkdirSync(join(input, 'reference'), { recursive: true });
    copyFileSync(join(ROOT, 'data', 'reference', 'program.csv'), join(input, 'reference', 'program.csv'));
    const crosswalk = await writeCrosswalk(join(input, 'reference', 'crosswalk.csv'));
    console.log(`  crosswalk: ${crosswalk} village names that the gazetteer holds twice in one district (mapped to the first code)`);

    const { generateNationalByName } = await import('../src/demo/national.ts');
    const g0 = performance.now();
    const c0 = process.cpuUsage();
    let shown = 0;
    const gen = await generateNationalByName(file, {
      rows,
      seed,
      progress: (n) => {
        if (process.stdout.isTTY && n - shown >= 1_000_000) {
          shown = n;
          process.stdout.write(`\r  generating: ${fmtInt(n)} rows`);
        }
      },
    });
    const gs = (performance.now() - g0) / 1000;
    const cpu = process.cpuUsage(c0);
    if (process.stdout.isTTY) process.stdout.write('\r');
    console.log(
      `  generate:  ${fmtInt(gen.rows)} rows, ${fmtBytes(gen.bytes)} in ${gs.toFixed(1)} s (${fmtInt(gen.rows / gs)} rows/s, ${fmtBytes(gen.bytes / gs)}/s; ` +
        `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s over ${availableParallelism()} cores, load ${loadavg()[0].toFixed(1)})`,
    );
    writeFileSync(stamp, want);
  }

  const results: Record<string, ChildReport & { wall: number; peak: number }> = {};
  try {
    if (values.only !== 'ours') {
      const parquet = join(base, 'bare.parquet');
      results.bare = await runChild(['--child', 'bare', '--file', file, '--out', parquet], 'bare DuckDB');
    }
    if (values.only !== 'bare') {
      const args = ['--child', 'build', '--input', input, '--out', join(base, 'public-data')];
      if (values['memory-limit']) args.push('--memory-limit', values['memory-limit']);
      results.ours = await runChild(args, 'build step');
    }
  } finally {
    if (!values.keep) rmSync(file, { force: true });
  }

  console.log('');
  console.log(`  ${'run'.padEnd(12)} ${'wall'.padStart(8)} ${'rows/s'.padStart(12)} ${'peak RSS'.padStart(10)}`);
  for (const [name, r] of Object.entries(results)) {
    console.log(`  ${name.padEnd(12)} ${`${r.wall.toFixed(1)} s`.padStart(8)} ${fmtInt(rows / r.wall).padStart(12)} ${fmtBytes(r.peak).padStart(10)}${r.detail ? `  ${r.detail}` : ''}`);
  }
  if (results.ours && results.bare) {
    const ratio = results.ours.wall / results.bare.wall;
    const okRatio = ratio <= GOAL_RATIO;
    const okPeak = results.ours.peak <= GOAL_PEAK;
    console.log(`  ratio ours/bare: ${ratio.toFixed(2)} (goal <= ${GOAL_RATIO}: ${okRatio ? 'met' : 'NOT met'}); peak ${fmtBytes(results.ours.peak)} (goal <= 2 GB: ${okPeak ? 'met' : 'NOT met'})`);
  }
  if (values.keep) console.log(`  kept: ${file}`);
  else rmSync(base, { recursive: true, force: true });
}

/**
 * Village names the gazetteer holds twice under one district (e.g. a Desa and a Kelurahan both
 * called "Waena"): by name they cannot be told apart, so, as an office would, the bench maps each
 * such name to one code in reference/crosswalk.csv.
 */
async function writeCrosswalk(path: string): Promise<number> {
  const { loadAreas } = await import('../src/demo/gazetteer.ts');
  const { nationalNames } = await import('../src/demo/national.ts');
  const { CsvFileWriter } = await import('../src/demo/csv.ts');
  const { loadGazetteer } = await import('../src/pipeline/gazetteer.ts');
  const { NameMatcher } = await import('../src/pipeline/names.ts');
  const matcher = new NameMatcher(loadGazetteer('all'), []);
  const w = new CsvFileWriter(path, ['nama_prov', 'nama_kab', 'nama_kec', 'nama_desa', 'kode_wilayah']);
  const done = new Set<string>();
  let n = 0;
  for (const v of loadAreas().villages) {
    const names = nationalNames(v);
    const key = names.join('|');
    if (done.has(key)) continue;
    const res = matcher.match(names);
    if (res.ok) continue;
    done.add(key);
    w.row([...names, v.code]);
    n++;
  }
  w.close();
  return n;
}

/** Run this script as a child; its peak memory comes from the child itself (maxRSS) and /proc polling. */
function runChild(args: string[], label: string): Promise<ChildReport & { wall: number; peak: number }> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [SELF, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let polled = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) polled = Math.max(polled, Number(m[1]) * 1024);
      } catch {
        // not on Linux, or the child has exited
      }
    }, 100);
    console.log(`  running:   ${label} ...`);
    child.stdout.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(poll);
      const wall = (performance.now() - t0) / 1000;
      if (code !== 0) return fail(new Error(`${label} failed (exit ${code})`));
      const report = JSON.parse(out.trim().split('\n').at(-1)!) as ChildReport;
      done({ ...report, wall, peak: Math.max(report.maxRssBytes, polled) });
    });
  });
}

async function childBuild(): Promise<void> {
  const { buildData } = await import('../src/pipeline/build.ts');
  const t0 = performance.now();
  const s = await buildData({
    input: values.input!,
    out: values.out!,
    province: 'all',
    memoryLimit: values['memory-limit'],
    logger: {
      info: () => {},
      progress: (m) => console.error(`    [${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${m}`),
      warn: (m) => console.error(`    ${m}`),
    },
  });
  report({
    seconds: (performance.now() - t0) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    rows: s.rowsRead,
    outputs: s.outputs.length,
    detail: `${fmtInt(s.rowsRead)} rows read, ${s.areas} areas`,
  });
}

async function childBare(): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const t0 = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  // The essential work: read every row, count measured and stunted children per village (its four
  // names) and month, write Parquet.
  await conn.run(`COPY (
      SELECT "Prov", "Kab/Kota", "Kec", "Desa/Kel", strftime("Tanggal Pengukuran", '%Y-%m') AS bulan,
             count(*) AS diukur, count(*) FILTER (WHERE "ZS TB/U" < -2) AS stunting
      FROM read_csv(${q(values.file!)}, delim = ',', quote = '"', escape = '"', header = true,
                    types = {'Tanggal Pengukuran': 'DATE', 'ZS TB/U': 'DOUBLE'})
      GROUP BY ALL
    ) TO ${q(values.out!)} (FORMAT parquet)`);
  const r = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n, sum(diukur)::BIGINT AS rows FROM read_parquet(${q(values.out!)})`);
  const [n, rows] = r.getRows()[0] as [number, bigint];
  conn.closeSync();
  db.closeSync();
  report({
    seconds: (performance.now() - t0) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    rows: Number(rows),
    detail: `${fmtInt(Number(rows))} rows read, ${fmtInt(n)} village-months`,
  });
}

function report(r: ChildReport): void {
  process.stdout.write(`${JSON.stringify(r)}\n`);
}

function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function fmtBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GB`;
  return `${(n / 1024 ** 2).toFixed(0)} MB`;
}
