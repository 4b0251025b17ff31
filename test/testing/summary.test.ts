/**
 * The runner's honesty (src/testing/summary.ts, used by npm test): small throwaway vitest projects,
 * generated in tmp/ of the repository, run through the same counting code as scripts/test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closingLine, describeSummary, runVitest, summarise } from '../../src/testing/summary.ts';

const ROOT = resolve(import.meta.dirname, '../..');
mkdirSync(join(ROOT, 'tmp'), { recursive: true });
const scratch = mkdtempSync(join(ROOT, 'tmp', 'runner-honesty-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a vitest project (file name -> content) and returns its folder. */
function project(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

const CONFIG = `import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['*.test.ts'] } });\n`;
/** The closing line as CI reads it (the last line matching this, as .ci/run does). */
const CI_LINE = /^(\d+) passed, (\d+) failed(, (\d+) skipped)?$/;

describe('npm test counting on a real vitest run', () => {
  it('counts a throwing beforeAll as failures (its tests did not run), still runs the other files, and exits non-zero', () => {
    const dir = project('hook', {
      'vitest.config.ts': CONFIG,
      'a-ok.test.ts': `import { it, expect } from 'vitest';\nit('one', () => expect(1).toBe(1));\nit('two', () => expect(2).toBe(2));\n`,
      // like every e2e file: the browser starts in beforeAll
      'b-browser.test.ts': `import { beforeAll, describe, it, expect } from 'vitest';
beforeAll(() => { throw new Error('Chromium is not installed'); });
describe('pages', () => { it('home', () => expect(1).toBe(1)); it('data', () => expect(1).toBe(1)); it('map', () => expect(1).toBe(1)); });
`,
      'c-ok.test.ts': `import { it, expect } from 'vitest';\nit('three', () => expect(3).toBe(3));\n`,
      'd-skip.test.ts': `import { it } from 'vitest';\nit.skip('needs ../shared', () => {});\nit('dynamic', (ctx) => ctx.skip('no boundaries file'));\n`,
    });
    const s = runVitest({ cwd: dir, report: 'out/counts.json', stdio: 'pipe' });
    expect(s.exit.status).not.toBe(0);
    // 1 hook error + 3 tests that never ran; the 3 tests of the other files all ran
    expect({ passed: s.passed, failed: s.failed, skipped: s.skipped }).toEqual({ passed: 3, failed: 4, skipped: 2 });
    expect(closingLine(s)).toBe('3 passed, 4 failed, 2 skipped');
    expect(closingLine(s)).toMatch(CI_LINE);
    const lines = describeSummary(s);
    expect(lines.some((l) => l.startsWith('FAILED: b-browser.test.ts: ') && l.includes('Chromium is not installed'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('skipped: d-skip.test.ts > '))).toHaveLength(2);
  });

  it('counts a hook failing inside a describe block and a file that does not load', () => {
    const dir = project('nested', {
      'vitest.config.ts': CONFIG,
      'a.test.ts': `import { afterAll, beforeAll, describe, it } from 'vitest';
describe('outer', () => {
  describe('inner', () => { beforeAll(() => { throw new Error('inner hook'); }); it('i1', () => {}); it.skip('declared', () => {}); });
  it('o1', () => {});
  afterAll(() => { throw new Error('outer afterAll'); });
});
`,
      'b.test.ts': `import './does-not-exist.ts';\nimport { it } from 'vitest';\nit('x', () => {});\n`,
    });
    const s = runVitest({ cwd: dir, report: 'counts.json', stdio: 'pipe' });
    expect(s.exit.status).not.toBe(0);
    // inner hook + i1 not run + outer afterAll + b.test.ts not loading
    expect({ passed: s.passed, failed: s.failed, skipped: s.skipped }).toEqual({ passed: 1, failed: 4, skipped: 1 });
  });

  it('counts a crashing config as a failure and never reads the report of an earlier run', () => {
    const dir = project('crash', {
      'vitest.config.ts': `throw new Error('config crashed');\n`,
      'a.test.ts': `import { it } from 'vitest';\nit('never runs', () => {});\n`,
    });
    // a report left by an earlier, successful run
    mkdirSync(join(dir, 'out'), { recursive: true });
    writeFileSync(join(dir, 'out/counts.json'), JSON.stringify({ reason: 'passed', unhandled: [], files: [{ file: 'a.test.ts', project: '', state: 'passed', errors: [], tests: Array.from({ length: 50 }, (_, i) => ({ name: `t${i}`, outcome: 'passed' })) }] }));
    writeFileSync(join(dir, 'out/vitest.json'), '{"numPassedTests": 50, "numFailedTests": 0}');
    const s = runVitest({ cwd: dir, report: 'out/counts.json', stale: ['out/vitest.json'], stdio: 'pipe' });
    expect(s.exit.status).not.toBe(0);
    expect(s.output).toContain('config crashed');
    expect(closingLine(s)).toBe('0 passed, 1 failed, 0 skipped');
    expect(describeSummary(s)[0]).toMatch(/^FAILED: vitest ended \(exit code \d+\) without a report/);
  });

  it('reads a clean run as clean', () => {
    const dir = project('clean', {
      'vitest.config.ts': CONFIG,
      'a.test.ts': `import { it, expect } from 'vitest';\nit('one', () => expect(1).toBe(1));\n`,
    });
    const s = runVitest({ cwd: dir, report: 'counts.json', stdio: 'pipe' });
    expect(s.exit.status).toBe(0);
    expect(closingLine(s)).toBe('1 passed, 0 failed, 0 skipped');
    expect(describeSummary(s)).toEqual([]);
  });
});

describe('summarise', () => {
  const passing = { reason: 'passed', unhandled: [], files: [{ file: 'a.test.ts', project: 'unit', state: 'passed', errors: [], tests: [{ name: 'a', outcome: 'passed' as const }] }] };

  it('counts a non-zero exit that no test explains', () => {
    expect(closingLine(summarise(passing, { status: 1 }))).toBe('1 passed, 1 failed, 0 skipped');
    expect(closingLine(summarise(passing, { status: null, signal: 'SIGKILL' }))).toBe('1 passed, 1 failed, 0 skipped');
    expect(closingLine(summarise(passing, { status: 0 }))).toBe('1 passed, 0 failed, 0 skipped');
  });

  it('counts unhandled errors, an interrupted run and a file that never finished', () => {
    const s = summarise({ ...passing, reason: 'interrupted', unhandled: ['late throw'], files: [...passing.files, { file: 'b.test.ts', project: 'e2e', state: 'queued', errors: [], tests: [] }] }, { status: 1 });
    expect(s.failed).toBe(3);
    expect(s.problems).toEqual(['b.test.ts: never finished (state queued)', 'unhandled error: late throw', 'the run was interrupted']);
  });
});
