/** The SQL console's check: reading statements pass, everything that writes or reaches out is refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkKonsolSql, konsolContoh } from '../../src/lib/queries/konsol.ts';
import { testDb, type TestDb } from './helpers.ts';

describe('checkKonsolSql', () => {
  it.each([
    'SELECT * FROM gizi_balita',
    'select 1;',
    "WITH x AS (SELECT 'update; drop' AS s) SELECT * FROM x",
    'FROM wilayah LIMIT 3',
    'DESCRIBE gizi_balita',
    'SUMMARIZE survei',
    '-- a comment: copy\nSELECT 42',
    'SELECT "set" FROM (SELECT 1 AS "set")',
  ])('accepts %s', (sql) => {
    const r = checkKonsolSql(sql);
    expect(r.ok, JSON.stringify(r)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['SELECT 1; SELECT 2', 'several'],
    ["COPY gizi_balita TO 'out.csv'", 'statement'],
    ["ATTACH 'x.db'", 'statement'],
    ['INSTALL httpfs', 'statement'],
    ['LOAD httpfs', 'statement'],
    ['SET enable_external_access = true', 'statement'],
    ['PRAGMA database_list', 'statement'],
    ['CREATE TABLE t AS SELECT 1', 'statement'],
    ['DELETE FROM wilayah', 'statement'],
    ['SELECT 1; DROP TABLE wilayah', 'several'],
    ["SELECT * FROM read_csv('data.csv')", 'function'],
    ["SELECT * FROM read_parquet('x.parquet')", 'function'],
    ["SELECT * FROM parquet_scan('x')", 'function'],
    ["SELECT * FROM glob('*')", 'function'],
    ["SELECT * FROM 'https://example.org/x.parquet'", 'url'],
    ["SELECT * FROM 'HTTP://example.org/x.csv'", 'url'],
    ["SELECT * FROM read_csv_auto('s3://bucket/x.csv')", 'url'],
    ["SELECT * FROM 'local.csv'", 'file'],
    ['CALL dbgen(sf=1)', 'statement'],
  ])('refuses %s (%s)', (sql, reason) => {
    const r = checkKonsolSql(sql);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });

  it('returns the statement without its trailing semicolon', () => {
    expect(checkKonsolSql('  SELECT 1 ;  ')).toEqual({ ok: true, sql: 'SELECT 1' });
  });
});

describe('konsolContoh', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await testDb({
      wilayah: [
        { kode_wilayah: '11.01', nama_wilayah: 'A', tingkat: 'kabupaten_kota', kode_induk: '11', jenis: 'Kabupaten' },
        { kode_wilayah: '11.01.01.2001', nama_wilayah: 'DESA', tingkat: 'desa_kelurahan', kode_induk: '11.01.01', jenis: 'Desa' },
      ],
      gizi_balita: [{ kode_wilayah: '11.01.01.2001', tingkat: 'desa_kelurahan', periode: '2024-08', jumlah_balita_diukur: 40, jumlah_balita_stunting: 9, prevalensi_stunting: 22.5 }],
    });
  });
  afterAll(() => db?.close());

  it('every example passes the check and runs', async () => {
    for (const c of konsolContoh({ kode: '11.01', nama: 'A' })) {
      const r = checkKonsolSql(c.sql);
      expect(r.ok, c.sql).toBe(true);
      await db.query(c.sql);
    }
    const [first] = konsolContoh({ kode: '11.01', nama: 'A' });
    expect(await db.query(first!.sql)).toMatchObject([{ nama_wilayah: 'DESA', jumlah_balita_stunting: 9n }]);
  });
});
