/**
 * A vitest reporter that records, for every test file, what happened to every test and every error
 * outside a test (a throwing hook, a file that does not load, an unhandled error), so the closing
 * count of `npm test` can be honest (src/testing/summary.ts reads what this writes).
 *
 * vitest's JSON report cannot tell a test skipped on purpose from one that never ran because its
 * beforeAll threw, and drops a hook error inside a describe block altogether; this reporter reads
 * vitest's own task tree instead. It writes the file named by ATLAS_TEST_REPORT when the run ends.
 *
 *   vitest run --reporter=default --reporter=./src/testing/count-reporter.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';
import type { SerializedError } from 'vitest';

export const REPORT_ENV = 'ATLAS_TEST_REPORT';

/** What happened to one test. */
export type TestOutcome =
  | 'passed'
  | 'failed'
  /** skipped on purpose: it.skip, it.todo, skipIf, ctx.skip() */
  | 'skipped'
  /** meant to run but did not: a hook of its file or suite failed, or the run stopped */
  | 'not-run';

export interface CountedTest {
  name: string;
  outcome: TestOutcome;
  /** First line of the error, or the skip note. */
  detail?: string;
}

export interface CountedFile {
  file: string;
  project: string;
  /** vitest's state of the file at the end of the run (queued/pending = never finished). */
  state: string;
  tests: CountedTest[];
  /** Errors outside any test: collection, beforeAll/afterAll of the file or of a describe block. */
  errors: { where: string; message: string }[];
}

export interface CountReport {
  reason: string;
  files: CountedFile[];
  unhandled: string[];
}

const firstLine = (e: { message?: string; name?: string } | undefined) =>
  `${e?.name && e.name !== 'Error' ? `${e.name}: ` : ''}${(e?.message ?? String(e)).split('\n')[0]}`;

function suiteErrors(suite: TestModule | TestSuite): SerializedError[] {
  return suite.errors() ?? [];
}

/** True when the test or one of its enclosing describe blocks / its file has an error of its own. */
function ancestorFailed(test: TestCase): boolean {
  for (let s: TestModule | TestSuite = test.parent; ; s = s.parent) {
    if (suiteErrors(s).length) return true;
    if (s.type === 'module') return false;
  }
}

export function countModule(module: TestModule): CountedFile {
  const tests: CountedTest[] = [];
  for (const test of module.children.allTests()) {
    const result = test.result();
    if (result.state === 'passed') tests.push({ name: test.fullName, outcome: 'passed' });
    else if (result.state === 'failed') tests.push({ name: test.fullName, outcome: 'failed', detail: firstLine(result.errors[0]) });
    else if (result.state === 'skipped' && (test.options.mode === 'skip' || test.options.mode === 'todo' || !ancestorFailed(test))) {
      tests.push({ name: test.fullName, outcome: 'skipped', detail: result.note ?? (test.options.mode === 'run' ? 'ctx.skip()' : test.options.mode) });
    } else tests.push({ name: test.fullName, outcome: 'not-run', detail: result.state === 'skipped' ? 'a hook before it failed' : `left ${result.state}` });
  }
  const errors: CountedFile['errors'] = suiteErrors(module).map((e) => ({ where: 'file', message: firstLine(e) }));
  for (const suite of module.children.allSuites()) {
    for (const e of suiteErrors(suite)) errors.push({ where: suite.fullName, message: firstLine(e) });
  }
  return { file: module.relativeModuleId, project: module.project.name, state: module.state(), tests, errors };
}

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>, reason: string) {
    const path = process.env[REPORT_ENV];
    if (!path) throw new Error(`count-reporter: set ${REPORT_ENV} to the file the report goes to`);
    const report: CountReport = { reason, files: modules.map(countModule), unhandled: unhandled.map((e) => firstLine(e)) };
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(report, null, 2));
  }
}
