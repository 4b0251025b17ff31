import { daysInMonth } from './dates.ts';
import { ByteSink } from './csv.ts';
import { EPPGBM_HEADER } from './eppgbm.ts';
import { bareRegencyName, loadAreas, type Village } from './gazetteer.ts';
import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { probit, Rng } from './prng.ts';
import { NAME_LISTS } from './people.ts';
import { TBU_LABELS, tbuLabelIndex } from '../lib/domain/stunting.ts';

/**
 * National-scale synthetic e-PPGBM by-name export for the data benchmark: one CSV in the demo's
 * format, `rows` rows over every village of Indonesia (idn-area-data), months 2024-01..2024-12,
 * with the demo's shares of same-month repeats (~1%), over-age children (~0.5%) and implausible
 * z-scores (~0.05%).
 *
 * Written byte by byte into large buffers (fragments are encoded once; numbers are written as
 * digits), flushed with at most one write in flight; memory stays at a few buffers plus one
 * village's children.
 */

export interface NationalOptions {
  rows: number;
  seed: number;
  /** Called now and then with the rows written so far. */
  progress?: (rows: number) => void;
  /** Worker threads (default: up to 4 for a million rows or more, else 1). Output is the same either way. */
  threads?: number;
}

const YEAR = 2024;
const MONTHS = 12;
/** Weighing months (February, August) and the June measurement drive have more rows. */
const MONTH_WEIGHT = [1, 1.6, 1, 1, 1, 1.3, 1, 1.6, 1, 1, 1, 1];
const SHARE_REPEAT = 0.01;
const SHARE_OVER_AGE = 0.005;
const SHARE_IMPLAUSIBLE = 0.0005;
const ROW_MAX = 4096;
/** Below this many rows per village (on average) only every k-th village is used. */
const MIN_ROWS_PER_VILLAGE = 24;

const enc = (s: string) => Buffer.from(s, 'utf8');
const COMMA = 44;

/** Growth references by completed month 0..72 (same shape as growth.ts, tabulated for speed). */
const AGES = [0, 3, 6, 9, 12, 18, 24, 36, 48, 60, 72];
const H_MED = [[49.9, 61.4, 67.6, 72.0, 75.7, 82.3, 87.1, 96.1, 103.3, 110.0, 116.0], [49.1, 59.8, 65.7, 70.1, 74.0, 80.7, 85.7, 95.1, 102.7, 109.4, 115.1]];
const H_SD = [[1.9, 2.0, 2.2, 2.3, 2.5, 2.8, 3.1, 3.7, 4.2, 4.6, 5.0], [1.9, 2.1, 2.3, 2.4, 2.6, 2.9, 3.2, 3.8, 4.3, 4.7, 5.1]];
const W_MED = [[3.3, 6.4, 7.9, 8.9, 9.6, 10.9, 12.2, 14.3, 16.3, 18.3, 20.5], [3.2, 5.8, 7.3, 8.2, 8.9, 10.2, 11.5, 13.9, 16.1, 18.2, 20.2]];
function tabulate(t: number[]): Float64Array {
  const out = new Float64Array(73);
  for (let a = 0; a <= 72; a++) {
    let i = 1;
    while (i < AGES.length - 1 && AGES[i] < a) i++;
    const f = (a - AGES[i - 1]) / (AGES[i] - AGES[i - 1]);
    out[a] = t[i - 1] + f * (t[i] - t[i - 1]);
  }
  return out;
}
const HM = H_MED.map(tabulate);
const HS = H_SD.map(tabulate);
const WM = W_MED.map(tabulate);

