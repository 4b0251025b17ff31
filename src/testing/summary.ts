/**
 * The honest count of a test run: runs vitest in a child process with the counting reporter
 * (count-reporter.ts) and turns what it recorded, and how vitest exited, into
 * `N passed, N failed, N skipped`. scripts/test.ts (npm test) prints that as its last line.
 *
 * Counted as failed, each once:
 *   - a failing test;
 *   - a test that was meant to run but did not (its file's or describe block's beforeAll threw);
 *   - an error outside any test (a file that does not load, a throwing beforeAll/afterAll);
 *   - an unhandled error, an interrupted run;
 *   - vitest ending without a report (a crash, a config that does not load), and a non-zero exit
 *     that nothing above explains.
 * Counted as skipped: tests skipped on purpose (it.skip, it.todo, skipIf, ctx.skip()), listed by name.
 * The report of an earlier run is deleted first, so a crash can never be read as an old success.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPORT_ENV, type CountReport } from './count-reporter.ts';

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  /** One line per failure that is not a plain failing test (those vitest prints itself). */
  problems: string[];
  /** "file > test (reason)" of every test skipped on purpose. */
  skippedTests: string[];
}

export interface VitestExit {
  status: number | null;
  signal?: string | null;
}

export const emptySummary = (): Summary => ({ passed: 0, failed: 0, skipped: 0, problems: [], skippedTests: [] });

/** Adds a failure that happened outside vitest (e.g. a preparation step of npm test). */
export function addFailure(summary: Summary, problem: string): Summary {
  summary.failed++;
  summary.problems.push(problem);
  return summary;
}

/** Counts a vitest run from the reporter's record (undefined when there is none) and its exit. */
export function summarise(report: CountReport | undefined, exit: VitestExit): Summary {
  const s = emptySummary();
  const how = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.status}`;
  if (!report) return addFailure(s, `vitest ended (${how}) without a report: it crashed or its config did not load; see its output above`);
  for (const f of report.files) {
    const notRun: string[] = [];
    for (const t of f.tests) {
      if (t.outcome === 'passed') s.passed++;
      else if (t.outcome === 'failed') s.failed++;
      else if (t.outcome === 'skipped') {
        s.skipped++;
        s.skippedTests.push(`${f.file} > ${t.name} (${t.detail})`);
      } else {
        s.failed++;
        notRun.push(t.name);
      }
    }
    for (const e of f.errors) addFailure(s, `${f.file}${e.where === 'file' ? '' : ` > ${e.where}`}: ${e.message}`);
    if (notRun.length) s.problems.push(`${f.file}: ${notRun.length} test(s) did not run, each counted as failed (${notRun.slice(0, 3).join('; ')}${notRun.length > 3 ? '; ...' : ''})`);
    if ((f.state === 'queued' || f.state === 'pending') && !f.errors.length && !notRun.length) addFailure(s, `${f.file}: never finished (state ${f.state})`);
  }
  for (const u of report.unhandled) addFailure(s, `unhandled error: ${u}`);
  if (report.reason === 'interrupted') addFailure(s, 'the run was interrupted');
  if ((exit.status !== 0 || exit.signal) && s.failed === 0) addFailure(s, `vitest ended with ${how} although no test failed`);
  return s;
}

/** The closing line of npm test; CI reads the last line that starts with `N passed, N failed`. */
export function closingLine(s: Summary): string {
  return `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`;
}

/** Lines to print before the closing line: skipped tests by name, then failures outside tests. */
export function describeSummary(s: Summary): string[] {
  return [
    ...s.skippedTests.map((t) => `skipped: ${t}`),
    ...s.problems.map((p) => `FAILED: ${p}`),
  ];
}

export interface RunOptions {
  /** Folder vitest runs in (its config is found there). Default: the current folder. */
  cwd?: string;
  /** Arguments after `vitest run` (e.g. ['--project', 'unit']). */
  args?: string[];
  /** Where the counting reporter writes; deleted before the run. */
  report: string;
  /** Other files of earlier runs to delete first (e.g. test-results/vitest.json). */
  stale?: string[];
  /** Node to run vitest on (default: this one). */
  node?: string;
  env?: NodeJS.ProcessEnv;
  /** 'inherit' shows vitest's output (npm test); 'pipe' keeps it (tests of this module). */
  stdio?: 'inherit' | 'pipe';
}

const here = dirname(fileURLToPath(import.meta.url));
export const REPORTER = join(here, 'count-reporter.ts');
const vitestBin = () => join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

/** This process's environment without what a surrounding vitest run set (a run inside a test). */
function freshEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|TINYPOOL)/.test(k)));
}

/** Runs `vitest run` with the counting reporter and returns the honest count and vitest's output. */
export function runVitest(options: RunOptions): Summary & { output: string; exit: VitestExit } {
  const cwd = resolve(options.cwd ?? '.');
  const report = resolve(cwd, options.report);
  for (const f of [report, ...(options.stale ?? []).map((p) => resolve(cwd, p))]) rmSync(f, { force: true });
  const args = [vitestBin(), 'run', '--reporter=default', `--reporter=${REPORTER}`, ...(options.args ?? [])];
  const r = spawnSync(options.node ?? process.execPath, args, {
    cwd,
    stdio: options.stdio ?? 'inherit',
    env: { ...freshEnv(), ...options.env, [REPORT_ENV]: report },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const exit: VitestExit = { status: r.status, signal: r.signal };
  if (r.error) exit.signal = exit.signal ?? `spawn error ${r.error.message}`;
  let parsed: CountReport | undefined;
  if (existsSync(report)) {
    try {
      parsed = JSON.parse(readFileSync(report, 'utf8')) as CountReport;
    } catch {
      parsed = undefined;
    }
  }
  return { ...summarise(parsed, exit), output: `${r.stdout ?? ''}${r.stderr ?? ''}`, exit };
}
