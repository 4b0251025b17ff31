import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataDictionaryMarkdown } from '../../src/lib/data-dictionary.ts';
import { TABLES } from '../../src/lib/schema.ts';

describe('data dictionary', () => {
  it('docs/data-dictionary.md is generated from the schema (run `npm run docs` after changing it)', () => {
    expect(readFileSync('docs/data-dictionary.md', 'utf8')).toBe(`${dataDictionaryMarkdown()}\n`);
  });
  it('documents every column of every published table in both languages', () => {
    const md = dataDictionaryMarkdown();
    for (const t of Object.values(TABLES)) {
      expect(md).toContain(`## \`${t.file}\``);
      for (const c of t.columns) expect(md).toContain(`| \`${c.name}\` | ${c.type} | ${c.en} | ${c.id} |`);
    }
  });
});