const LABEL = {
  bbu: ['Berat Badan Sangat Kurang', 'Berat Badan Kurang', 'Berat Badan Normal', 'Risiko Berat Badan Lebih'].map(enc),
  tbu: TBU_LABELS.map((t) => enc(t.label)),
  bbtb: ['Gizi Buruk', 'Gizi Kurang', 'Gizi Baik', 'Berisiko Gizi Lebih', 'Gizi Lebih', 'Obesitas'].map(enc),
  cara: ['Terlentang', 'Berdiri'].map(enc),
  naik: ['N', 'T', 'O', 'B'].map(enc),
  kpsp: ['Sesuai', 'Meragukan', 'Penyimpangan', ''].map(enc),
  kia: ['Ya', 'Tidak'].map(enc),
  sex: ['L', 'P'].map(enc),
  tahun: enc(' Tahun - '),
  bulan: enc(' Bulan - '),
  hari: enc(' Hari'),
};
const N = {
  boy: NAME_LISTS.BOY.map((s) => enc(s.toUpperCase())),
  girl: NAME_LISTS.GIRL.map((s) => enc(s.toUpperCase())),
  boy2: NAME_LISTS.BOY_2.map((s) => enc(` ${s.toUpperCase()}`)),
  girl2: NAME_LISTS.GIRL_2.map((s) => enc(` ${s.toUpperCase()}`)),
  mother: NAME_LISTS.MOTHER.map((s) => enc(s.toUpperCase())),
  mother2: NAME_LISTS.MOTHER_2.map((s) => enc(` ${s.toUpperCase()}`)),
  street: NAME_LISTS.STREET.map((s) => enc(`JL. ${s} NO. `)),
  posyandu: NAME_LISTS.POSYANDU.map((s) => `POSYANDU ${s.toUpperCase()}`),
};

/** Standard normal deviates by quantile: a fast stand-in for a normal draw (65,536 levels). */
const NORMAL = Float64Array.from({ length: 1 << 16 }, (_, i) => probit((i + 0.5) / (1 << 16)));
const gauss = (rng: Rng) => NORMAL[rng.bits16()];

/** A byte cursor over a buffer (the sink's current one, or the village arena). */
export class Out {
  b: Buffer;
  p = 0;

  constructor(b: Buffer) {
    this.b = b;
  }

  /** A fragment: a byte loop for a few bytes, a native copy beyond that. */
  frag(f: Uint8Array): void {
    const n = f.length;
    if (n > 12) {
      this.b.set(f, this.p);
      this.p += n;
      return;
    }
    const b = this.b;
    let p = this.p;
    for (let i = 0; i < n; i++) b[p++] = f[i];
    this.p = p;
  }

  /** Bytes [start, end) of another buffer. */
  span(src: Buffer, start: number, end: number): void {
    this.p += src.copy(this.b, this.p, start, end);
  }

  text(s: string): void {
    this.p += this.b.write(s, this.p, 'utf8');
  }

  byte(c: number): void {
    this.b[this.p++] = c;
  }

  /** Non-negative integer, at least `width` digits (zero-padded). */
  int(v: number, width = 1): void {
    if (v < 10 && width === 1) {
      this.b[this.p++] = 48 + v;
      return;
    }
    let n = 1;
    for (let x = v; x >= 10; x = (x / 10) | 0) n++;
    if (n < width) n = width;
    const b = this.b;
    let p = this.p + n;
    this.p = p;
    for (let i = 0; i < n; i++) {
      const q = (v / 10) | 0;
      b[--p] = 48 + v - q * 10;
      v = q;
    }
  }

  /** A value with one decimal, from tenths (-12 -> "-1.2"). */
  tenths(t: number): void {
    if (t < 0) this.byte(45), (t = -t);
    const w = (t / 10) | 0;
    this.int(w);
    this.byte(46);
    this.byte(48 + t - w * 10);
  }

  /** A value with two decimals, from hundredths (-215 -> "-2.15"). */
  hundredths(h: number): void {
    if (h < 0) this.byte(45), (h = -h);
    h |= 0;
    const w = (h / 100) | 0;
    const f = h - w * 100;
    const t = (f / 10) | 0;
    this.int(w);
    const b = this.b;
    const p = this.p;
    b[p] = 46;
    b[p + 1] = 48 + t;
    b[p + 2] = 48 + f - t * 10;
    this.p = p + 3;
  }

