/**
 * Stages of the build step that talk through DuckDB tables declare those tables in one place
 * (src/pipeline/tables.ts): every table created in src/pipeline and named in more than one module is
 * declared there.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as TABLES_MODULE from '../../src/pipeline/tables.ts';
import { SHARED_TABLES } from '../../src/pipeline/tables.ts';

const ROOT = join(import.meta.dirname, '../..');
const DIR = join(ROOT, 'src/pipeline');

function sources(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.ts')) files.set(relative(DIR, p), readFileSync(p, 'utf8'));
    }
  };
  walk(DIR);
  return files;
}

/** Declared names as patterns: `in_<kind>` matches in_anything. */
const declared = SHARED_TABLES.map((t) => new RegExp(`^${t.name.replace(/<[^>]+>/g, '[a-z_]+')}$`));
const isDeclared = (name: string) => declared.some((d) => d.test(name));

describe('shared DuckDB tables', () => {
  const files = sources();
  // names created anywhere: literal `CREATE ... TABLE name` and the literal prefix of a templated one (in_${kind.id})
  const created = new Map<string, string>();
  for (const [f, text] of files) {
    for (const m of text.matchAll(/CREATE (?:OR REPLACE )?(TEMP |TEMPORARY )?TABLE (?:IF NOT EXISTS )?([a-z_]+)(\$\{)?/g)) {
      if (m[1]) continue; // TEMP tables live for one stage
      created.set(m[3] ? `${m[2]}x` : m[2], f);
    }
  }

  it('finds the tables the build creates (so the check below has something to check)', () => {
    expect([...created.keys()]).toEqual(expect.arrayContaining(['gizi_desa', 'sasaran_desa', 'bn_desa_bulan', 'in_x']));
  });

  it('every table created in one module and named in another is declared in tables.ts', () => {
    const undeclared: string[] = [];
    for (const [name, creator] of created) {
      if (name.endsWith('_x')) {
        if (!isDeclared(name)) undeclared.push(`${name.replace(/x$/, '<...>')} (created in ${creator})`);
        continue;
      }
      const users = [...files].filter(([, text]) => new RegExp(`\\b${name}\\b`).test(text)).map(([f]) => f);
      if (users.length > 1 && !isDeclared(name)) undeclared.push(`${name} (created in ${creator}, named in ${users.join(', ')})`);
    }
    expect(undeclared).toEqual([]);
  });

  it('the declarations name real tables: each declared name is created somewhere, by name or through its constant', () => {
    for (const t of SHARED_TABLES.filter((s) => !s.name.includes('<'))) {
      const constant = Object.entries(TABLES_MODULE).find(([, v]) => v === t.name)?.[0];
      const made = [...files].some(([f, text]) => f !== 'tables.ts' && (text.includes(`TABLE ${t.name}`) || (constant !== undefined && text.includes(`TABLE \${${constant}}`))));
      expect(made, t.name).toBe(true);
    }
  });
});
