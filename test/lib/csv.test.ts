/** CSV for spreadsheets: formula-looking text neutralised, numbers (negative too) left as numbers. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { safeText, toCsv } from '../../src/lib/csv.ts';

describe('toCsv', () => {
  it('neutralises text that starts like a formula, keeps numbers as numbers', () => {
    const csv = toCsv(
      ['nama', 'nilai'],
      [
        ['=HYPERLINK("http://x","klik")', -2.5],
        ['+62 811', 0],
        ['-Program lama', -12],
        ['@SUM(A1)', 12.65],
        ['\tTab', null],
        ['Posyandu Melati', 79.71],
      ],
    );
    const rows = Papa.parse<string[]>(csv.trim()).data;
    expect(rows[0]).toEqual(['nama', 'nilai']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([`'=HYPERLINK("http://x","klik")`, "'+62 811", "'-Program lama", "'@SUM(A1)", "'\tTab", 'Posyandu Melati']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['-2.5', '0', '-12', '12.65', '', '79.71']);
    expect(csv.endsWith('\n')).toBe(true);
  });
  it('missing is empty, never 0; a byte-order mark only when asked', () => {
    expect(toCsv(['a'], [[null], [undefined], [Number.NaN]])).toBe('a\n\n\n\n');
    expect(toCsv(['a'], [['x']], { bom: true }).startsWith('\uFEFFa')).toBe(true);
  });
  it('safeText is the same rule for other writers', () => {
    expect(safeText('=1+1')).toBe("'=1+1");
    expect(safeText('64.10')).toBe('64.10');
  });
});
