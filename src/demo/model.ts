import { ageParts, civil, dayNumber, daysInMonth } from './dates.ts';
import { provinceAreas, type District, type Regency, type Village } from './gazetteer.ts';
import { heightFor, normalCdf, weightFor, type Sex } from './growth.ts';
import { address, childName, motherName, posyanduNames } from './people.ts';
import { Rng } from './prng.ts';
import { demoProfile, type DemoProfile, type Period } from './profile.ts';
import { DEFAULT_PROVINCE } from '../lib/province.ts';
import { ageCounted, classifyRecord, HAZ_STUNTED_BELOW, tbuLabelOf } from '../lib/domain/stunting.ts';

/**
 * The synthetic province behind every demo file: villages with a size and a stunting risk, a
 * cohort of children born 2017-2025 in each (the same children recur, age, and leave at five),
 * and measurement rounds. The exports (by-name rows, village counts, targets, programmes) are all
 * drawn from this one model, so they agree with each other.
 */

export type { Period, PeriodKind } from './profile.ts';

export const YEARS = [2023, 2024, 2025];

export const measures = (p: Period, regency: string) => p.regencies === null || p.regencies.includes(regency);

export interface Child {
  nik: string;
  name: string;
  sex: Sex;
  born: number; // day number
  bbLahir: number;
  tbLahir: number;
  ortu: string;
  posyandu: number;
  rt: number;
  rw: number;
  alamat: string;
  u: number; // persistent height-for-age deviation
  w: number; // persistent weight deviation
  lastWeight: number; // 0 until first measured
}

export interface VillageModel {
  village: Village;
  district: District;
  regency: Regency;
  /** Expected under-fives (after scaling). */
  size: number;
  /** Relative stunting risk (size-weighted mean 1 within a regency). */
  risk: number;
  /** Extra yearly change of the log risk. */
  drift: number;
  hotspot: boolean;
  /** Usual share of under-fives measured in a round. */
  share: number;
  posyandu: { name: string; day: number }[];
  puskesmas: string;
  children: Child[];
}

export type Kelas = 'sangat_pendek' | 'pendek' | 'normal';

export interface Measurement {
  child: Child;
  day: number;
  years: number;
  months: number;
  days: number;
  ageMonths: number; // completed months
  haz: number; // rounded to 2 decimals
  hazShown: boolean; // false: ZS TB/U left empty (label kept)
  heightMissing: boolean; // no height at all: no ZS TB/U, no label
  height: number;
  weight: number;
  waz: number;
  whz: number;
  lila: number | null;
  naik: string;
  pmt: number;
  vitA: number;
  kpsp: string;
  kia: string;
}

export interface Counts {
  rows: number;
  diukur: number;
  pendek: number;
  sangatPendek: number;
}

const START = dayNumber(2017, 7, 1);
const END = dayNumber(2025, 8, 31);
const T0 = dayNumber(2023, 2, 15);
const MONTH_DAYS = 30.4375;

/** Share of children with an extra growth deficit (gives the fat left tail: ~25% of stunting is severe). */
const DEFICIT_SHARE = 0.1;
const DEFICIT = -1.5;
const U_SD = 0.72;
const NOISE_SD = 0.2;

export interface ModelOptions {
  seed: number;
  /** Share of the full-size population (1 = full demo; tests use 0.05). */
  scale: number;
  /** Two-digit province code (default: the default province). */
  province?: string;
}

export class DemoModel {
  readonly seed: number;
  readonly scale: number;
  readonly profile: DemoProfile;
  /** Measurement rounds in time order. */
  readonly periods: Period[];
  readonly regencies: Regency[];
  readonly districts: District[];
  readonly villages: VillageModel[];
  private sasaranCache = new Map<string, number>();

