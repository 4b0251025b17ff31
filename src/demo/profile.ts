import { provinceAreas } from './gazetteer.ts';
import { Rng } from './prng.ts';

/**
 * What the demo of one province needs beyond its areas: which regency reports village counts
 * instead of by-name rows, the routine-data trend of each regency, the measurement rounds, the
 * old village spellings that need a crosswalk, and which offices save files from Excel.
 * Kalimantan Timur's profile follows what its offices published; any other province gets a
 * profile of the same shape drawn from its own regencies (same code, same profile).
 */

export type PeriodKind = 'timbang' | 'serentak' | 'lain';

export interface Period {
  periode: string; // YYYY-MM
  y: number;
  m: number;
  kind: PeriodKind;
  /** Regencies measured in this round (null = all). */
  regencies: string[] | null;
  /** Regencies whose by-name export of this round is in the demo (null = all measured). */
  byName: string[] | null;
}

export interface DemoProfile {
  /** Two-digit province code. */
  province: string;
  /** Province name as written in the exports' "Prov" column (title case; files vary the case). */
  provinceName: string;
  /** The regency that reports aggregated village counts instead of by-name rows. */
  aggregatedRegency: string;
  /**
   * Routine-data prevalence (fraction) at February 2023 and its change per year, by regency
   * (regencies not listed: 13%, -0.8 points a year).
   */
  trend: Record<string, [number, number]>;
  /** Measurement rounds in time order. */
  periods: Period[];
  /** Village names as an older export spells them (need reference/crosswalk.csv): code -> spelling. */
  oldSpellings: Record<string, string>;
  /** Regency-month files saved from Excel (semicolon, BOM, CRLF): "64.07|2024-08". */
  excelFiles: string[];
  /** The office writing DD/MM/YYYY dates in one year, and the one writing decimal commas in another. */
  dmyHabit: { regency: string; year: number };
  decimalCommaHabit: { regency: string; year: number };
}

/** The weighing rounds every province has: February and August (bulan timbang). */
const round = (periode: string, kind: PeriodKind, regencies: string[] | null = null, byName: string[] | null = null): Period => {
  const [y, m] = periode.split('-').map(Number);
  return { periode, y, m, kind, regencies, byName };
};

/**
 * Kalimantan Timur: Mahakam Ulu reports aggregated village counts; June 2024 was the national
 * measurement drive (intervensi serentak), of which five regencies' by-name exports are in the
 * demo; Samarinda published a November 2023 round. Trends are below the SKI 2023 survey figures
 * (e-PPGBM typically reports 8-18%), mostly declining; Mahakam Ulu rises a little (as its own
 * reports did in 2024-2025).
 */
const KALTIM: DemoProfile = {
  province: '64',
  provinceName: 'Kalimantan Timur',
  aggregatedRegency: '64.11',
  trend: {
    '64.01': [0.135, -0.012], // Paser (SKI 2023: 22.4)
    '64.02': [0.11, -0.01], // Kutai Kartanegara (17.6)
    '64.03': [0.13, -0.006], // Berau (23.0)
    '64.07': [0.12, -0.005], // Kutai Barat (22.0)
    '64.08': [0.175, -0.01], // Kutai Timur (29.0)
    '64.09': [0.13, -0.009], // Penajam Paser Utara (24.6)
    '64.11': [0.105, 0.008], // Mahakam Ulu
    '64.71': [0.115, -0.004], // Balikpapan (21.6)
    '64.72': [0.13, -0.008], // Samarinda (24.4)
    '64.74': [0.17, -0.015], // Bontang (27.4)
  },
  periods: [
    round('2023-02', 'timbang'),
    round('2023-08', 'timbang'),
    round('2023-11', 'lain', ['64.72']),
    round('2024-02', 'timbang'),
    round('2024-06', 'serentak', null, ['64.01', '64.08', '64.09', '64.71', '64.74']),
    round('2024-08', 'timbang'),
    round('2025-02', 'timbang'),
    round('2025-08', 'timbang'),
  ],
  oldSpellings: {
    '64.72.08.1002': 'Sei Pinang Dalam', // Sungai Pinang Dalam, Samarinda
    '64.03.05.1004': 'Tanjung Redep', // Tanjung Redeb, Berau
    '64.72.02.1003': 'Masjid', // Mesjid, Samarinda Seberang
  },
  excelFiles: ['64.07|2024-08', '64.74|2025-02'],
  dmyHabit: { regency: '64.02', year: 2023 },
  decimalCommaHabit: { regency: '64.01', year: 2024 },
};

const cache = new Map<string, DemoProfile>();

/** The demo profile of a province (two-digit code). */
export function demoProfile(province: string): DemoProfile {
  if (province === KALTIM.province) return KALTIM;
  let p = cache.get(province);
  if (!p) cache.set(province, (p = derivedProfile(province)));
  return p;
}

/**
 * A profile of the same shape for any other province, from its regencies in code order: the last
 * kabupaten reports village counts, the first city (else the first regency) has an extra round,
 * every other regency's June 2024 export is included, trends are drawn per regency.
 */
function derivedProfile(province: string): DemoProfile {
  const areas = provinceAreas(province);
  if (areas.provinces.length === 0) throw new Error(`province ${province} is not in idn-area-data`);
  const codes = areas.regencies.map((r) => r.code);
  if (codes.length === 0) throw new Error(`province ${province} has no regencies in idn-area-data`);
  const kabupaten = areas.regencies.filter((r) => !r.isKota).map((r) => r.code);
  const kota = areas.regencies.filter((r) => r.isKota).map((r) => r.code);
  const trend: Record<string, [number, number]> = {};
  for (const code of codes) {
    const rng = new Rng(0, 'profil', code);
    trend[code] = [Math.round(rng.uniform(0.1, 0.18) * 1000) / 1000, Math.round(rng.uniform(-0.014, 0.004) * 1000) / 1000];
  }
  const extra = kota[0] ?? codes[0];
  return {
    province,
    provinceName: areas.provinces[0].name,
    aggregatedRegency: kabupaten.at(-1) ?? codes.at(-1)!,
    trend,
    periods: [
      round('2023-02', 'timbang'),
      round('2023-08', 'timbang'),
      round('2023-11', 'lain', [extra]),
      round('2024-02', 'timbang'),
      round('2024-06', 'serentak', null, codes.filter((_, i) => i % 2 === 0)),
      round('2024-08', 'timbang'),
      round('2025-02', 'timbang'),
      round('2025-08', 'timbang'),
    ],
    oldSpellings: {},
    excelFiles: [`${codes[Math.min(1, codes.length - 1)]}|2024-08`, `${codes.at(-1)}|2025-02`],
    dmyHabit: { regency: codes[Math.min(1, codes.length - 1)], year: 2023 },
    decimalCommaHabit: { regency: codes[0], year: 2024 },
  };
}
