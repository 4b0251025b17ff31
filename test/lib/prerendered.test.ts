import { describe, expect, it } from 'vitest';
import { decodeRows, encodeRows, replayConnector, sqlKey, VIEW_FORMAT, type ViewFile } from '../../src/lib/db/prerendered.ts';
import type { Connector } from '../../src/lib/db/connector.ts';
import { perbandinganSql, periodeRutinSql, trenSql } from '../../src/lib/queries/index.ts';

describe('sqlKey', () => {
  it('is stable across runs and differs for every query of a page family', () => {
    expect(sqlKey('')).toBe('wvjl67o803'); // pinned: a change of the function is a change of format
    expect(sqlKey('SELECT 1')).toBe(sqlKey('SELECT 1'));
    const sqls = new Set<string>();
    for (const periode of ['2023-02', '2023-08', '2024-02', '2024-08', '2025-02', '2025-08']) {
      for (const induk of ['64', '64.01', '64.02', '64.08', '64.08.01']) sqls.add(perbandinganSql({ induk, periode }));
    }
    sqls.add(periodeRutinSql());
    for (const kode of ['64', '64.08', '64.08.01', '64.08.01.2001']) sqls.add(trenSql({ kode }));
    expect(new Set([...sqls].map(sqlKey)).size).toBe(sqls.size);
  });
});

describe('encodeRows / decodeRows', () => {
  it('round-trips rows through JSON, keeping null (never 0) and column order', () => {
    const rows = [
      { kode_wilayah: '64.08', prevalensi: 21.5, stunting: 1234, ditekan: false },
      { kode_wilayah: '64.11', prevalensi: null, stunting: null, ditekan: true },
    ];
    const back = decodeRows(JSON.parse(JSON.stringify(encodeRows(rows))));
    expect(back).toEqual(rows);
    expect(Object.keys(back[0] as object)).toEqual(Object.keys(rows[0]!));
    expect(encodeRows([])).toEqual({ c: [], d: [] });
  });
});

describe('replayConnector', () => {
  const file: ViewFile = { v: VIEW_FORMAT, q: { [sqlKey('SELECT a')]: encodeRows([{ a: 1 }]) } };

  it('answers SQL in the file without the fallback, with the same array each time', async () => {
    const conn = replayConnector(file);
    const first = await conn.query('SELECT a');
    expect(first).toEqual([{ a: 1 }]);
    expect(await conn.query('SELECT a')).toBe(first);
    expect(conn.misses).toEqual([]);
  });

  it('sends other SQL to the fallback and records it; without a fallback it names the query', async () => {
    const asked: string[] = [];
    const fallback: Connector = { query: async <T,>(sql: string) => (asked.push(sql), [{ b: 2 }] as T[]) };
    const conn = replayConnector(file, fallback);
    expect(await conn.query('SELECT b')).toEqual([{ b: 2 }]);
    expect(asked).toEqual(['SELECT b']);
    expect(conn.misses).toEqual(['SELECT b']);
    await expect(replayConnector(file).query('SELECT b')).rejects.toThrow(/not prerendered: SELECT b/);
  });

  it('refuses a file of another format', () => {
    expect(() => replayConnector({ v: 2, q: {} } as unknown as ViewFile)).toThrow(/format 2/);
  });
});

describe('encodeRows keeps fractions to 6 decimals', () => {
  it('rounds long fractions, keeps integers and text as they are', () => {
    const { d } = encodeRows([{ a: 1.9810152703260422, b: 6474011003, c: '9810152703260422', e: -0.12345649 }]);
    expect(d[0]).toEqual([1.981015, 6474011003, '9810152703260422', -0.123456]);
  });
});