  constructor(opts: ModelOptions) {
    this.seed = opts.seed;
    this.scale = opts.scale;
    this.profile = demoProfile(opts.province ?? DEFAULT_PROVINCE.kode);
    this.periods = this.profile.periods;
    const areas = provinceAreas(this.profile.province);
    this.regencies = areas.regencies;
    this.districts = areas.districts;
    this.villages = [];
    const districtFactor = new Map<string, number>();
    for (const d of areas.districts) districtFactor.set(d.code, new Rng(this.seed, 'kecamatan', d.code).lognormal(0.18));
    const puskesmas = this.puskesmasOf(areas.villages);
    const nikSerial = new Map<string, number>();
    for (const r of areas.regencies) {
      const list: VillageModel[] = [];
      for (const v of areas.villages.filter((x) => x.district.regency === r)) {
        const rng = new Rng(this.seed, 'desa', v.code);
        const typical = v.isKelurahan ? (r.isKota ? 48 : 38) : 24;
        const fullSize = Math.min(110, Math.max(10, typical * rng.lognormal(0.42)));
        const hotspot = rng.chance(0.035);
        let risk = districtFactor.get(v.district.code)! * rng.lognormal(0.28) * (v.isKelurahan ? 0.9 : 1);
        if (hotspot) risk *= 2.1;
        const nPos = fullSize > 60 ? 3 : fullSize > 30 ? 2 : 1;
        list.push({
          village: v,
          district: v.district,
          regency: r,
          size: fullSize * this.scale,
          risk,
          drift: rng.normal(0, 0.12),
          hotspot,
          share: rng.uniform(0.72, 0.95),
          posyandu: posyanduNames(rng, nPos).map((name) => ({ name, day: rng.between(4, 24) })),
          puskesmas: puskesmas.get(v.code)!,
          children: [],
        });
      }
      // normalise so the regency's population-weighted risk is 1
      const total = list.reduce((s, x) => s + x.size, 0);
      const mean = list.reduce((s, x) => s + x.size * x.risk, 0) / (total || 1);
      for (const x of list) {
        x.risk /= mean || 1;
        x.children = this.cohort(x, nikSerial);
      }
      this.villages.push(...list);
    }
  }

  /** One puskesmas per district, a second one (named after a village) in districts with many villages. */
  private puskesmasOf(villages: Village[]): Map<string, string> {
    const byDistrict = new Map<string, Village[]>();
    for (const v of villages) byDistrict.set(v.district.code, [...(byDistrict.get(v.district.code) ?? []), v]);
    const out = new Map<string, string>();
    for (const [code, list] of byDistrict) {
      const rng = new Rng(this.seed, 'puskesmas', code);
      const names = [`Puskesmas ${list[0].district.name}`];
      if (list.length > 12) names.push(`Puskesmas ${rng.pick(list).name}`);
      list.forEach((v, i) => out.set(v.code, names[Math.min(names.length - 1, Math.floor((i * names.length) / list.length))]));
    }
    return out;
  }

  /** Children born in the village between mid-2017 and August 2025 (a Poisson process). */
  private cohort(v: VillageModel, nikSerial: Map<string, number>): Child[] {
    const rng = new Rng(this.seed, 'anak', v.village.code);
    const rate = v.size / (60 * MONTH_DAYS);
    const children: Child[] = [];
    if (rate <= 0) return children;
    const [, kab, kec] = v.village.code.split('.');
    for (let t = START + rng.exponential(rate); t < END; t += rng.exponential(rate)) {
      const born = Math.floor(t);
      const sex: Sex = rng.chance(0.49) ? 'P' : 'L';
      const { y, m, d } = civil(born);
      // NIK layout: area (here 99 + regency + district), birth date (day + 40 for girls), serial
      const dob = `${String(sex === 'P' ? d + 40 : d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y % 100).padStart(2, '0')}`;
      const key = `${kab}${kec}${dob}`;
      const serial = (nikSerial.get(key) ?? 0) + 1;
      nikSerial.set(key, serial);
      const u = rng.normal(0, U_SD) + (rng.chance(DEFICIT_SHARE) ? DEFICIT : 0);
      children.push({
        nik: `99${kab}${kec}${dob}${String(serial).padStart(4, '0')}`,
        name: childName(rng, sex === 'P'),
        sex,
        born,
        bbLahir: round1(clamp(rng.normal(3.1, 0.42) + 0.12 * u, 1.6, 4.6)),
        tbLahir: round1(clamp(rng.normal(48.6, 1.8) + 0.7 * u, 42, 54)),
        ortu: motherName(rng),
        posyandu: rng.int(v.posyandu.length),
        rt: rng.between(1, 30),
        rw: rng.between(1, 8),
        alamat: address(rng),
        u,
        w: rng.normal(0, 1),
        lastWeight: 0,
      });
    }
    return children;
  }

