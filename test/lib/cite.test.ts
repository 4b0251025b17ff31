/** Citations: a stable release id from the manifest's sums, and a complete citation text. */
import { describe, expect, it } from 'vitest';
import { DATA_LICENCE, citationText, licenceText, releaseId } from '../../src/lib/cite.ts';

describe('releaseId', () => {
  it('same data, same id whatever the order; any change, another id', async () => {
    const a = [{ file: 'a.parquet', sha256: '11' }, { file: 'b.parquet', sha256: '22' }];
    const id = await releaseId(a);
    expect(id).toMatch(/^r-[0-9a-f]{12}$/);
    expect(await releaseId([...a].reverse())).toBe(id);
    expect(await releaseId([{ file: 'a.parquet', sha256: '11' }, { file: 'b.parquet', sha256: '23' }])).not.toBe(id);
    expect(await releaseId([])).toBe('');
  });
});

describe('citationText', () => {
  it('names title, site, release, period, link, sources and licence; marks the demo', () => {
    const text = citationText('id', {
      site: 'Atlas Stunting Kalimantan Timur', publisher: 'Atlas Stunting', title: 'Prevalensi stunting', url: 'https://contoh.invalid/prioritas/?period=2025-08',
      release: 'r-0123456789ab', latest: '2025-08', accessed: '2026-12-02', licence: 'kode MIT', sources: ['e-PPGBM', 'SSGI 2022'], demo: true,
    });
    expect(text).toBe('[DATA SINTETIS (contoh, bukan angka nyata)] Atlas Stunting. “Prevalensi stunting”. Atlas Stunting Kalimantan Timur, rilis data r-0123456789ab (data sampai Agustus 2025). https://contoh.invalid/prioritas/?period=2025-08 (diakses 2026-12-02). Sumber: e-PPGBM; SSGI 2022. Lisensi: kode MIT.');
  });
});

describe('data licence', () => {
  it('is defined once and named with its URL in both languages, beside the sources\' own terms', () => {
    expect(DATA_LICENCE.name).toBe('CC BY 4.0');
    expect(DATA_LICENCE.url).toBe('https://creativecommons.org/licenses/by/4.0/');
    for (const lang of ['id', 'en'] as const) {
      const text = licenceText(lang);
      expect(text).toContain(`${DATA_LICENCE.name} (${DATA_LICENCE.url})`);
      expect(text).toContain('ODbL');
      expect(text).not.toContain('{lisensi}');
    }
    expect(licenceText('id')).toMatch(/menurut sumber masing-masing/);
  });
});