  /** YYYY-MM-DD. */
  date(y: number, m: number, d: number): void {
    this.int(y, 4);
    this.byte(45);
    this.int(m, 2);
    this.byte(45);
    this.int(d, 2);
  }
}

/**
 * Children of one village: a ring of slots; each slot holds one child at a time, replaced by a
 * newborn when it turns five (generation 0, then 1). Arrays are reused from village to village.
 */
class Slots {
  n = 0;
  cap = 0;
  phase = new Int32Array(0); // months of age in January 2024 (0..59)
  bday = new Int32Array(0); // day of month born (1..28)
  sex = new Uint8Array(0);
  first = new Uint8Array(0);
  second = new Uint8Array(0); // 255 = none
  mother = new Uint8Array(0);
  mother2 = new Uint8Array(0);
  street = new Uint8Array(0);
  house = new Int32Array(0);
  rt = new Int32Array(0);
  rw = new Int32Array(0);
  posyandu = new Uint8Array(0);
  u = new Float64Array(0);
  w = new Float64Array(0);
  bbl = new Int32Array(0); // birth weight, tenths of kg
  tbl = new Int32Array(0); // birth length, tenths of cm
  /** Where each child's fixed text (NIK .. Alamat) sits in the arena, per slot and generation; -1 = not yet. */
  start = new Int32Array(0);
  end = new Int32Array(0);

  reset(rng: Rng, n: number, posyandu: number): void {
    if (n > this.cap) {
      const cap = Math.max(n, this.cap * 2, 64);
      this.cap = cap;
      this.phase = new Int32Array(cap);
      this.bday = new Int32Array(cap);
      this.sex = new Uint8Array(cap);
      this.first = new Uint8Array(cap);
      this.second = new Uint8Array(cap);
      this.mother = new Uint8Array(cap);
      this.mother2 = new Uint8Array(cap);
      this.street = new Uint8Array(cap);
      this.house = new Int32Array(cap);
      this.rt = new Int32Array(cap);
      this.rw = new Int32Array(cap);
      this.posyandu = new Uint8Array(cap);
      this.u = new Float64Array(cap);
      this.w = new Float64Array(cap);
      this.bbl = new Int32Array(cap);
      this.tbl = new Int32Array(cap);
      this.start = new Int32Array(cap * 2);
      this.end = new Int32Array(cap * 2);
    }
    this.n = n;
    this.start.fill(-1, 0, n * 2);
    for (let i = 0; i < n; i++) {
      this.phase[i] = rng.int(60);
      this.bday[i] = 1 + rng.int(28);
      this.sex[i] = rng.float() < 0.49 ? 1 : 0;
      this.first[i] = rng.int(30);
      this.second[i] = rng.float() < 0.15 ? 255 : rng.int(15);
      this.mother[i] = rng.int(30);
      this.mother2[i] = rng.float() < 0.2 ? 255 : rng.int(15);
      this.street[i] = rng.int(30);
      this.house[i] = 1 + rng.int(120);
      this.rt[i] = 1 + rng.int(30);
      this.rw[i] = 1 + rng.int(8);
      this.posyandu[i] = rng.int(posyandu);
      this.u[i] = rng.normal(0, 0.78) + (rng.float() < 0.1 ? -1.5 : 0);
      this.w[i] = rng.normal(0, 1);
      this.bbl[i] = Math.round(10 * Math.min(4.6, Math.max(1.6, rng.normal(3.1, 0.42))));
      this.tbl[i] = Math.round(10 * Math.min(54, Math.max(42, rng.normal(48.6, 1.8))));
    }
  }
}

/** 1 = every village gets rows; k = every k-th village (small row counts, e.g. in tests). */
export function villageStride(rows: number, villages: number): number {
  return Math.max(1, Math.floor(villages / Math.max(1, Math.ceil(rows / MIN_ROWS_PER_VILLAGE))));
}

