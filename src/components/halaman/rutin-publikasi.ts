/**
 * Routine figures that offices and officials have published (data/reference/rutin_dipublikasikan.csv),
 * cited as published statements: each row stands alone, never summed or averaged.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';

export interface Publikasi {
  kode_wilayah: string;
  nama_wilayah: string;
  sumber_data: string;
  periode: string;
  jumlah_balita_diukur: number | null;
  jumlah_balita_stunting: number | null;
  prevalensi_stunting: number | null;
  /** Decimals as published (11.55 keeps two). */
  prevalensi_digits: number;
  sumber: string;
  catatan: string;
}

const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : Number(v));

export function readPublikasi(path = resolve('data/reference/rutin_dipublikasikan.csv')): Publikasi[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${path}: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data.map((r) => ({
    kode_wilayah: r.kode_wilayah ?? '',
    nama_wilayah: r.nama_wilayah ?? '',
    sumber_data: r.sumber_data ?? '',
    periode: r.periode ?? '',
    jumlah_balita_diukur: num(r.jumlah_balita_diukur),
    jumlah_balita_stunting: num(r.jumlah_balita_stunting),
    prevalensi_stunting: num(r.prevalensi_stunting),
    prevalensi_digits: (r.prevalensi_stunting ?? '').split('.')[1]?.length ?? 0,
    sumber: r.sumber ?? '',
    catatan: r.catatan ?? '',
  }));
}

/**
 * English for the "data system (as stated)" column: the project's own classification of each
 * statement is written in Indonesian in the reference file; on English pages its words are
 * translated phrase by phrase (names such as "Aksi Bangda Kemendagri" stay). A value with no
 * known phrase is returned unchanged and marked Indonesian.
 */
const SISTEM_EN: readonly [RegExp, string][] = [
  [/tidak disebut/gi, 'not stated'],
  [/konteks paragraf EPPGBM/gi, 'paragraph context: e-PPGBM'],
  [/\bdiduga\b/gi, 'probably'],
  [/Operasi timbang serentak/gi, 'simultaneous weighing drive'],
  [/Operasi timbang/gi, 'weighing drive'],
  [/diverifikasi dokter anak/gi, 'verified by paediatricians'],
  [/Intervensi serentak/gi, 'simultaneous measurement drive'],
  [/pengukuran Posyandu/gi, 'posyandu measurement'],
  [/pengukuran rutin Dinkes/gi, 'routine health office measurement'],
  [/publikasi data stunting/gi, 'published stunting data'],
  [/analisis pengukuran data stunted/gi, 'analysis of stunting measurements'],
  [/publikasi (Aksi \d+)/gi, '$1 publication'],
  [/data Dinkes/gi, 'health office data'],
  [/\bbulanan\b/gi, 'monthly'],
  [/survei manual/gi, 'manual survey'],
  [/pendataan kabupaten/gi, 'regency data collection'],
  [/data kasus/gi, 'case data'],
];

export function sistemData(lang: 'id' | 'en', text: string): { text: string; lang?: 'id' } {
  if (lang === 'id') return { text, lang: 'id' };
  let out = text;
  for (const [re, en] of SISTEM_EN) out = out.replace(re, en);
  if (out === text && !/^e-?PPGBM$/i.test(text)) return { text, lang: 'id' };
  return { text: out };
}
