/**
 * Cross-check of the aggregation: a few thousand random by-name rows (seeded) over real Kaltim
 * villages, built with --internal, against counts recomputed here independently with arquero,
 * applying the rules in plain JavaScript: every area (village, district, regency, province) and month.
 */
import * as aq from 'arquero';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOk, child, cleanup, prng, readTableOut, villagesOf, type ByNameRow, type GiziRow, type KualitasRow } from './helpers.ts';

afterAll(cleanup);
vi.setConfig({ hookTimeout: 120_000, testTimeout: 120_000 }); // builds run on busy 2-core machines too

const { op } = aq;

interface Measurement {
  nik: string;
  kode: string; // village
  tanggal: string; // ISO
  periode: string;
  umur: number; // completed months
  haz: number | null;
  label: string;
}

const VILLAGES = [...villagesOf(['64.08.01', '64.08.02']), ...villagesOf(['64.72.01']), ...villagesOf(['64.74.01', '64.74.02', '64.74.03'])];

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const completedMonths = (born: string, at: string) => {
  const [y1, m1, d1] = born.split('-').map(Number);
  const [y2, m2, d2] = at.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
};
const serial = (s: string) => Math.round((Date.parse(`${s}T00:00:00Z`) - Date.parse('1899-12-30T00:00:00Z')) / 86_400_000);
const dmy = (s: string, sep: string) => s.split('-').reverse().join(sep);

function generate(seed: number, children: number) {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const measurements: Measurement[] = [];
  const rows: ByNameRow[] = [];
  const boundaries = ['-2', '-2.00', '-2,00', '-2.01', '-3', '-3,00', '-3.01', '6', '6.00', '6.01', '-6', '-6.00', '-6.01', '-6,01'];
  for (let c = 0; c < children; c++) {
    const nik = `6499${String(seed % 1000).padStart(3, '0')}${String(c).padStart(9, '0')}`;
    // skewed: a few villages get many children
    const v = VILLAGES[Math.floor(VILLAGES.length * rnd() ** 1.7)];
    // born so that many measurements in early 2024 fall around 59/60 months
    const born = rnd() < 0.25 ? iso(2019, 1 + Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 28)) : iso(2019 + Math.floor(rnd() * 5), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28));
    const dates = new Set<string>();
    const k = 1 + Math.floor(rnd() * 4);
    for (let j = 0; j < k; j++) dates.add(iso(2024, 1 + Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 28)));
    for (const tanggal of dates) {
      const umur = completedMonths(born, tanggal);
      if (umur < 0) continue;
      const u = rnd();
      let haz: number | null;
      let zs: string;
      let label = pick(['Normal', 'Pendek', 'Sangat Pendek', 'Tinggi']);
      if (u < 0.06) {
        zs = pick(boundaries);
        haz = Number(zs.replace(',', '.'));
      } else if (u < 0.1) {
        haz = (rnd() < 0.5 ? -1 : 1) * (6.01 + Math.round(rnd() * 300) / 100); // implausible
        zs = haz.toFixed(2);
      } else if (u < 0.16) {
        haz = null; // label decides
        zs = '';
      } else if (u < 0.18) {
        haz = null;
        zs = '';
        label = ''; // neither: excluded
      } else {
        haz = Math.round((-1.4 + 1.5 * (rnd() + rnd() + rnd() + rnd() - 2)) * 100) / 100;
        zs = haz.toFixed(2);
      }
      if (rnd() < 0.3) zs = zs.replace('.', ',');
      const useUsia = rnd() < 0.7;
      const written = pick([tanggal, dmy(tanggal, '/'), dmy(tanggal, '-'), String(serial(tanggal))]);
      rows.push(
        child(
          {
            NIK: nik,
            'Tgl Lahir': rnd() < 0.5 ? born : dmy(born, '/'),
            'Usia Saat Ukur': useUsia ? `${Math.floor(umur / 12)} Tahun - ${umur % 12} Bulan - ${Math.floor(rnd() * 28)} Hari` : '',
            'Tanggal Pengukuran': written,
            'ZS TB/U': zs,
            'TB/U': label,
          },
          v,
        ),
      );
      measurements.push({ nik, kode: v.kode, tanggal, periode: tanggal.slice(0, 7), umur, haz, label });
    }
  }
  // shuffle, so file order says nothing about dates
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return { rows, measurements };
}

