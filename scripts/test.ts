#!/usr/bin/env node
/**
 * npm test: every test, on a fresh clone. Generates the demo data, builds the Parquet and the site
 * (the browser tests need them), runs vitest (unit + e2e projects) and prints, as its last line,
 * `N passed, N failed` with the real counts (a failed preparation step counts as a failure).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

// Every step runs on this Node (the project's own, >= 22.12), never on whatever `node` is first on PATH.
const node = process.execPath;
const steps: [string, string, string[]][] = [
  ['demo data', node, ['scripts/generate-demo.ts', '--out', 'data/demo']],
  ['build data', node, ['scripts/build-data.ts', '--input', 'data/demo', '--out', 'public/data']],
  ['build site', node, ['node_modules/astro/bin/astro.mjs', 'build']],
];

let preparationFailures = 0;
const skipBuild = process.argv.includes('--unit');
if (!skipBuild) {
  for (const [label, cmd, args] of steps) {
    console.log(`\n== ${label}: ${[cmd, ...args].join(' ')}`);
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0) {
      console.error(`${label} failed (exit ${r.status})`);
      preparationFailures++;
      break;
    }
  }
}

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const vitestArgs = ['run', '--reporter=default', '--reporter=json', `--outputFile=${report}`];
if (skipBuild || preparationFailures) vitestArgs.push('--project', 'unit');
console.log(`\n== tests: vitest ${vitestArgs.join(' ')}`);
spawnSync(node, ['node_modules/vitest/vitest.mjs', ...vitestArgs], { stdio: 'inherit' });

let passed = 0;
let failed = preparationFailures;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; testResults?: { status: string; assertionResults: unknown[] }[] };
  passed = r.numPassedTests;
  failed += r.numFailedTests;
  // a test file that fails to load has no assertions: count it as a failure
  failed += (r.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else {
  failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