  /** True when this regency's by-name export of round `p` is in the demo. */
  hasByName(p: Period, regency: string): boolean {
    return regency !== this.profile.aggregatedRegency && measures(p, regency) && (p.byName === null || p.byName.includes(regency));
  }

  /** Expected stunting prevalence of a village at a day. */
  prevalence(v: VillageModel, day: number): number {
    const [base, slope] = this.profile.trend[v.regency.code] ?? [0.13, -0.008];
    const years = (day - T0) / 365.25;
    const regency = Math.max(0.03, base + slope * years);
    return clamp(regency * v.risk * Math.exp(v.drift * years), 0.015, 0.6);
  }

  /** Mean HAZ that gives this prevalence under the model's mixture of child deviations. */
  private meanFor(p: number): number {
    const s = Math.sqrt(U_SD * U_SD + NOISE_SD * NOISE_SD + 0.03);
    const f = (mu: number) => (1 - DEFICIT_SHARE) * normalCdf((-2 - mu) / s) + DEFICIT_SHARE * normalCdf((-2 - mu - DEFICIT) / s);
    let lo = -4;
    let hi = 2;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (f(mid) > p) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }

  /** Estimated under-five target of a village for a year (children 0-59 months on 1 July, give or take). */
  sasaran(v: VillageModel, year: number): number {
    const key = `${v.village.code}|${year}`;
    const hit = this.sasaranCache.get(key);
    if (hit !== undefined) return hit;
    const at = dayNumber(year, 7, 1);
    let n = 0;
    for (const c of v.children) {
      if (c.born > at) continue;
      if (ageParts(c.born, at).totalMonths < 60) n++;
    }
    const value = Math.round(n * new Rng(this.seed, 'sasaran', v.village.code, year).uniform(0.97, 1.12));
    this.sasaranCache.set(key, value);
    return value;
  }

  /**
   * One measurement round in one village: who came, when, and what was measured. Updates each
   * child's last weight, so call rounds in time order.
   */
  measure(v: VillageModel, p: Period): Measurement[] {
    const rng = new Rng(this.seed, 'ukur', v.village.code, p.periode);
    const first = dayNumber(p.y, p.m, 1);
    const last = first + daysInMonth(p.y, p.m) - 1;
    const mid = first + 14;
    const mu = this.meanFor(this.prevalence(v, mid));
    let share = clamp(v.share + rng.normal(0, 0.03) + (p.kind === 'serentak' ? 0.05 : 0), 0.6, 0.98);
    const out: Measurement[] = [];
    for (const c of v.children) {
      if (c.born > last - 3) break; // children are in birth order
      const pos = v.posyandu[c.posyandu];
      let day: number;
      if (p.kind === 'serentak') day = first + rng.between(2, 27);
      else day = Math.min(last, first + pos.day - 1 + (rng.chance(0.2) ? rng.between(1, 10) : 0));
      if (c.born > day) day = Math.min(last, c.born + rng.between(1, 3));
      const age = ageParts(c.born, day);
      if (age.totalMonths >= 63) continue;
      if (!rng.chance(age.totalMonths >= 60 ? share * 0.12 : share)) continue;
      out.push(this.record(rng, v, p, c, day, mu));
      if (rng.chance(0.01)) {
        // measured again the same month (a second posyandu visit or a re-entry)
        const shift = rng.between(1, 6);
        const day2 = day + shift <= last ? day + shift : Math.max(first, day - shift);
        if (day2 >= c.born) out.push(this.record(rng, v, p, c, day2, mu));
      }
    }
    out.sort((a, b) => a.day - b.day || (a.child.nik < b.child.nik ? -1 : a.child.nik > b.child.nik ? 1 : 0));
    return out;
  }

