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
  it('English descriptions explain the Indonesian code values they name (the data page and the SQL console show them)', () => {
    const codes = ['nasional', 'provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan', 'anak', 'keluarga', 'orang'];
    for (const t of Object.values(TABLES)) {
      for (const c of t.columns) {
        for (const code of codes) {
          if (new RegExp(`(^|[\\s:,])${code}([\\s,]|$)`).test(c.en)) expect(c.en, `${t.name}.${c.name}`).toMatch(new RegExp(`${code} \\([a-zA-Z/ ]+\\)`));
        }
      }
    }
  });
});
