/**
 * Data benchmark: `npm run bench:data -- [--rows N] [--keep] [--seed N] [--memory-limit 1GB] [--only bare,plain,ours]`
 *
 * 1. writes a national-scale synthetic e-PPGBM by-name export (default 20,000,000 rows over every
 *    village of Indonesia) into bench-out/data-<rows>/input/raw/eppgbm/national.csv (reused with
 *    --keep when an earlier run kept it);
 * 2. runs, each in a child process over the same file: `bare` (the scan floor: counts per village
 *    names and month, no rules), `plain` (the same rules as the build step written as one plain DuckDB
 *    query, src/demo/national-yardsticks.ts) and `ours` (the build step, province "all");
 * 3. prints wall time, CPU time, rows/s and peak memory (the child's maxRSS) of each, the totals each
 *    counted, and the ratios ours/plain and ours/bare.
 * Goals: ours <= 1.0x plain and <= 3x bare, peak <= 2 GB. The big file is deleted afterwards unless --keep.
 * The machine is shared: wall times move with the load (printed); CPU time moves less.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const GOAL_VS_PLAIN = 1.0;
const GOAL_VS_BARE = 3;
const GOAL_PEAK = 2 * 1024 ** 3;
const RUNS = ['bare', 'plain', 'ours'] as const;
type Run = (typeof RUNS)[number];

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '20000000' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'memory-limit': { type: 'string' },
    only: { type: 'string' }, // a comma-separated subset of bare,plain,ours
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
  cpuSeconds: number;
  maxRssBytes: number;
  /** Children measured and stunted (for bare: rows with a z-score below -2), over all village-months. */
  totals?: { groups: number; diukur: number; stunting: number };
  detail?: string;
}

try {
  if (values.child === 'ours') await childBuild();
  else if (values.child === 'bare' || values.child === 'plain') await childYardstick(values.child);
  else if (values.help) console.log('usage: npm run bench:data -- [--rows N] [--seed N] [--keep] [--memory-limit 1GB] [--only bare,plain,ours]');
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
  const only = (values.only ?? RUNS.join(',')).split(',');
  for (const o of only) if (!(RUNS as readonly string[]).includes(o)) throw new Error(`--only takes ${RUNS.join(', ')}, not "${o}"`);
  const seed = Number(values.seed);
  const base = join(ROOT, 'bench-out', `data-${rows}`);
  const input = join(base, 'input');
  const file = join(input, 'raw', 'eppgbm', 'national.csv');
  const stamp = join(base, 'generated.json');
  const want = JSON.stringify({ rows, seed });
  console.log(`bench:data  ${fmtInt(rows)} rows, seed ${seed}, ${base}`);
  if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) {
    // kept by an earlier run (--keep): reuse its file
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

  const results: Partial<Record<Run, ChildReport & { wall: number; peak: number; load: string }>> = {};
  try {
    for (const run of RUNS) {
      if (!only.includes(run)) continue;
      // a first build: no previous release in the output folder to read (its hidden cells would stay hidden)
      if (run === 'ours') rmSync(join(base, 'public-data'), { recursive: true, force: true });
      const args =
        run === 'ours'
          ? ['--child', 'ours', '--input', input, '--out', join(base, 'public-data')]
          : ['--child', run, '--file', file, '--out', join(base, `${run}.parquet`)];
      if (values['memory-limit']) args.push('--memory-limit', values['memory-limit']);
      const r = await runChild(args, run === 'ours' ? 'build step' : `${run} DuckDB query`);
      console.log(`             ${r.wall.toFixed(1)} s wall, ${r.cpuSeconds.toFixed(1)} s CPU, peak ${fmtBytes(r.peak)}, load ${r.load}`);
      results[run] = r;
    }
  } finally {
    if (!values.keep) rmSync(file, { force: true });
  }

  console.log('');
  console.log(`  ${'run'.padEnd(6)} ${'wall'.padStart(8)} ${'CPU'.padStart(8)} ${'rows/s'.padStart(10)} ${'peak RSS'.padStart(9)} ${'load'.padStart(10)}  counted`);
  for (const [name, r] of Object.entries(results)) {
    const t = r.totals ? `${fmtInt(r.totals.groups)} village-months, ${fmtInt(r.totals.diukur)} ${name === 'bare' ? 'rows' : 'measured'}, ${fmtInt(r.totals.stunting)} stunted` : '';
    console.log(
      `  ${name.padEnd(6)} ${`${r.wall.toFixed(1)} s`.padStart(8)} ${`${r.cpuSeconds.toFixed(1)} s`.padStart(8)} ${fmtInt(rows / r.wall).padStart(10)} ${fmtBytes(r.peak).padStart(9)} ${r.load.padStart(10)}  ${t}${r.detail ? `; ${r.detail}` : ''}`,
    );
  }
  const { ours, plain, bare } = results;
  if (ours && plain) {
    const same = ours.totals && plain.totals && ours.totals.diukur === plain.totals.diukur && ours.totals.stunting === plain.totals.stunting;
    console.log(`  ours vs plain: ${same ? 'same' : 'DIFFERENT'} children measured and stunted`);
  }
  const ratio = (name: string, a: typeof ours, b: typeof ours, goal: number) => {
    if (!a || !b) return;
    const r = a.wall / b.wall;
    console.log(`  ${name}: ${r.toFixed(2)} wall, ${(a.cpuSeconds / b.cpuSeconds).toFixed(2)} CPU (goal <= ${goal.toFixed(1)}: ${r <= goal ? 'met' : 'NOT met'})`);
  };
  ratio('ours/plain', ours, plain, GOAL_VS_PLAIN);
  ratio('ours/bare ', ours, bare, GOAL_VS_BARE);
  if (ours) console.log(`  peak RSS ours: ${fmtBytes(ours.peak)} (goal <= 2 GB: ${ours.peak <= GOAL_PEAK ? 'met' : 'NOT met'})`);
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
function runChild(args: string[], label: string): Promise<ChildReport & { wall: number; peak: number; load: string }> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const load0 = loadavg()[0];
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
      done({ ...report, wall, peak: Math.max(report.maxRssBytes, polled), load: `${load0.toFixed(1)}-${loadavg()[0].toFixed(1)}` });
    });
  });
}

