/**
 * Finding the code and name fields of a boundary file a user brings (BIG/Kemendagri exports,
 * cahyadsn/wilayah_boundaries, HDX/OCHA, hand-made files): by known names first, then by content.
 */
import { dottedCode } from '../lib/domain/wilayah.ts';

/** Known code field names, most specific first (lower case; matched case-insensitively). */
export const CODE_FIELDS = [
  'kode', 'kode_wilayah', 'kode_desa', 'kode_kel', 'kode_kec', 'kode_kab', 'kode_kabkot', 'kode_prov',
  'kdepum', 'kdcpum', 'kdpkab', 'kdppum', 'kd_desa', 'kd_kec', 'kd_kab', 'kd_prov',
  'code', 'adm4_pcode', 'adm3_pcode', 'adm2_pcode', 'adm1_pcode', 'id', 'kode_bps',
] as const;

/** Known name field names (lower case). */
export const NAME_FIELDS = [
  'nama', 'nama_wilayah', 'nama_desa', 'nama_kel', 'nama_kec', 'nama_kab', 'nama_kabkot', 'namobj',
  'wadmkd', 'wadmkc', 'wadmkk', 'wadmpr', 'name', 'adm4_en', 'adm3_en', 'adm2_en', 'adm1_en', 'shapename', 'desa', 'kecamatan',
] as const;

/**
 * A code as written in the file → dotted Kemendagri code, or null. Accepts dotted or plain
 * digits (`64.74.01.1003`, `6474011003`), numbers, and OCHA p-codes with an `ID` prefix.
 */
export function normaliseCode(raw: unknown): string | null {
  if (typeof raw === 'number' && Number.isInteger(raw)) raw = String(raw);
  if (typeof raw !== 'string') return null;
  const s = raw.trim().replace(/^ID(?=\d)/i, '');
  return dottedCode(s);
}

export interface DetectedFields {
  code: string;
  name: string | null;
}

export interface FieldDetectionError {
  error: string;
  fields: string[];
}

/**
 * Picks the code field: among fields whose values are codes for at least 90 % of the features,
 * the one that tells most areas apart (a village file from BIG carries the province, regency,
 * district and village codes on every polygon: the village code is the one with most distinct
 * values), known names breaking ties. The name field is the first known name present.
 */
export function detectFields(props: readonly Record<string, unknown>[]): DetectedFields | FieldDetectionError {
  const keys = [...new Set(props.flatMap((p) => Object.keys(p ?? {})))];
  const rank = (k: string, list: readonly string[]) => {
    const i = list.indexOf(k.toLowerCase());
    return i < 0 ? list.length : i;
  };
  const scored = keys
    .map((key) => {
      const codes = props.map((p) => normaliseCode(p?.[key]));
      const valid = codes.filter(Boolean).length;
      return { key, share: props.length ? valid / props.length : 0, distinct: new Set(codes.filter(Boolean)).size };
    })
    .filter((s) => s.share >= 0.9 && s.distinct > 0)
    .sort((a, b) => b.distinct - a.distinct || rank(a.key, CODE_FIELDS) - rank(b.key, CODE_FIELDS));
  if (!scored.length) {
    const known = keys.find((k) => rank(k, CODE_FIELDS) < CODE_FIELDS.length);
    return {
      error: known
        ? `field "${known}" does not hold Kemendagri codes (e.g. 64.74.01.1003 or 6474011003) for most features`
        : 'no field with Kemendagri area codes',
      fields: keys,
    };
  }
  const name = keys
    .filter((k) => rank(k, NAME_FIELDS) < NAME_FIELDS.length && props.some((p) => typeof p?.[k] === 'string' && (p[k] as string).trim()))
    .sort((a, b) => rank(a, NAME_FIELDS) - rank(b, NAME_FIELDS))[0] ?? null;
  return { code: scored[0]!.key, name };
}