/** The rules, written here independently of src/. */
function classify(m: Measurement): { alasan: 'sah' | 'usia' | 'haz_kosong' | 'tidak_masuk_akal'; kelas: string | null } {
  if (m.umur < 0 || m.umur > 59) return { alasan: 'usia', kelas: null };
  let kelas: string | null;
  if (m.haz !== null) kelas = Math.abs(m.haz) > 6 ? 'tidak_masuk_akal' : m.haz < -3 ? 'sangat_pendek' : m.haz < -2 ? 'pendek' : 'normal';
  else kelas = { 'sangat pendek': 'sangat_pendek', pendek: 'pendek', normal: 'normal', tinggi: 'normal' }[m.label.toLowerCase()] ?? null;
  if (kelas === null) return { alasan: 'haz_kosong', kelas };
  if (kelas === 'tidak_masuk_akal') return { alasan: 'tidak_masuk_akal', kelas };
  return { alasan: 'sah', kelas };
}

interface Expected {
  kode_wilayah: string;
  periode: string;
  diukur: number;
  pendek: number;
  sangat_pendek: number;
  baris: number;
  tma: number;
  usia: number;
  hk: number;
  dup: number;
}

function expectedCounts(ms: Measurement[]): Expected[] {
  // the counted record of a child in a month: its latest valid measurement
  const desa = aq
    .from(ms.map((m) => ({ ...m, ...classify(m) })))
    .derive({ sah: (d) => (d.alasan === 'sah' ? 1 : 0) })
    .groupby('nik', 'periode')
    .orderby(aq.desc('sah'), aq.desc('tanggal'))
    .derive({ win: (d) => (op.row_number() === 1 && d.sah === 1 ? 1 : 0) })
    .ungroup()
    .groupby('kode', 'periode')
    .rollup({
      diukur: (d) => op.sum(d.win),
      pendek: (d) => op.sum(d.win === 1 && d.kelas === 'pendek' ? 1 : 0),
      sangat_pendek: (d) => op.sum(d.win === 1 && d.kelas === 'sangat_pendek' ? 1 : 0),
      baris: op.count(),
      tma: (d) => op.sum(d.alasan === 'tidak_masuk_akal' ? 1 : 0),
      usia: (d) => op.sum(d.alasan === 'usia' ? 1 : 0),
      hk: (d) => op.sum(d.alasan === 'haz_kosong' ? 1 : 0),
      dup: (d) => op.sum(d.sah) - op.sum(d.win),
    })
    .derive({ kec: (d) => op.slice(d.kode, 0, 8), kab: (d) => op.slice(d.kode, 0, 5), prov: () => '64' });
  const measures = ['diukur', 'pendek', 'sangat_pendek', 'baris', 'tma', 'usia', 'hk', 'dup'];
  const sums = Object.fromEntries(measures.map((m) => [m, op.sum(m)]));
  const levels = ['kode', 'kec', 'kab', 'prov'].map((level) =>
    desa.groupby(level, 'periode').rollup(sums).rename({ [level]: 'kode_wilayah' }),
  );
  return levels.flatMap((t) => t.objects() as unknown as Expected[]);
}