async function childBuild(): Promise<void> {
  const { buildData } = await import('../src/pipeline/build.ts');
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const s = await buildData({
    input: values.input!,
    out: values.out!,
    province: 'all',
    memoryLimit: values['memory-limit'],
    logger: {
      info: () => {},
      progress: (m) => console.error(`    [${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s, CPU ${cpuSince(c0).toFixed(1).padStart(6)} s] ${m}`),
      warn: (m) => console.error(`    ${m}`),
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = cpuSince(c0);
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  // totals from the published file: province rows are never suppressed
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const gizi = join(values.out!, 'gizi_balita.parquet').replace(/'/g, "''");
  const r = await conn.runAndReadAll(`SELECT count(*) FILTER (tingkat = 'desa_kelurahan')::BIGINT, sum(jumlah_balita_diukur) FILTER (tingkat = 'provinsi')::BIGINT,
      sum(jumlah_balita_stunting) FILTER (tingkat = 'provinsi')::BIGINT FROM read_parquet('${gizi}')`);
  const [groups, diukur, stunting] = (r.getRows()[0] as bigint[]).map(Number);
  conn.closeSync();
  db.closeSync();
  report({
    seconds,
    cpuSeconds,
    maxRssBytes,
    totals: { groups, diukur, stunting },
    detail: `${fmtInt(s.rowsRead)} rows read, ${s.areas} areas`,
  });
}

async function childYardstick(kind: 'bare' | 'plain'): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const { bareQuery, plainQuery, totalsQuery } = await import('../src/demo/national-yardsticks.ts');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  if (values['memory-limit']) await conn.run(`SET memory_limit = '${values['memory-limit']}'`);
  await conn.run((kind === 'bare' ? bareQuery : plainQuery)(values.file!, values.out!));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const r = await conn.runAndReadAll(totalsQuery(values.out!, kind));
  const [groups, diukur, stunting] = (r.getRows()[0] as bigint[]).map(Number);
  conn.closeSync();
  db.closeSync();
  report({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssBytes: process.resourceUsage().maxRSS * 1024, totals: { groups, diukur, stunting } });
}

function cpuSince(c0: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
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
