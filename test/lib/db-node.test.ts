import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { createNodeConnector, type NodeConnector } from '../../src/lib/db/node.ts';
import { toPlain, sqlString } from '../../src/lib/db/connector.ts';

// A throw-away Parquet file in a temp dir (never in the repository).
let dir: string;
let conn: NodeConnector;
const warnings: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-db-'));
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  await c.run(`COPY (SELECT * FROM (VALUES ('64.08', 'kabupaten_kota', '2024-02', 120::BIGINT, 30::BIGINT, NULL::DOUBLE),
                                          ('64.72', 'kabupaten_kota', '2024-02', 3000000000::BIGINT, 10::BIGINT, 12.5))
                 t(kode_wilayah, tingkat, periode, jumlah_balita_diukur, jumlah_balita_stunting, prevalensi_stunting))
               TO ${sqlString(join(dir, 'gizi_balita.parquet'))} (FORMAT parquet, COMPRESSION zstd)`);
  c.closeSync();
  inst.closeSync();
  conn = await createNodeConnector({ dataDir: dir, warn: (m) => warnings.push(m) });
});

afterAll(() => {
  conn?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('node connector', () => {
  it('registers existing files as views and warns about missing ones', () => {
    expect(conn.tables).toEqual(['gizi_balita']);
    expect(warnings.some((w) => w.includes('wilayah'))).toBe(true);
  });

  it('returns plain numbers for BIGINT and HUGEINT, keeps NULL as null', async () => {
    const rows = await conn.query(`SELECT kode_wilayah, jumlah_balita_diukur AS n, prevalensi_stunting AS p
                                   FROM gizi_balita ORDER BY kode_wilayah`);
    expect(rows).toEqual([
      { kode_wilayah: '64.08', n: 120, p: null },
      { kode_wilayah: '64.72', n: 3000000000, p: 12.5 },
    ]);
    const [sum] = await conn.query<{ s: unknown }>('SELECT sum(jumlah_balita_stunting) AS s FROM gizi_balita');
    expect(sum.s).toBe(40);
  });

  it('runs concurrent queries safely', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => conn.query(`SELECT ${i} AS i, count(*) AS n FROM gizi_balita`)));
    expect(results.map((r) => r[0])).toEqual(Array.from({ length: 8 }, (_, i) => ({ i, n: 2 })));
  });

  it('rejects a bad query without breaking the next one', async () => {
    await expect(conn.query('SELECT * FROM nope')).rejects.toThrow(/nope/);
    expect(await conn.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('never downloads extensions', async () => {
    await expect(conn.query("SELECT * FROM read_json('x.json')")).rejects.toThrow();
    const [s] = await conn.query<{ v: string }>("SELECT current_setting('autoinstall_known_extensions')::VARCHAR AS v");
    expect(s.v).toBe('false');
  });
});

describe('toPlain', () => {
  it('converts nested bigints and refuses unsafe ones', () => {
    expect(toPlain({ a: 1n, b: [2n, null], c: 'x' })).toEqual({ a: 1, b: [2, null], c: 'x' });
    expect(() => toPlain(2n ** 60n)).toThrow(RangeError);
  });
});