describe('aggregation cross-check against an independent recomputation (arquero)', () => {
  let expected: Expected[];
  let gizi: Map<string, GiziRow>;
  let kualitas: Map<string, KualitasRow>;
  let rowCount: number;
  beforeAll(async () => {
    const { rows, measurements } = generate(7, 1400);
    rowCount = rows.length;
    expected = expectedCounts(measurements);
    // two files: the same child may be measured in both
    const half = Math.floor(rows.length / 2);
    const r = await buildOk({ eppgbm: { 'januari.csv': rows.slice(0, half), 'maret.csv': { rows: rows.slice(half), csv: { delimiter: ';', crlf: true } } } }, { internal: true });
    expect(r.summary.rowsRead).toBe(rows.length);
    gizi = new Map((await readTableOut<GiziRow>(r.out, 'gizi_balita')).map((g) => [`${g.kode_wilayah}|${g.periode}`, g]));
    kualitas = new Map((await readTableOut<KualitasRow>(r.out, 'kualitas_data')).map((g) => [`${g.kode_wilayah}|${g.periode}`, g]));
  });

  it('the fixture is big and varied enough', () => {
    expect(rowCount).toBeGreaterThan(2500);
    const desa = expected.filter((e) => e.kode_wilayah.split('.').length === 4);
    expect(new Set(desa.map((e) => e.kode_wilayah)).size).toBeGreaterThan(35);
    const total = expected.filter((e) => e.kode_wilayah === '64');
    expect(total.map((e) => e.periode).sort()).toEqual(['2024-01', '2024-02', '2024-03']);
    for (const k of ['tma', 'usia', 'hk', 'dup', 'pendek', 'sangat_pendek'] as const) expect(total.reduce((s, e) => s + e[k], 0), k).toBeGreaterThan(20);
  });

  it('the same areas and months, at every level', () => {
    const keys = expected.map((e) => `${e.kode_wilayah}|${e.periode}`).sort();
    expect([...gizi.keys()].sort()).toEqual(keys);
    expect([...kualitas.keys()].sort()).toEqual(keys);
    for (const [k, g] of gizi) expect(g.tingkat, k).toBe(['provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan'][g.kode_wilayah.split('.').length - 1]);
  });

  it('measured, pendek, sangat pendek and stunting equal for every area and month', () => {
    const diff = expected
      .map((e) => {
        const g = gizi.get(`${e.kode_wilayah}|${e.periode}`);
        const got = g && [g.jumlah_balita_diukur, g.jumlah_balita_pendek, g.jumlah_balita_sangat_pendek, g.jumlah_balita_stunting];
        const want = [e.diukur, e.pendek, e.sangat_pendek, e.pendek + e.sangat_pendek];
        return JSON.stringify(got) === JSON.stringify(want) ? null : `${e.kode_wilayah} ${e.periode}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`;
      })
      .filter(Boolean);
    expect(diff).toEqual([]);
  });

  it('rows read and exclusions by reason (kualitas_data) equal for every area and month', () => {
    const diff = expected
      .map((e) => {
        const k = kualitas.get(`${e.kode_wilayah}|${e.periode}`);
        const got = k && [k.baris_dibaca, k.dikecualikan_tidak_masuk_akal, k.dikecualikan_usia, k.dikecualikan_haz_kosong, k.dikecualikan_duplikat_bulan, k.dikecualikan_wilayah_tidak_cocok];
        const want = [e.baris, e.tma, e.usia, e.hk, e.dup, 0];
        return JSON.stringify(got) === JSON.stringify(want) ? null : `${e.kode_wilayah} ${e.periode}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`;
      })
      .filter(Boolean);
    expect(diff).toEqual([]);
  });

  it('villages reporting: a village reports in a month when it has at least one child measured', () => {
    for (const e of expected.filter((x) => x.kode_wilayah.split('.').length < 4)) {
      const reporting = expected.filter((v) => v.periode === e.periode && v.kode_wilayah.split('.').length === 4 && v.kode_wilayah.startsWith(`${e.kode_wilayah}.`) && v.diukur > 0).length;
      expect(kualitas.get(`${e.kode_wilayah}|${e.periode}`)!.desa_melapor, `${e.kode_wilayah} ${e.periode}`).toBe(reporting);
    }
  });

  it('regency prevalence is sum(stunting) / sum(measured), not a mean of village rates', () => {
    let differs = 0;
    for (const e of expected.filter((x) => x.kode_wilayah.split('.').length === 2)) {
      const g = gizi.get(`${e.kode_wilayah}|${e.periode}`)!;
      const pooled = (100 * (e.pendek + e.sangat_pendek)) / e.diukur;
      expect(g.prevalensi_stunting, `${e.kode_wilayah} ${e.periode}`).toBeCloseTo(pooled, 2);
      const villages = expected.filter((v) => v.periode === e.periode && v.kode_wilayah.startsWith(`${e.kode_wilayah}.`) && v.kode_wilayah.split('.').length === 4 && v.diukur > 0);
      const mean = villages.reduce((s, v) => s + (100 * (v.pendek + v.sangat_pendek)) / v.diukur, 0) / villages.length;
      if (Math.abs(mean - pooled) > 0.5) {
        differs++;
        expect(Math.abs(g.prevalensi_stunting! - mean)).toBeGreaterThan(0.5);
      }
    }
    expect(differs).toBeGreaterThan(2); // the data can tell the two apart
  });

  it('every published prevalence (internal: any level, at least one measured) is the pooled rate rounded to 2 decimals', () => {
    for (const e of expected) {
      const g = gizi.get(`${e.kode_wilayah}|${e.periode}`)!;
      if (e.diukur === 0) expect(g.prevalensi_stunting).toBeNull();
      else expect(Math.abs(g.prevalensi_stunting! - (100 * (e.pendek + e.sangat_pendek)) / e.diukur)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });
});
