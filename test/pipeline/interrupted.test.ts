/**
 * Interrupted builds leave nothing that could be published: the build step is killed (SIGKILL)
 * at random moments, also mid-write of the Parquet files and with --internal, with its output in
 * a public/ folder as in the real layout; public/ then holds only the previous output, whole, and
 * passes the check the site build runs on it (src/build/site-check.ts); the killed runs' staging
 * is outside public/ and the next build removes it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPublishedSite } from '../../src/build/site-check.ts';
import { generateDemo } from '../../src/demo/generate.ts';
import { buildData } from '../../src/pipeline/build.ts';
import { cleanStaleStaging, processAlive, stagingRoot, STAGING_ENV } from '../../src/pipeline/output.ts';
import { NODE, ROOT } from './helpers.ts';

mkdirSync(join(ROOT, 'tmp'), { recursive: true });
const scratch = mkdtempSync(join(ROOT, 'tmp', 'interrupted-'));
const input = join(scratch, 'input');
const pub = join(scratch, 'public');
const out = join(pub, 'data');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every path under `dir`, folders with a trailing slash. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => relative(dir, join(e.parentPath, e.name)) + (e.isDirectory() ? '/' : ''))
    .sort();
}

function build(args: string[] = []) {
  const r = spawnSync(NODE, ['scripts/build-data.ts', '--input', input, '--out', out, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, [STAGING_ENV]: '' } });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

interface Kill {
  pid: number;
  internal: boolean;
  moment: string;
  /** The staging folder of the killed run held a (partly) written Parquet file. */
  midWrite: boolean;
}

const stagingOf = (pid: number) => readdirSync(stagingRoot(out)).filter((n) => n.startsWith(`data-${pid}-`)).map((n) => join(stagingRoot(out), n));
const parquetsIn = (dir: string) => existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.parquet')) : [];

/**
 * Starts a build and kills it at `moment`: after a progress line appears, or as soon as its
 * staging folder holds a Parquet file, plus a random delay. Resolves null when the build ended by
 * itself before the kill (the caller tries another moment).
 */
function killAt(internal: boolean, trigger: string, delayMs: number): Promise<Kill | null> {
  return new Promise((done, fail) => {
    const child = spawn(NODE, ['scripts/build-data.ts', '--input', input, '--out', out, ...(internal ? ['--internal'] : [])], { cwd: ROOT, env: { ...process.env, [STAGING_ENV]: '' } });
    const pid = child.pid!;
    let fired = false;
    let stderr = '';
    const fire = () => {
      if (fired) return;
      fired = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    let poll: NodeJS.Timeout | undefined;
    if (trigger === 'parquet') {
      poll = setInterval(() => {
        if (stagingOf(pid).some((d) => parquetsIn(d).length)) {
          clearInterval(poll);
          fire();
        }
      }, 5);
    }
    child.stderr.on('data', (b: Buffer) => {
      stderr += b;
      if (trigger !== 'parquet' && stderr.includes(trigger)) fire();
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      if (signal === 'SIGKILL') done({ pid, internal, moment: `${trigger} + ${delayMs} ms`, midWrite: stagingOf(pid).some((d) => parquetsIn(d).length > 0) });
      else if (code === 0) done(null);
      else fail(new Error(`build failed by itself (exit ${code}): ${stderr}`));
    });
  });
}

describe('a build killed mid-write', () => {
  let release: Record<string, string>;
  const kills: Kill[] = [];

  beforeAll(async () => {
    await generateDemo({ out: input, scale: 0.05 });
    build();
    release = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f)).toString('base64')]));
    const restoreRelease = () => {
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
      for (const [f, b64] of Object.entries(release)) writeFileSync(join(out, f), Buffer.from(b64, 'base64'));
    };
    const manifest = join(out, 'manifest.json');
    const holdsRelease = () => existsSync(manifest) && readFileSync(manifest).toString('base64') === release['manifest.json'];
    // Random moments: from early reading to the Parquet files being written, public and internal.
    const plans: [boolean, string, number][] = [
      [false, 'reading', Math.floor(Math.random() * 1500)],
      [false, 'aggregating', Math.floor(Math.random() * 400)],
      [false, 'parquet', Math.floor(Math.random() * 30)],
      [false, 'parquet', 0],
      [true, 'aggregating', Math.floor(Math.random() * 400)],
      [true, 'writing Parquet', Math.floor(Math.random() * 100)],
      [true, 'parquet', Math.floor(Math.random() * 30)],
    ];
    for (const [internal, trigger, delay] of plans) {
      let k: Kill | null = null;
      // a build that finished before the kill is retried with the kill sooner
      for (let d = delay; !k && d >= 0; d = d ? Math.floor(d / 4) : -1) {
        k = await killAt(internal, trigger, d);
        // killed while it was already finishing (its output swapped in, or between the swap's two renames): as good as finished
        if (k && !holdsRelease()) k = null;
        // a finished build replaced the output (an --internal one with other bytes): put the release back before the retry
        if (!k) restoreRelease();
      }
      if (!k) throw new Error(`could not kill a build at ${trigger}: it always finished first`);
      kills.push(k);
    }
  }, 600_000);

  it('leaves public/ holding only the previous output, byte for byte', () => {
    expect(kills.map((k) => k.moment)).toHaveLength(7);
    expect(kills.some((k) => k.internal && k.midWrite), 'an --internal build was killed while writing Parquet').toBe(true);
    expect(kills.filter((k) => k.midWrite).length).toBeGreaterThanOrEqual(3);
    expect(tree(pub)).toEqual(['data/', ...Object.keys(release).map((f) => `data/${f}`).sort()]);
    for (const [f, bytes] of Object.entries(release)) expect(readFileSync(join(out, f)).toString('base64'), f).toBe(bytes);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.internal).toBe(false);
  });

  it('passes the site build check on a copy of public/ (what astro build copies into dist/)', () => {
    const site = join(scratch, 'site');
    cpSync(pub, site, { recursive: true });
    expect(checkPublishedSite(site)).toEqual([]);
  });

  it('keeps the staging of killed runs outside public/, and the next build removes it', () => {
    const root = stagingRoot(out);
    expect(relative(pub, root).startsWith('..')).toBe(true);
    for (const k of kills) {
      expect(processAlive(k.pid)).toBe(false);
      for (const dir of stagingOf(k.pid)) expect(relative(pub, dir).startsWith('..')).toBe(true);
    }
    expect(kills.filter((k) => stagingOf(k.pid).length).length).toBeGreaterThan(0);
    build();
    for (const k of kills) expect(stagingOf(k.pid), `staging of killed run ${k.pid} (${k.moment})`).toEqual([]);
    // nor does a finished build leave anything behind (old/ included)
    const ours = readdirSync(root).filter((n) => {
      const info = join(root, n, 'run.json');
      return n.startsWith('data-') && existsSync(info) && JSON.parse(readFileSync(info, 'utf8')).out === out;
    });
    expect(ours).toEqual([]);
    expect(checkPublishedSite(pub)).toEqual([]);
  });
});

