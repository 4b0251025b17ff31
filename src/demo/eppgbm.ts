import { join } from 'node:path';
import { CsvFileWriter, type CsvDialect } from './csv.ts';
import { dmyDate, isoDate, usiaText } from './dates.ts';
import { bareRegencyName, type Regency } from './gazetteer.ts';
import { bbtbLabel, bbuLabel, tbuLabel } from './growth.ts';
import type { Measurement, Period, VillageModel } from './model.ts';
import { Rng } from './prng.ts';
import { demoProfile, type DemoProfile } from './profile.ts';

/**
 * e-PPGBM by-name exports (one row per measurement), one file per regency and month, written the
 * way real exports vary: comma or semicolon (with BOM and CRLF, as Excel saves them), ISO or
 * DD/MM/YYYY dates, decimal point or comma, upper-case or title-case names, "KAB." or "Kabupaten".
 */

export const EPPGBM_HEADER = [
  'NIK', 'Nama', 'JK', 'Tgl Lahir', 'BB Lahir', 'TB Lahir', 'Nama Ortu', 'Prov', 'Kab/Kota', 'Kec', 'Pukesmas',
  'Desa/Kel', 'Posyandu', 'RT', 'RW', 'Alamat', 'Usia Saat Ukur', 'Tanggal Pengukuran', 'Berat', 'Tinggi', 'Cara Ukur',
  'LiLA', 'BB/U', 'ZS BB/U', 'TB/U', 'ZS TB/U', 'BB/TB', 'ZS BB/TB', 'Naik Berat Badan', 'PMT Diterima (kg)', 'Jml Vit A',
  'KPSP', 'KIA', 'Detail',
] as const;

/**
 * Village names as an older export of Kalimantan Timur spells them (the build step needs
 * reference/crosswalk.csv for these): code -> the spelling used. Other provinces: their profile's.
 */
export const OLD_SPELLINGS: Readonly<Record<string, string>> = demoProfile('64').oldSpellings;

export interface FileStyle {
  dialect: CsvDialect;
  dmy: boolean; // DD/MM/YYYY dates
  decimalComma: boolean;
  upper: boolean; // area and person names in capitals
  prov: string;
  kab: string;
}

export function fileStyle(seed: number, profile: DemoProfile, regency: Regency, p: Period): FileStyle {
  const habit = new Rng(seed, 'gaya', regency.code, p.y); // an office keeps its habits for a year
  const file = new Rng(seed, 'gaya-file', regency.code, p.periode);
  // files saved from Excel: a semicolon, a BOM and CRLF line endings
  const excel = profile.excelFiles.includes(`${regency.code}|${p.periode}`);
  const dmy = (regency.code === profile.dmyHabit.regency && p.y === profile.dmyHabit.year) || habit.chance(0.2);
  const decimalComma = excel || (regency.code === profile.decimalCommaHabit.regency && p.y === profile.decimalCommaHabit.year) || habit.chance(0.15);
  const prov = profile.provinceName;
  const upper = file.chance(0.8);
  const bare = bareRegencyName(regency);
  const kabStyles = regency.isKota
    ? [`KOTA ${bare.toUpperCase()}`, `KOTA ${bare.toUpperCase()}`, regency.name]
    : [`KAB. ${bare.toUpperCase()}`, `KAB. ${bare.toUpperCase()}`, `KABUPATEN ${bare.toUpperCase()}`, regency.name, `KAB ${bare.toUpperCase()}`];
  return {
    dialect: excel ? { delimiter: ';', eol: '\r\n', bom: true } : { delimiter: ',', eol: '\n', bom: false },
    dmy,
    decimalComma,
    upper,
    prov: file.chance(0.85) ? prov.toUpperCase() : file.chance(0.5) ? prov : `PROV. ${prov.toUpperCase()}`,
    kab: file.pick(kabStyles),
  };
}

export function fileName(regency: Regency, p: Period): string {
  return `eppgbm_${regency.code.replace('.', '')}_${p.periode}.csv`;
}