/** Row counts that add up exactly: cumulative rounding of weighted shares. */
function apportion(total: number, weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i];
  let acc = 0;
  let prev = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i];
    const upto = i === weights.length - 1 ? total : Math.round((total * acc) / sum);
    out[i] = upto - prev;
    prev = upto;
  }
  return out;
}

/** The fixed part of a child's row: NIK .. Nama Ortu, Prov .. Posyandu (copied from `seg`), RT, RW, Alamat. */
function writeChild(a: Out, s: Slots, i: number, nikHead: Uint8Array, gen: number, by: number, bm: number, seg: Buffer, segStart: number, segEnd: number): void {
  a.frag(nikHead);
  a.int(gen);
  a.int(i, 4);
  a.int(by % 100, 2);
  a.byte(COMMA);
  if (s.sex[i]) {
    a.frag(N.girl[s.first[i]]);
    if (s.second[i] !== 255) a.frag(N.girl2[s.second[i]]);
  } else {
    a.frag(N.boy[s.first[i]]);
    if (s.second[i] !== 255) a.frag(N.boy2[s.second[i]]);
  }
  a.byte(COMMA);
  a.frag(LABEL.sex[s.sex[i]]);
  a.byte(COMMA);
  a.date(by, bm, s.bday[i]);
  a.byte(COMMA);
  a.tenths(s.bbl[i]);
  a.byte(COMMA);
  a.tenths(s.tbl[i]);
  a.byte(COMMA);
  a.frag(N.mother[s.mother[i]]);
  if (s.mother2[i] !== 255) a.frag(N.mother2[s.mother2[i]]);
  a.byte(COMMA);
  a.span(seg, segStart, segEnd);
  a.int(s.rt[i], 3);
  a.byte(COMMA);
  a.int(s.rw[i], 3);
  a.byte(COMMA);
  a.frag(N.street[s.street[i]]);
  a.int(s.house[i]);
  a.byte(COMMA);
}

/** Rows per village and the village numbers used in NIKs: the same in every thread. */
export interface NationalPlan {
  seed: number;
  total: number;
  perVillage: Float64Array;
  /** 1-based number of the village among the province's villages with rows (0 = none). */
  inProv: Int32Array;
}

export function planNational(total: number, seed: number): NationalPlan {
  const { villages } = loadAreas();
  // Every village when there are rows enough (about two a month each); else an even spread of them.
  const stride = villageStride(total, villages.length);
  const weights = new Float64Array(villages.length);
  villages.forEach((v, i) => {
    if (i % stride === 0) weights[i] = new Rng(seed, 'nasional-desa', v.code).lognormal(0.5) * (v.isKelurahan ? 1.4 : 1);
  });
  const perVillage = apportion(total, weights);
  const inProv = new Int32Array(villages.length);
  let lastProv = '';
  let n = 0;
  villages.forEach((v, i) => {
    const prov = v.district.regency.province.code;
    if (prov !== lastProv) (lastProv = prov), (n = 0);
    if (perVillage[i] > 0) inProv[i] = ++n;
  });
  return { seed, total, perVillage, inProv };
}

/** Called when the buffer is nearly full: take `o.b[0, o.p)` and point `o` at room to continue in. */
export type Flush = (o: Out) => void | Promise<void>;

/** Renders villages of a plan into byte buffers; one per thread. */
export class NationalRenderer {
  private plan: NationalPlan;
  private provP = new Map<string, number>();
  private arena = Buffer.allocUnsafe(1 << 20);
  private a = new Out(this.arena);
  private slots = new Slots();
  private monthWeights = new Float64Array(MONTHS);
  rows = 0;

  constructor(plan: NationalPlan) {
    this.plan = plan;
    // province-level stunting: a spread around the national level
    for (const p of loadAreas().provinces) {
      this.provP.set(p.code, Math.min(0.3, Math.max(0.06, 0.14 * new Rng(plan.seed, 'nasional-prov', p.code).lognormal(0.3))));
    }
  }

