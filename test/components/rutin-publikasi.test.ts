import { describe, expect, it } from 'vitest';
import { readPublikasi, sistemData } from '../../src/components/halaman/rutin-publikasi.ts';

describe('published routine figures: the data system column in English', () => {
  it('every value in the bundled reference reads in English (names stay), unchanged in Indonesian', () => {
    const values = [...new Set(readPublikasi().map((r) => r.sumber_data))];
    expect(values.length).toBeGreaterThan(5);
    for (const v of values) {
      const en = sistemData('en', v);
      expect(en.text, v).not.toMatch(/\b(tidak|disebut|diduga|pengukuran|serentak|bulanan|kasus|survei|pendataan|timbang|dokter|publikasi)\b/i);
      expect(sistemData('id', v)).toEqual({ text: v, lang: 'id' });
    }
    expect(sistemData('en', 'tidak disebut (diduga e-PPGBM)').text).toBe('not stated (probably e-PPGBM)');
    // a value with no known phrase stays as written, marked Indonesian
    expect(sistemData('en', 'laporan puskesmas')).toEqual({ text: 'laporan puskesmas', lang: 'id' });
  });
});
