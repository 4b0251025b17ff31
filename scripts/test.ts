#!/usr/bin/env node
/**
 * npm test: every test, on a fresh clone. Generates the demo data, builds the Parquet and the site
 * (the browser tests need them), runs vitest (unit + e2e projects) and prints, as its last line,
 * `N passed, N failed, N skipped` with the honest counts of src/testing/summary.ts: a failed
 * preparation step, a throwing hook, a file that does not load, a crash or a non-zero vitest exit
 * are all counted as failures and make the exit status non-zero.
 *
 *   npm test               everything
 *   npm test -- --unit     unit tests only (no demo, data or site build)
 */
import { spawnSync } from 'node:child_process';
import { addFailure, closingLine, describeSummary, runVitest } from '../src/testing/summary.ts';

// Every step runs on this Node (the project's own, >= 22.12), never on whatever `node` is first on PATH.
const node = process.execPath;
const steps: [string, string, string[]][] = [
  ['demo data', node, ['scripts/generate-demo.ts', '--out', 'data/demo']],
  ['build data', node, ['scripts/build-data.ts', '--input', 'data/demo', '--out', 'public/data']],
  ['build site', node, ['node_modules/astro/bin/astro.mjs', 'build']],
];

const failedSteps: string[] = [];
const skipBuild = process.argv.includes('--unit');
if (!skipBuild) {
  for (const [label, cmd, args] of steps) {
    console.log(`\n== ${label}: ${[cmd, ...args].join(' ')}`);
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0) {
      failedSteps.push(`${label} failed (${r.signal ? `signal ${r.signal}` : `exit ${r.status}`}); the browser tests did not run`);
      break;
    }
  }
}

const args = skipBuild || failedSteps.length ? ['--project', 'unit'] : [];
console.log(`\n== tests: vitest run ${args.join(' ')}`);
const summary = runVitest({ args, report: 'test-results/counts.json', stale: ['test-results/vitest.json'] });
for (const problem of failedSteps) addFailure(summary, problem);

console.log('');
for (const line of describeSummary(summary)) console.log(line);
console.log(closingLine(summary));
process.exit(summary.failed ? 1 : 0);