  /** Villages [from, to) in code order. */
  async render(from: number, to: number, o: Out, flush: Flush): Promise<void> {
    const villages = loadAreas().villages;
    for (let vi = from; vi < to; vi++) {
      if (this.plan.perVillage[vi] > 0) await this.village(villages, vi, o, flush);
    }
  }

  private async village(villages: Village[], vi: number, o: Out, flush: Flush): Promise<void> {
    const seed = this.plan.seed;
    const nVillage = this.plan.perVillage[vi];
    const slots = this.slots;
    const monthWeights = this.monthWeights;
    const a = this.a;
    let arena = this.arena;
    const v = villages[vi];
    const rng = new Rng(seed, 'nasional', v.code);
    const district = v.district;
    const regency = district.regency;
    const prov = regency.province;

    const p = Math.min(0.5, Math.max(0.02, this.provP.get(prov.code)! * rng.lognormal(0.3)));
    const mu = -2 - Math.sqrt(0.78 * 0.78 + 0.04) * probit(p) - 0.1;
    for (let m = 0; m < MONTHS; m++) monthWeights[m] = MONTH_WEIGHT[m] * rng.uniform(0.8, 1.2);
    const perMonth = apportion(nVillage, monthWeights);
    let most = 0;
    for (let m = 0; m < MONTHS; m++) most = Math.max(most, perMonth[m]);
    const nPos = 1 + rng.int(3);
    const nSlots = Math.ceil(most * 1.15) + 1;
    if (nSlots > 9999) throw new Error(`too many rows for one village (${nVillage}): the NIK has room for 9999 children per village`);
    slots.reset(rng, nSlots, nPos);
    const posDay = [4 + rng.int(21), 4 + rng.int(21), 4 + rng.int(21)];

    // The arena holds this village's fixed text: the area columns per posyandu, then each child's.
    const need = nSlots * 2 * 1024 + 4096;
    if (arena.length < need) (arena = this.arena = Buffer.allocUnsafe(need)), (a.b = arena);
    a.p = 0;
    const [provName, kab, kec, desa] = nationalNames(v);
    const areaText = `${csvText(provName)},${csvText(kab)},${csvText(kec)},${csvText(`PUSKESMAS ${kec}`)},${csvText(desa)},`;
    const segStart = [0, 0, 0];
    const segEnd = [0, 0, 0];
    for (let k = 0; k < nPos; k++) {
      segStart[k] = a.p;
      a.text(`${areaText}${N.posyandu[(vi + k * 5) % N.posyandu.length]}${k ? ` ${k + 1}` : ''},`);
      segEnd[k] = a.p;
    }
    // "99" + province + village number in the province: the first 9 digits of every NIK here
    const nikHead = enc(`99${prov.code}${String(this.plan.inProv[vi]).padStart(5, '0')}`);

    for (let m = 0; m < MONTHS; m++) {
      const n = perMonth[m];
      const dim = daysInMonth(YEAR, m + 1);
      const prevDim = daysInMonth(m === 0 ? YEAR - 1 : YEAR, m === 0 ? 12 : m);
      let slot = rng.int(slots.n);
      let prevSlot = -1;
      let prevDay = 0;
      for (let i = 0; i < n; i++) {
        if (o.p + ROW_MAX > o.b.length) {
          const wait = flush(o);
          if (wait) await wait;
        }
        // who: the next child in the ring, a repeat of the previous one, or an over-age child
        let s: number;
        let day: number;
        const r = rng.float();
        const repeat = r < SHARE_REPEAT && prevSlot >= 0;
        const overAge = !repeat && r >= SHARE_REPEAT && r < SHARE_REPEAT + SHARE_OVER_AGE;
        if (repeat) {
          s = prevSlot;
          day = prevDay < dim ? prevDay + 1 + rng.int(dim - prevDay) : prevDay - 1 - rng.int(prevDay - 1);
        } else {
          s = slot;
          slot = slot + 1 === slots.n ? 0 : slot + 1;
          day = rng.float() < 0.8 ? posDay[slots.posyandu[s]] : 1 + rng.int(dim);
        }
        const cycle = slots.phase[s] + m;
        const gen = overAge ? 8 : cycle >= 60 ? 1 : 0;
        // months of age in January 2024 (negative: born later)
        const ageAtJan = overAge ? 60 + rng.int(4) - m : slots.phase[s] - gen * 60;
        const bAbs = YEAR * 12 - ageAtJan; // month of birth, counted from year 0
        const by = Math.floor(bAbs / 12);
        const bm = bAbs - by * 12 + 1;
        const bd = slots.bday[s];
        // completed months and days at measurement
        let months = ageAtJan + m;
        let days = day - bd;
        if (days < 0) {
          months -= 1;
          days += prevDim;
          if (days < 0) days = 0;
        }
        if (months < 0) {
          // born later this month than the posyandu day: measured on a later visit
          months = 0;
          days = 0;
          day = bd;
        }
        prevSlot = s;
        prevDay = day;
        const sex = slots.sex[s];
        const age = months > 72 ? 72 : months;

        // measurements
        const curve = age < 6 ? 0.5 - 0.05 * age : age < 24 ? 0.2 - (0.28 * (age - 6)) / 18 : -0.08;
        const trueHaz = mu + curve + slots.u[s] + 0.2 * gauss(rng);
        let haz100 = Math.round(trueHaz * 100);
        if (rng.float() < SHARE_IMPLAUSIBLE) haz100 = (rng.float() < 0.75 ? -1 : 1) * (610 + rng.int(340));
        const haz = haz100 / 100;
        const height10 = Math.max(300, Math.round(10 * (HM[sex][age] + haz * HS[sex][age])));
        let waz = 0.6 * trueHaz + 0.8 * slots.w[s] + 0.3 * gauss(rng);
        waz = waz < -6 ? -6 : waz > 5 ? 5 : waz;
        const weight10 = Math.max(15, Math.round(10 * WM[sex][age] * Math.exp(0.12 * waz)));
        let whz = (waz - 0.75 * trueHaz) / 0.75 + 0.2 * gauss(rng);
        whz = whz < -5 ? -5 : whz > 5 ? 5 : whz;

        // NIK .. Alamat: a child's fixed text, made once per village and copied
        const seg = slots.posyandu[s];
        if (overAge) writeChild(o, slots, s, nikHead, gen, by, bm, arena, segStart[seg], segEnd[seg]);
        else {
          const key = s * 2 + gen;
          if (slots.start[key] < 0) {
            slots.start[key] = a.p;
            writeChild(a, slots, s, nikHead, gen, by, bm, arena, segStart[seg], segEnd[seg]);
            slots.end[key] = a.p;
          }
          o.span(arena, slots.start[key], slots.end[key]);
        }
        // Usia Saat Ukur, Tanggal Pengukuran
        o.int((months / 12) | 0);
        o.frag(LABEL.tahun);
        o.int(months % 12);
        o.frag(LABEL.bulan);
        o.int(days);
        o.frag(LABEL.hari);
        o.byte(COMMA);
        o.date(YEAR, m + 1, day);
        o.byte(COMMA);
        // Berat, Tinggi, Cara Ukur, LiLA
        o.tenths(weight10);
        o.byte(COMMA);
        o.tenths(height10);
        o.byte(COMMA);
        o.frag(LABEL.cara[age < 24 ? 0 : 1]);
        o.byte(COMMA);
        if (age >= 6 && rng.float() < 0.6) o.tenths(Math.round(10 * (12.8 + 0.035 * age + 0.8 * whz)));
        o.byte(COMMA);
        // BB/U, ZS BB/U, TB/U, ZS TB/U, BB/TB, ZS BB/TB
        o.frag(LABEL.bbu[waz < -3 ? 0 : waz < -2 ? 1 : waz <= 1 ? 2 : 3]);
        o.byte(COMMA);
        o.hundredths(Math.round(waz * 100));
        o.byte(COMMA);
        o.frag(LABEL.tbu[tbuLabelIndex(haz)]);
        o.byte(COMMA);
        o.hundredths(haz100);
        o.byte(COMMA);
        o.frag(LABEL.bbtb[whz < -3 ? 0 : whz < -2 ? 1 : whz <= 1 ? 2 : whz <= 2 ? 3 : whz <= 3 ? 4 : 5]);
        o.byte(COMMA);
        o.hundredths(Math.round(whz * 100));
        o.byte(COMMA);
        // Naik Berat Badan, PMT Diterima (kg), Jml Vit A, KPSP, KIA, Detail
        const k = rng.float();
        o.frag(LABEL.naik[m === 0 && k < 0.3 ? 3 : k < 0.7 ? 0 : k < 0.85 ? 1 : 2]);
        o.byte(COMMA);
        o.byte(48);
        o.byte(COMMA);
        o.byte(age < 6 ? 48 : m < 7 ? 49 : 50);
        o.byte(COMMA);
        const k2 = rng.float();
        o.frag(LABEL.kpsp[age < 3 ? 3 : k2 < 0.78 ? 0 : k2 < 0.9 ? 1 : k2 < 0.93 ? 2 : 3]);
        o.byte(COMMA);
        o.frag(LABEL.kia[k2 < 0.5 ? (k < 0.93 ? 0 : 1) : k < 0.79 ? 0 : 1]);
        o.byte(COMMA);
        o.byte(10);
        this.rows++;
      }
    }
  }
}

