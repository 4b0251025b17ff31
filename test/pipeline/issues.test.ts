/**
 * The error catalogue (src/pipeline/issues.ts): one entry per kind of input problem, every entry
 * used, documented in docs/errors.md (generated), templates filled from named values.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillTemplate, IssueLog, issueCatalogueMarkdown, ISSUE_TYPES, templateNames } from '../../src/pipeline/issues.ts';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? sources(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));

describe('error catalogue', () => {
  it('docs/errors.md is generated from the catalogue (run `npm run docs` after changing it)', () => {
    expect(readFileSync('docs/errors.md', 'utf8')).toBe(`${issueCatalogueMarkdown()}\n`);
  });

  it('identifiers are lower-case words joined by hyphens; every entry has a title, a message and a fix', () => {
    for (const [id, t] of Object.entries(ISSUE_TYPES)) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(t.title && t.message && t.fix).toBeTruthy();
    }
  });

  it('every entry is reported somewhere in the build step or the boundary import (no dead entries)', () => {
    const code = [...sources('src/pipeline'), ...sources('src/boundaries')].filter((f) => !f.endsWith('issues.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const id of Object.keys(ISSUE_TYPES)) expect(code, id).toContain(`'${id}'`);
  });

  it('templates are filled from named values; a missing value stays visible', () => {
    expect(fillTemplate('"{field}" is negative ({value})', { field: 'sasaran', value: -1 })).toBe('"sasaran" is negative (-1)');
    expect(fillTemplate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(templateNames(ISSUE_TYPES['unknown-programme'].fix)).toEqual(['codes', 'lists']);
  });

  it('a report carries its type, severity and place; lines and JSON lines agree', () => {
    const log = new IssueLog(2);
    log.report('negative-count', 'raw/program/a.csv', { line: 3, column: 4 }, { field: 'sasaran', value: '-1' });
    log.report('no-rows', 'raw/sasaran/s.csv', { line: 1 });
    for (let i = 0; i < 4; i++) log.report('invalid-haz', 'raw/eppgbm/a.csv', { line: 10 + i, column: 26 }, { shown: '', hint: 'a number' });
    expect(log.issues.map((i) => [i.type, i.severity])).toEqual([['negative-count', 'error'], ['no-rows', 'warning'], ['invalid-haz', 'error'], ['invalid-haz', 'error']]);
    expect(log.lines()[2]).toBe('raw/program/a.csv:3:4: "sasaran" is negative (-1) — counts cannot be below zero: correct the value');
    const json = log.jsonLines().map((l) => JSON.parse(l));
    expect(json[2]).toEqual({ file: 'raw/program/a.csv', line: 3, column: 4, type: 'negative-count', severity: 'error', message: '"sasaran" is negative (-1)', fix: 'counts cannot be below zero: correct the value' });
    expect(json.at(-1)).toMatchObject({ file: 'raw/eppgbm/a.csv', line: null, type: 'invalid-haz', more: 2 });
    expect(log.hasErrors).toBe(true);
  });
});
