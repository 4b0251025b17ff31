import type { Tingkat } from '../schema.ts';

/** Kemendagri code helpers. Codes are text: 6474011003 exceeds 32-bit integers. */

const LEVEL_BY_DIGITS: Record<number, Tingkat> = { 2: 'provinsi', 4: 'kabupaten_kota', 6: 'kecamatan', 10: 'desa_kelurahan' };

/** `64.74.01.1003`, `6474011003` or ` 64.74.01.1003 ` -> `64.74.01.1003`; null when not a code. */
export function dottedCode(raw: string): string | null {
  const digits = raw.trim().replace(/\./g, '');
  if (!/^\d+$/.test(digits) || !(digits.length in LEVEL_BY_DIGITS)) return null;
  const parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6)].filter(Boolean);
  return parts.join('.');
}

export function levelOfCode(code: string): Tingkat | null {
  return LEVEL_BY_DIGITS[code.replace(/\./g, '').length] ?? null;
}

export function parentCode(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

/** Kabupaten or Kota from the regency code (71+ are cities); Desa (2xxx) or Kelurahan (1xxx). */
export function jenisOfCode(code: string): string {
  const parts = code.split('.');
  switch (parts.length) {
    case 1: return 'Provinsi';
    case 2: return Number(parts[1]) >= 71 ? 'Kota' : 'Kabupaten';
    case 3: return 'Kecamatan';
    default: return parts[3].startsWith('1') ? 'Kelurahan' : 'Desa';
  }
}