export async function generateNationalByName(path: string, opts: NationalOptions): Promise<{ rows: number; bytes: number }> {
  const total = Math.floor(opts.rows);
  if (!(total >= 0)) throw new Error(`invalid rows: ${opts.rows}`);
  const plan = planNational(total, opts.seed);
  const threads = Math.max(1, Math.floor(opts.threads ?? (total >= 1_000_000 ? Math.min(4, availableParallelism()) : 1)));
  return threads > 1 ? generateParallel(path, plan, threads, opts.progress) : generateSerial(path, plan, opts.progress);
}

const HEADER_LINE = `${EPPGBM_HEADER.join(',')}\n`;

async function generateSerial(path: string, plan: NationalPlan, progress?: (rows: number) => void): Promise<{ rows: number; bytes: number }> {
  const sink = await ByteSink.open(path, 8 << 20);
  const o = new Out(sink.buf);
  o.text(HEADER_LINE);
  const r = new NationalRenderer(plan);
  await r.render(0, plan.perVillage.length, o, async (out) => {
    sink.pos = out.p;
    await sink.flush();
    out.b = sink.buf;
    out.p = sink.pos;
    progress?.(r.rows);
  });
  sink.pos = o.p;
  const bytes = await sink.close();
  progress?.(r.rows);
  return { rows: r.rows, bytes };
}

