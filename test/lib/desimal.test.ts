import { describe, expect, it } from 'vitest';
import { desimalIndonesia } from '../../src/lib/i18n.ts';

describe('desimalIndonesia', () => {
  it('writes decimals with a comma and keeps thousands separators and addresses', () => {
    expect(desimalIndonesia('DPPKB Kutim menyebut 20.6, diduga pendek; 6.3 sangat pendek + 20.6 pendek')).toBe('DPPKB Kutim menyebut 20,6, diduga pendek; 6,3 sangat pendek + 20,6 pendek');
    expect(desimalIndonesia('setara 1.219 anak dari 10.047 balita; 12.04 persen')).toBe('setara 1.219 anak dari 10.047 balita; 12,04 persen');
    expect(desimalIndonesia('kaltim.antaranews.com/berita/3765135 (2024)')).toBe('kaltim.antaranews.com/berita/3765135 (2024)');
    expect(desimalIndonesia('Kepmendagri 300.2.2-2138/2025')).toBe('Kepmendagri 300.2.2-2138/2025');
  });
});