  private record(rng: Rng, v: VillageModel, p: Period, c: Child, day: number, mu: number): Measurement {
    const age = ageParts(c.born, day);
    const months = age.totalMonths + age.days / MONTH_DAYS;
    const trueHaz = mu + ageCurve(months) + c.u + rng.normal(0, NOISE_SD);
    let haz = round2(trueHaz);
    if (rng.chance(0.0005)) haz = round2((rng.chance(0.75) ? -1 : 1) * rng.uniform(6.1, 9.5)); // a typing error in the height
    const height = round1(Math.max(30, heightFor(c.sex, months, haz)));
    const waz = round2(clamp(0.6 * trueHaz + 0.8 * c.w + rng.normal(0, 0.3), -6, 5));
    const weight = round1(Math.max(1.5, weightFor(c.sex, months, waz)));
    const whz = round2(clamp((waz - 0.75 * trueHaz) / 0.75 + rng.normal(0, 0.2), -5, 5));
    let naik = 'B';
    if (c.lastWeight > 0) naik = rng.chance(0.3) ? 'O' : weight > c.lastWeight + 0.05 ? 'N' : 'T';
    c.lastWeight = weight;
    const vitA = age.totalMonths < 6 ? 0 : p.m === 2 || p.m === 6 ? (rng.chance(0.85) ? 1 : 0) : rng.chance(0.7) ? 2 : rng.chance(0.6) ? 1 : 0;
    const r = rng.float();
    return {
      child: c,
      day,
      years: age.years,
      months: age.months,
      days: age.days,
      ageMonths: age.totalMonths,
      haz,
      hazShown: !rng.chance(0.002),
      heightMissing: rng.chance(0.001),
      height,
      weight,
      waz,
      whz,
      lila: age.totalMonths >= 6 && rng.chance(0.6) ? round1(12.8 + 0.035 * months + 0.8 * whz + rng.normal(0, 0.5)) : null,
      naik,
      pmt: (waz < -2 || haz < HAZ_STUNTED_BELOW) && rng.chance(0.45) ? rng.pick([1.5, 2, 3, 4.5]) : 0,
      vitA,
      kpsp: age.totalMonths < 3 ? '' : r < 0.78 ? 'Sesuai' : r < 0.9 ? 'Meragukan' : r < 0.93 ? 'Penyimpangan' : '',
      kia: rng.chance(0.86) ? 'Ya' : 'Tidak',
    };
  }
}

/** HAZ class as the build step derives it: from the z-score when shown, else from the label. */
export function kelasOf(m: Measurement): Kelas | 'tidak_masuk_akal' | null {
  if (m.heightMissing) return null;
  // the export holds the label always and the z-score when shown (src/demo/eppgbm.ts)
  return classifyRecord(m.hazShown ? m.haz : null, tbuLabelOf(m.haz));
}

/**
 * Counts of a village-month by the published rules: children 0-59 months, one (the latest valid)
 * measurement per child, implausible z-scores and rows without any height status left out.
 */
export function countRound(rows: Measurement[]): Counts {
  const latest = new Map<Child, { day: number; kelas: Kelas }>();
  for (const m of rows) {
    const kelas = kelasOf(m);
    if (!ageCounted(m.ageMonths) || kelas === null || kelas === 'tidak_masuk_akal') continue;
    const prev = latest.get(m.child);
    if (!prev || m.day >= prev.day) latest.set(m.child, { day: m.day, kelas });
  }
  const counts: Counts = { rows: rows.length, diukur: latest.size, pendek: 0, sangatPendek: 0 };
  for (const { kelas } of latest.values()) {
    if (kelas === 'pendek') counts.pendek++;
    else if (kelas === 'sangat_pendek') counts.sangatPendek++;
  }
  return counts;
}

/** HAZ by age (mean about 0 over 0-59 months): close to the reference at first, falling until two years. */
function ageCurve(months: number): number {
  if (months < 6) return 0.5 - 0.05 * months;
  if (months < 24) return 0.2 - (0.28 * (months - 6)) / 18;
  return -0.08;
}

export const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
export const round1 = (x: number) => Math.round(x * 10) / 10;
export const round2 = (x: number) => Math.round(x * 100) / 100;