/** Blocks of consecutive villages with about this many rows each, rendered by worker threads. */
const BLOCK_ROWS = 25_000;
const BLOCKS_AHEAD_PER_WORKER = 3;
const CHUNK = 4 << 20;

interface BlockDone {
  id: number;
  chunks: ArrayBuffer[];
  lengths: number[];
  rows: number;
}

/**
 * Worker threads render blocks of villages; this thread writes them in order. A worker gets a new
 * block only while fewer than 3 per worker wait to be written (memory stays bounded).
 */
async function generateParallel(path: string, plan: NationalPlan, threads: number, progress?: (rows: number) => void): Promise<{ rows: number; bytes: number }> {
  const blocks: [number, number][] = [];
  for (let from = 0, acc = 0, i = 0; i < plan.perVillage.length; i++) {
    acc += plan.perVillage[i];
    if (acc >= BLOCK_ROWS || i === plan.perVillage.length - 1) {
      blocks.push([from, i + 1]);
      from = i + 1;
      acc = 0;
    }
  }
  const fh = await open(path, 'w');
  let bytes = 0;
  let rows = 0;
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./national-worker.ts', import.meta.url)));
  try {
    const ready = new Map<number, BlockDone>();
    const idle: Worker[] = [];
    let failure: Error | null = null;
    let wake: (() => void) | null = null;
    const notify = () => {
      const w = wake;
      wake = null;
      w?.();
    };
    const owner = new Map<number, Worker>();
    for (const w of workers) {
      w.on('message', (m: BlockDone) => {
        ready.set(m.id, m);
        owner.set(m.id, w);
        idle.push(w);
        notify();
      });
      w.on('error', (e) => {
        failure = e;
        notify();
      });
      w.postMessage({ type: 'plan', plan });
      idle.push(w);
    }
    await writeAll(fh, Buffer.from(HEADER_LINE));
    bytes += Buffer.byteLength(HEADER_LINE);
    let next = 0;
    for (let id = 0; id < blocks.length; id++) {
      for (;;) {
        if (failure) throw failure;
        while (idle.length && next < blocks.length && next - id < threads * BLOCKS_AHEAD_PER_WORKER) {
          idle.pop()!.postMessage({ type: 'block', id: next, from: blocks[next][0], to: blocks[next][1] });
          next++;
        }
        if (ready.has(id)) break;
        await new Promise<void>((r) => (wake = r));
      }
      const done = ready.get(id)!;
      ready.delete(id);
      for (let k = 0; k < done.chunks.length; k++) {
        await writeAll(fh, Buffer.from(done.chunks[k], 0, done.lengths[k]));
        bytes += done.lengths[k];
      }
      // hand the buffers back for reuse (large short-lived buffers make the collector work hard)
      owner.get(id)!.postMessage({ type: 'recycle', chunks: done.chunks }, done.chunks);
      owner.delete(id);
      rows += done.rows;
      progress?.(rows);
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    await fh.close();
  }
  return { rows, bytes };
}

/** Worker side: render each block it is sent into 4 MB chunks and send them back (transferred, not copied). */
export function serveWorker(port: MessagePort): void {
  let renderer: NationalRenderer | null = null;
  const pool: ArrayBuffer[] = [];
  type Message = { type: 'plan'; plan: NationalPlan } | { type: 'block'; id: number; from: number; to: number } | { type: 'recycle'; chunks: ArrayBuffer[] };
  port.on('message', async (m: Message) => {
    if (m.type === 'plan') {
      renderer = new NationalRenderer(m.plan);
      return;
    }
    if (m.type === 'recycle') {
      pool.push(...m.chunks);
      return;
    }
    const r = renderer!;
    const chunks: ArrayBuffer[] = [];
    const lengths: number[] = [];
    const fresh = () => Buffer.from(pool.pop() ?? new ArrayBuffer(CHUNK));
    const o = new Out(fresh());
    const before = r.rows;
    await r.render(m.from, m.to, o, (out) => {
      chunks.push(out.b.buffer as ArrayBuffer);
      lengths.push(out.p);
      out.b = fresh();
      out.p = 0;
    });
    chunks.push(o.b.buffer as ArrayBuffer);
    lengths.push(o.p);
    const done: BlockDone = { id: m.id, chunks, lengths, rows: r.rows - before };
    port.postMessage(done, chunks);
  });
}

async function writeAll(fh: FileHandle, buf: Buffer): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off);
    off += bytesWritten;
  }
}

/** The area names a village's rows carry: Prov, Kab/Kota, Kec, Desa/Kel (upper case, "KAB." / "KOTA"). */
export function nationalNames(v: Village): [string, string, string, string] {
  const regency = v.district.regency;
  const kab = `${regency.isKota ? 'KOTA' : 'KAB.'} ${bareRegencyName(regency).toUpperCase()}`;
  return [regency.province.name.toUpperCase(), kab, v.district.name.toUpperCase(), v.name.toUpperCase()];
}

function csvText(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