describe('the site check', () => {
  it('refuses hidden folders, unlisted Parquet files and Parquet bytes that differ from the manifest', () => {
    const site = join(scratch, 'planted');
    cpSync(pub, site, { recursive: true });
    // what an interrupted build left beside public/data before staging moved out of public/
    mkdirSync(join(site, '.data.tmp-4242'));
    writeFileSync(join(site, '.data.tmp-4242', 'gizi_balita.parquet'), 'PAR1 partial');
    writeFileSync(join(site, 'data', 'gizi_balita_old.parquet'), readFileSync(join(site, 'data', 'gizi_balita.parquet')));
    writeFileSync(join(site, 'data', 'program.parquet'), 'PAR1 partly written');
    mkdirSync(join(site, 'maps'));
    writeFileSync(join(site, 'maps', 'extra.parquet'), 'PAR1');
    mkdirSync(join(site, '.well-known'));
    writeFileSync(join(site, '.well-known', 'security.txt'), 'Contact: mailto:x@example.org\n');
    const problems = checkPublishedSite(site);
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith('.data.tmp-4242/:'))).toMatch(/hidden folder/);
    expect(problems.find((p) => p.startsWith('data/gizi_balita_old.parquet:'))).toMatch(/does not list/);
    expect(problems.find((p) => p.startsWith('data/program.parquet:'))).toMatch(/sha256/);
    expect(problems.find((p) => p.startsWith('maps/extra.parquet:'))).toMatch(/does not list/);
  });
});

describe('staging', () => {
  it('lives outside public/ by default: in the repository, git-ignored', () => {
    const saved = process.env[STAGING_ENV];
    delete process.env[STAGING_ENV];
    try {
      expect(stagingRoot(join(ROOT, 'public', 'data'))).toBe(join(ROOT, '.atlas-staging'));
    } finally {
      if (saved !== undefined) process.env[STAGING_ENV] = saved;
    }
    const ignored = spawnSync('git', ['check-ignore', '-q', '.atlas-staging/x'], { cwd: ROOT });
    expect(ignored.status).toBe(0);
  });

  it('is removed when a build fails', async () => {
    const bad = join(scratch, 'bad-input');
    mkdirSync(join(bad, 'raw', 'eppgbm'), { recursive: true });
    writeFileSync(join(bad, 'raw', 'eppgbm', 'a.csv'), 'NIK,Nama\n1,x\n');
    const target = join(scratch, 'bad-public', 'data');
    await expect(buildData({ input: bad, out: target })).rejects.toThrow();
    const root = stagingRoot(target);
    const mine = existsSync(root) ? readdirSync(root).filter((n) => n.startsWith(`data-${process.pid}-`)) : [];
    expect(mine).toEqual([]);
    expect(existsSync(join(scratch, 'bad-public'))).toBe(true);
    expect(readdirSync(join(scratch, 'bad-public'))).toEqual([]);
  });

  it('puts the previous output back when a run died between the two renames of the swap, and leaves live runs alone', () => {
    const root = join(scratch, 'staging-root');
    const target = join(scratch, 'swapped', 'data');
    mkdirSync(join(scratch, 'swapped'), { recursive: true });
    const dead = spawnSync(NODE, ['-e', '0']).pid!;
    expect(processAlive(dead)).toBe(false);
    const died = join(root, `data-${dead}-1`);
    mkdirSync(join(died, 'old'), { recursive: true });
    mkdirSync(join(died, 'new'), { recursive: true });
    writeFileSync(join(died, 'old', 'manifest.json'), '{"release": 1}\n');
    writeFileSync(join(died, 'new', 'gizi_balita.parquet'), 'PAR1 partial');
    writeFileSync(join(died, 'run.json'), JSON.stringify({ pid: dead, out: target, started: '' }));
    const live = join(root, `data-${process.pid}-7`);
    mkdirSync(join(live, 'new'), { recursive: true });
    expect(cleanStaleStaging(root)).toEqual([died]);
    expect(readFileSync(join(target, 'manifest.json'), 'utf8')).toBe('{"release": 1}\n');
    expect(existsSync(died)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
