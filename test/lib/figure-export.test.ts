/** Numbers as the page shows them, back to numbers for the CSV behind a chart. */
import { describe, expect, it } from 'vitest';
import { parseShown, wrap } from '../../src/lib/figure-export.ts';

describe('parseShown', () => {
  it('Indonesian: dot groups thousands, comma is the decimal', () => {
    expect(parseShown('1.234', 'id')).toBe(1234);
    expect(parseShown('12,5%', 'id')).toBe(12.5);
    expect(parseShown('-0,7 poin persen', 'id')).toBe(-0.7);
    expect(parseShown('+1,5 poin persen', 'id')).toBe(1.5);
    expect(parseShown('1.234.567', 'id')).toBe(1234567);
  });
  it('English: comma groups thousands, point is the decimal', () => {
    expect(parseShown('1,234', 'en')).toBe(1234);
    expect(parseShown('12.5%', 'en')).toBe(12.5);
    expect(parseShown('−2.1 percentage points', 'en')).toBe(-2.1);
  });
  it('missing stays missing, codes and text stay text', () => {
    expect(parseShown('–', 'id')).toBeNull();
    expect(parseShown('tidak ada data', 'id')).toBeNull();
    expect(parseShown('64.10', 'id')).toBe('64.10');
    expect(parseShown('64.10', 'en')).toBe(64.1); // English page: a decimal (codes are never in number cells there)
    expect(parseShown('Kabupaten Paser', 'id')).toBe('Kabupaten Paser');
    expect(parseShown('2024-08', 'id')).toBe('2024-08');
  });
});

describe('wrap', () => {
  it('breaks long captions into lines that fit', () => {
    const lines = wrap('Sumber: e-PPGBM, Agustus 2025. Prevalensi = balita stunting / balita diukur; n = balita diukur (penyebut).', 300, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(Math.floor(300 / (12 * 0.55)));
  });
});
