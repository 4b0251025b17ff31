/**
 * One definition of the input rules for the build step and the browser's file check: the build's
 * readers take their SQL from src/pipeline/sql/ (by-name.ts, table-checks.ts, rules.ts), and the
 * file check imports the same modules; everything the browser page reaches (following value imports,
 * not type-only ones) is free of Node built-ins and of the native engine.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Value imports of a module (import type ... is erased; `import { type X }` alone as well). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?([^'"]*?)\s*(?:from\s+)?['"]([^'"]+)['"]/gm)) {
    if (m[1]) continue;
    const names = m[2] ?? '';
    const braces = /\{([^}]*)\}/.exec(names);
    const onlyTypes = braces && !names.replace(braces[0], '').replace(/[,\s]/g, '') && braces[1]!.split(',').every((n) => !n.trim() || n.trim().startsWith('type '));
    if (!onlyTypes) out.push(m[3]!);
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** Every module reachable by value imports from `entry`: local files and bare package names. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of valueImports(file)) {
      if (spec.startsWith('.')) walk(resolve(dirname(file), spec));
      else packages.add(spec);
    }
  };
  walk(resolve(entry));
  return { files, packages };
}

describe('shared input rules (build step and browser file check)', () => {
  it('the file check reaches no Node built-in, no native engine and no file-system module', () => {
    const { files, packages } = reach('src/client/periksa.ts');
    const rel = [...files].map((f) => f.slice(resolve('.').length + 1));
    expect(rel).toEqual(expect.arrayContaining(['src/pipeline/sql/by-name.ts', 'src/pipeline/sql/table-checks.ts', 'src/pipeline/sql/rules.ts', 'src/pipeline/issues.ts']));
    expect([...packages].filter((p) => p.startsWith('node:') || p.startsWith('@duckdb/node'))).toEqual([]);
    for (const bad of ['src/pipeline/duck.ts', 'src/pipeline/input-files.ts', 'src/pipeline/csv/prescan.ts', 'src/pipeline/gazetteer.ts', 'src/lib/db/node.ts']) expect(rel).not.toContain(bad);
  });

  it('the build readers take their SQL from the same modules (no copy)', () => {
    expect(valueImports('src/pipeline/readers/eppgbm.ts')).toContain('../sql/by-name.ts');
    expect(valueImports('src/pipeline/readers/table.ts')).toContain('../sql/table-checks.ts');
    // the classification and the aggregation are written once: only by-name.ts holds them
    const reader = readFileSync('src/pipeline/readers/eppgbm.ts', 'utf8');
    for (const marker of ['atlas_kelas_tbu(', 'atlas_usia_sah(', 'arg_max(', 'GROUPING SETS']) {
      expect(reader).not.toContain(marker);
      expect(readFileSync('src/pipeline/sql/by-name.ts', 'utf8')).toContain(marker);
    }
    const client = readFileSync(join('src', 'client', 'periksa.ts'), 'utf8') + readFileSync(join('src', 'components', 'alat', 'periksa.ts'), 'utf8');
    for (const marker of ['atlas_kelas_tbu(', 'arg_max(', 'GROUPING SETS', 'atlas_count(']) expect(client).not.toContain(marker);
  });
});