/** Writes one regency-month file; villages are added in code order. */
export class ByNameFile {
  private w: CsvFileWriter;
  private style: FileStyle;
  private rng: Rng;
  private p: Period;
  private oldSpellings: Readonly<Record<string, string>>;

  constructor(dir: string, seed: number, profile: DemoProfile, regency: Regency, p: Period) {
    this.style = fileStyle(seed, profile, regency, p);
    this.oldSpellings = profile.oldSpellings;
    this.rng = new Rng(seed, 'tulis', regency.code, p.periode);
    this.p = p;
    this.w = new CsvFileWriter(join(dir, fileName(regency, p)), EPPGBM_HEADER, this.style.dialect);
  }

  add(v: VillageModel, rows: Measurement[]): void {
    const s = this.style;
    const rng = this.rng;
    const date = s.dmy ? dmyDate : isoDate;
    const num = (x: number, digits: number) => (s.decimalComma ? x.toFixed(digits).replace('.', ',') : x.toFixed(digits));
    const numOpt = (x: number) => (Number.isInteger(x) ? String(x) : num(x, 1));
    const old = this.oldSpellings[v.village.code];
    for (const m of rows) {
      const c = m.child;
      // the old spelling: always in 2023, in a third of the rows later (one posyandu kept the old list)
      const desaName = old && (this.p.y === 2023 || c.posyandu === 0) ? old : v.village.name;
      const tinggi = m.heightMissing ? '' : num(m.height, 1);
      const zsTbu = m.heightMissing || !m.hazShown ? '' : num(m.haz, 2);
      this.w.row([
        c.nik,
        s.upper ? c.name.toUpperCase() : c.name,
        c.sex,
        date(c.born),
        num(c.bbLahir, 1),
        numOpt(c.tbLahir),
        s.upper ? c.ortu.toUpperCase() : c.ortu,
        s.prov,
        s.kab,
        areaName(rng, v.district.name, s.upper, 'KEC. '),
        s.upper ? v.puskesmas.toUpperCase() : v.puskesmas,
        areaName(rng, desaName, s.upper, v.village.isKelurahan ? 'KEL. ' : 'DESA '),
        s.upper ? v.posyandu[c.posyandu].name.toUpperCase() : v.posyandu[c.posyandu].name,
        String(c.rt).padStart(3, '0'),
        String(c.rw).padStart(3, '0'),
        c.alamat,
        usiaText(m.years, m.months, m.days),
        date(m.day),
        num(m.weight, 1),
        tinggi,
        m.heightMissing ? '' : m.ageMonths < 24 ? (rng.chance(0.04) ? 'Berdiri' : 'Terlentang') : rng.chance(0.02) ? 'Terlentang' : 'Berdiri',
        m.lila === null ? '' : num(m.lila, 1),
        bbuLabel(m.waz),
        num(m.waz, 2),
        m.heightMissing ? '' : tbuLabel(m.haz),
        zsTbu,
        m.heightMissing ? '' : bbtbLabel(m.whz),
        m.heightMissing ? '' : num(m.whz, 2),
        m.naik,
        m.pmt ? numOpt(m.pmt) : '0',
        String(m.vitA),
        m.kpsp,
        m.kia,
        '',
      ]);
    }
  }

  close(): { path: string; rows: number; bytes: number } {
    return this.w.close();
  }
}

/**
 * An area name as typed: capitals or as in the gazetteer, now and then with a double space, a
 * trailing space, a hyphen written as a space, or a "KEC." / "DESA" prefix. All of these still
 * match the gazetteer (case, spacing, punctuation and prefixes are ignored when matching).
 */
function areaName(rng: Rng, name: string, upper: boolean, prefix: string): string {
  let s = upper ? name.toUpperCase() : name;
  const r = rng.float();
  if (r < 0.006) s = s.replace(' ', '  ');
  else if (r < 0.012) s = `${s} `;
  else if (r < 0.016) s = s.includes('-') ? s.replace(/-/g, ' ') : s.replace(/['’]/g, '');
  else if (r < 0.02) s = `${upper ? prefix : prefix[0] + prefix.slice(1).toLowerCase()}${s}`;
  return s;
}
