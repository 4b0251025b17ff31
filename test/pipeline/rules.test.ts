/**
 * The counting rules at their boundaries, through the real build (internal: exact numbers).
 * Each case sits in its own real village, so one build checks many cases independently.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BYNAME_HEADER, buildOk, child, cleanup, readTableOut, toCsv, villagesOf,
  type ByNameRow, type BuildResult, type GiziRow, type KualitasRow, type Village,
} from './helpers.ts';

afterAll(cleanup);
vi.setConfig({ hookTimeout: 120_000, testTimeout: 120_000 }); // builds run on busy 2-core machines too

const VILLAGES = villagesOf(['64.08.01', '64.08.02', '64.08.03']);

interface Expect {
  periode?: string;
  diukur: number;
  pendek: number;
  sangat_pendek: number;
  baris?: number;
  tma?: number;
  usia?: number;
  dup?: number;
  hk?: number;
}

interface Case {
  name: string;
  rows: ByNameRow[];
  expect: Expect | Expect[];
}

const at = (v: Village) => ({ prov: v.prov, kab: v.kab, kec: v.kec, desa: v.desa });

/** Build every case (one village each) in one internal build; returns the checker. */
function casesBuild(cases: Case[]) {
  let result: BuildResult;
  let gizi: GiziRow[] = [];
  let kualitas: KualitasRow[] = [];
  beforeAll(async () => {
    if (cases.length > VILLAGES.length) throw new Error('too many cases for the villages');
    const rows = cases.flatMap((c, i) => c.rows.map((r) => child(r, at(VILLAGES[i]))));
    result = await buildOk({ eppgbm: { 'ukur.csv': rows } }, { internal: true });
    gizi = await readTableOut<GiziRow>(result.out, 'gizi_balita');
    kualitas = await readTableOut<KualitasRow>(result.out, 'kualitas_data');
  });
  for (const [i, c] of cases.entries()) {
    it(c.name, () => {
      const kode = VILLAGES[i].kode;
      const expects = Array.isArray(c.expect) ? c.expect : [c.expect];
      // no row for this village in a month the case does not expect
      expect(gizi.filter((g) => g.kode_wilayah === kode).map((g) => g.periode).sort()).toEqual(expects.map((e) => e.periode ?? '2024-02').sort());
      for (const e of expects) {
        const periode = e.periode ?? '2024-02';
        const g = gizi.find((r) => r.kode_wilayah === kode && r.periode === periode);
        const k = kualitas.find((r) => r.kode_wilayah === kode && r.periode === periode);
        expect(g, `gizi ${kode} ${periode}`).toBeDefined();
        expect(k, `kualitas ${kode} ${periode}`).toBeDefined();
        expect({ diukur: g!.jumlah_balita_diukur, pendek: g!.jumlah_balita_pendek, sangat_pendek: g!.jumlah_balita_sangat_pendek, stunting: g!.jumlah_balita_stunting }).toEqual({
          diukur: e.diukur,
          pendek: e.pendek,
          sangat_pendek: e.sangat_pendek,
          stunting: e.pendek + e.sangat_pendek,
        });
        expect({ baris: k!.baris_dibaca, tma: k!.dikecualikan_tidak_masuk_akal, usia: k!.dikecualikan_usia, dup: k!.dikecualikan_duplikat_bulan, hk: k!.dikecualikan_haz_kosong }).toEqual({
          baris: e.baris ?? c.rows.length,
          tma: e.tma ?? 0,
          usia: e.usia ?? 0,
          dup: e.dup ?? 0,
          hk: e.hk ?? 0,
        });
      }
    });
  }
}

const N = (diukur: number, pendek = 0, sangat_pendek = 0, extra: Partial<Expect> = {}): Expect => ({ diukur, pendek, sangat_pendek, ...extra });

describe('height-for-age z-score boundaries', () => {
  casesBuild([
    { name: 'HAZ exactly -2 is not stunted', rows: [{ 'ZS TB/U': '-2' }, { 'ZS TB/U': '-2.00' }], expect: N(2) },
    { name: 'HAZ -2.01 is pendek', rows: [{ 'ZS TB/U': '-2.01' }], expect: N(1, 1, 0) },
    { name: 'HAZ exactly -3 is pendek, not sangat pendek', rows: [{ 'ZS TB/U': '-3' }, { 'ZS TB/U': '-3.00' }], expect: N(2, 2, 0) },
    { name: 'HAZ -3.01 is sangat pendek', rows: [{ 'ZS TB/U': '-3.01' }], expect: N(1, 0, 1) },
    { name: 'HAZ 6.00 is kept (plausible)', rows: [{ 'ZS TB/U': '6.00' }], expect: N(1) },
    { name: 'HAZ 6.01 is implausible and excluded', rows: [{ 'ZS TB/U': '6.01' }], expect: N(0, 0, 0, { tma: 1 }) },
    { name: 'HAZ -6.00 is kept as sangat pendek', rows: [{ 'ZS TB/U': '-6.00' }], expect: N(1, 0, 1) },
    { name: 'HAZ -6.01 is implausible and excluded', rows: [{ 'ZS TB/U': '-6.01' }], expect: N(0, 0, 0, { tma: 1 }) },
    { name: 'decimal comma: -2,01 pendek, -2,00 not, -3,01 sangat pendek, 6,01 excluded', rows: [{ 'ZS TB/U': '-2,01' }, { 'ZS TB/U': '-2,00' }, { 'ZS TB/U': '-3,01' }, { 'ZS TB/U': '6,01' }], expect: N(3, 1, 1, { tma: 1 }) },
    {
      name: 'empty ZS: the TB/U label decides (Sangat Pendek, Pendek, Normal, Tinggi, any case)',
      rows: [
        { 'ZS TB/U': '', 'TB/U': 'Sangat Pendek' },
        { 'ZS TB/U': '', 'TB/U': 'Pendek' },
        { 'ZS TB/U': '', 'TB/U': 'pendek' },
        { 'ZS TB/U': '', 'TB/U': 'Normal' },
        { 'ZS TB/U': '', 'TB/U': 'Tinggi' },
        { 'ZS TB/U': ' ', 'TB/U': 'SANGAT  PENDEK' },
      ],
      expect: N(6, 2, 2),
    },
    { name: 'a z-score wins over the label', rows: [{ 'ZS TB/U': '-2.5', 'TB/U': 'Normal' }, { 'ZS TB/U': '0.5', 'TB/U': 'Sangat Pendek' }], expect: N(2, 1, 0) },
    { name: 'neither ZS nor label: excluded as haz_kosong', rows: [{ 'ZS TB/U': '', 'TB/U': '' }, { 'ZS TB/U': '-2.5' }], expect: N(1, 1, 0, { hk: 1 }) },
  ]);
});

describe('age 0-59 completed months', () => {
  casesBuild([
    { name: 'Usia "4 Tahun - 11 Bulan - 30 Hari" (59 months) is counted', rows: [{ 'Usia Saat Ukur': '4 Tahun - 11 Bulan - 30 Hari', 'ZS TB/U': '-2.5' }], expect: N(1, 1) },
    { name: 'Usia "5 Tahun - 0 Bulan - 0 Hari" (60 months) is excluded', rows: [{ 'Usia Saat Ukur': '5 Tahun - 0 Bulan - 0 Hari', 'ZS TB/U': '-2.5' }], expect: N(0, 0, 0, { usia: 1 }) },
    { name: 'Usia "0 Tahun - 0 Bulan - 3 Hari" (newborn) is counted', rows: [{ 'Usia Saat Ukur': '0 Tahun - 0 Bulan - 3 Hari' }], expect: N(1) },
    {
      name: 'Usia in other spellings: "4 tahun 11 bulan", "59 Bulan", "4 Thn 11 Bln" count; "5 Tahun" does not',
      rows: [{ 'Usia Saat Ukur': '4 tahun 11 bulan', 'Tgl Lahir': '' }, { 'Usia Saat Ukur': '59 Bulan', 'Tgl Lahir': '' }, { 'Usia Saat Ukur': '4 Thn 11 Bln', 'Tgl Lahir': '' }, { 'Usia Saat Ukur': '5 Tahun', 'Tgl Lahir': '' }],
      expect: N(3, 0, 0, { usia: 1 }),
    },
    { name: 'Usia wins over Tgl Lahir (59 by Usia, 60 by date of birth)', rows: [{ 'Usia Saat Ukur': '4 Tahun - 11 Bulan - 29 Hari', 'Tgl Lahir': '2019-01-01', 'Tanggal Pengukuran': '2024-02-10' }], expect: N(1) },
    {
      name: 'empty Usia, Tgl Lahir: day before the 5th birthday is 59 months (counted)',
      rows: [{ 'Usia Saat Ukur': '', 'Tgl Lahir': '2019-03-15', 'Tanggal Pengukuran': '2024-03-14' }],
      expect: N(1, 0, 0, { periode: '2024-03' }),
    },
    {
      name: 'empty Usia, Tgl Lahir: on the 5th birthday it is 60 months (excluded)',
      rows: [{ 'Usia Saat Ukur': '', 'Tgl Lahir': '2019-03-15', 'Tanggal Pengukuran': '2024-03-15' }],
      expect: N(0, 0, 0, { periode: '2024-03', usia: 1 }),
    },
    {
      name: 'birthday rule: 59 months are complete only when the day is reached',
      rows: [
        { 'Usia Saat Ukur': '', 'Tgl Lahir': '2019-03-15', 'Tanggal Pengukuran': '2024-02-15', 'ZS TB/U': '-2.5' }, // 59 complete: counted
        { 'Usia Saat Ukur': '', 'Tgl Lahir': '2019-03-16', 'Tanggal Pengukuran': '2024-02-15', 'ZS TB/U': '-3.5' }, // 58: counted
      ],
      expect: N(2, 1, 1),
    },
    {
      name: 'date of birth after the measurement is excluded by age',
      rows: [{ 'Usia Saat Ukur': '', 'Tgl Lahir': '2024-02-20', 'Tanggal Pengukuran': '2024-02-10' }],
      expect: N(0, 0, 0, { usia: 1 }),
    },
  ]);
});

// Regression test (fixed) for (src/pipeline/sql/rules.ts atlas_usia_bulan, fast branch added in 680d0f0): a value matching
// LIKE '% Tahun - % Bulan%' is split on single spaces without trimming, and when a part does not cast
// the result is NULL instead of falling through to the general pattern. " 4 Tahun - 11 Bulan - 30 Hari"
// (leading space, as spreadsheets often leave) or "4  Tahun - ..." (double space) is then "age cannot
// be read" (a build error) when Tgl Lahir is empty, or silently replaced by the date-of-birth age.
// Fix: trim, and take the fast branch only when both split parts cast (else use the regex branch).
it('Usia with a leading or doubled space is still read (59 months, counted)', async () => {
  const r = await buildOk(
    { eppgbm: { 'a.csv': [child({ 'Usia Saat Ukur': ' 4 Tahun - 11 Bulan - 30 Hari', 'Tgl Lahir': '' }), child({ 'Usia Saat Ukur': '4  Tahun - 11 Bulan - 30 Hari', 'Tgl Lahir': '' })] } },
    { internal: true },
  );
  const [g] = await readTableOut<GiziRow>(r.out, 'gizi_balita', `WHERE kode_wilayah = '64'`);
  expect(g.jumlah_balita_diukur).toBe(2);
});

describe('dates and periods', () => {
  casesBuild([
    { name: 'measurement date YYYY-MM-DD', rows: [{ 'Tanggal Pengukuran': '2024-03-15' }], expect: N(1, 0, 0, { periode: '2024-03' }) },
    { name: 'measurement date DD/MM/YYYY', rows: [{ 'Tanggal Pengukuran': '15/03/2024' }], expect: N(1, 0, 0, { periode: '2024-03' }) },
    { name: 'measurement date DD-MM-YYYY', rows: [{ 'Tanggal Pengukuran': '15-03-2024' }], expect: N(1, 0, 0, { periode: '2024-03' }) },
    { name: 'measurement date as an Excel serial (45366 = 2024-03-15)', rows: [{ 'Tanggal Pengukuran': '45366' }], expect: N(1, 0, 0, { periode: '2024-03' }) },
    { name: 'DD/MM/YYYY is day first (01/03/2024 is March, not January)', rows: [{ 'Tanggal Pengukuran': '01/03/2024' }], expect: N(1, 0, 0, { periode: '2024-03' }) },
    { name: 'an Excel serial with a time of day (45366.5, 45366,75) is that day', rows: [{ 'Tanggal Pengukuran': '45366.5' }, { 'Tanggal Pengukuran': '45366,75' }], expect: N(2, 0, 0, { periode: '2024-03' }) },
    { name: 'a date followed by a time is that day', rows: [{ 'Tanggal Pengukuran': '2024-03-31 23:59:00' }, { 'Tanggal Pengukuran': '31/03/2024 08:30' }], expect: N(2, 0, 0, { periode: '2024-03' }) },
    // date of birth in each format: the 5th birthday falls on 2024-03-15
    ...['15/03/2019', '15-03-2019', '43539'].flatMap((dob) => [
      { name: `Tgl Lahir ${dob}: 2024-03-14 is 59 months (counted)`, rows: [{ 'Usia Saat Ukur': '', 'Tgl Lahir': dob, 'Tanggal Pengukuran': '2024-03-14' }], expect: N(1, 0, 0, { periode: '2024-03' }) },
      { name: `Tgl Lahir ${dob}: 2024-03-15 is 60 months (excluded)`, rows: [{ 'Usia Saat Ukur': '', 'Tgl Lahir': dob, 'Tanggal Pengukuran': '15/03/2024' }], expect: N(0, 0, 0, { periode: '2024-03', usia: 1 }) },
    ]),
    {
      name: 'period is the month of the measurement: one child in two months counts in both',
      rows: [
        { NIK: '6408010101010001', 'Tanggal Pengukuran': '2024-01-31', 'ZS TB/U': '-2.5' },
        { NIK: '6408010101010001', 'Tanggal Pengukuran': '2024-02-01', 'ZS TB/U': '-3.5' },
      ],
      expect: [N(1, 1, 0, { periode: '2024-01', baris: 1 }), N(1, 0, 1, { periode: '2024-02', baris: 1 })],
    },
  ]);
});

describe('a child counts once per month, the latest measurement wins', () => {
  casesBuild([
    {
      name: 'latest of two (written later in the file) wins; the other counts as a duplicate',
      rows: [
        { NIK: '6408010202020001', 'Tanggal Pengukuran': '2024-02-05', 'ZS TB/U': '-2.5' },
        { NIK: '6408010202020001', 'Tanggal Pengukuran': '2024-02-20', 'ZS TB/U': '-1.0' },
      ],
      expect: N(1, 0, 0, { dup: 1 }),
    },
    {
      name: 'latest by date wins even when it comes first in the file',
      rows: [
        { NIK: '6408010202020002', 'Tanggal Pengukuran': '20/02/2024', 'ZS TB/U': '-3.5' },
        { NIK: '6408010202020002', 'Tanggal Pengukuran': '2024-02-05', 'ZS TB/U': '-1.0' },
      ],
      expect: N(1, 0, 1, { dup: 1 }),
    },
    {
      name: 'three measurements of one child and one of another in the same month',
      rows: [
        { NIK: '6408010202020003', 'Tanggal Pengukuran': '2024-02-03', 'ZS TB/U': '-3.5' },
        { NIK: '6408010202020003', 'Tanggal Pengukuran': '2024-02-28', 'ZS TB/U': '-2.5' },
        { NIK: '6408010202020003', 'Tanggal Pengukuran': '2024-02-10', 'ZS TB/U': '0.5' },
        { NIK: '6408010202020004', 'Tanggal Pengukuran': '2024-02-10', 'ZS TB/U': '0.5' },
      ],
      expect: N(2, 1, 0, { dup: 2 }),
    },
    {
      name: 'NIK is compared after trimming spaces',
      rows: [
        { NIK: ' 6408010202020005', 'Tanggal Pengukuran': '2024-02-03', 'ZS TB/U': '-3.5' },
        { NIK: '6408010202020005 ', 'Tanggal Pengukuran': '2024-02-04', 'ZS TB/U': '-2.5' },
      ],
      expect: N(1, 1, 0, { dup: 1 }),
    },
  ]);
});

describe('CSV dialects', () => {
  const v = (i: number) => at(VILLAGES[i]);
  // the columns the build reads last in the row, so a stray \r would break the value
  const lastUsed = [...BYNAME_HEADER.filter((h) => h !== 'TB/U' && h !== 'ZS TB/U'), 'TB/U', 'ZS TB/U'];
  let r: BuildResult;
  let gizi: GiziRow[];
  beforeAll(async () => {
    const semicolonRows = [
      child({ 'ZS TB/U': '-2,5', Alamat: 'Jl. Mawar; Gg. 2' }, v(0)),
      child({ 'ZS TB/U': '-3,5' }, v(0)),
      child({ 'ZS TB/U': '0,3' }, v(0)),
    ];
    const quotedRows = [
      child({ 'ZS TB/U': '-2.5', Alamat: 'Jl. Mawar, Gg. 3' }, v(1)),
      child({ 'ZS TB/U': '-3.5', Alamat: 'Jl. Melati\nRT 01 / RW 02', Nama: 'Anak "Uji", kedua' }, v(1)),
      child({ 'ZS TB/U': '-2.5', Alamat: 'Blok "C"\r\nNo. 4, belakang' }, v(1)),
      child({ 'ZS TB/U': '1.5' }, v(1)),
    ];
    r = await buildOk(
      {
        eppgbm: {
          'a-semicolon-bom-crlf.csv': toCsv(BYNAME_HEADER, semicolonRows, { delimiter: ';', bom: true, crlf: true }),
          'b-quoted.csv': toCsv(BYNAME_HEADER, quotedRows),
          'c-crlf-last-column.csv': toCsv(lastUsed, [child({ 'ZS TB/U': '-2,5', 'TB/U': 'Pendek' }, v(2)), child({ 'ZS TB/U': '', 'TB/U': 'Sangat Pendek' }, v(2))], { crlf: true }),
          'd-semicolon-last-column.csv': toCsv(lastUsed, [child({ 'ZS TB/U': '', 'TB/U': 'Pendek' }, v(3)), child({ 'ZS TB/U': '-3,2' }, v(3))], { delimiter: ';', bom: true, crlf: true }),
        },
      },
      { internal: true },
    );
    gizi = await readTableOut<GiziRow>(r.out, 'gizi_balita', `WHERE tingkat = 'desa_kelurahan'`);
  });
  const counts = (i: number) => {
    const g = gizi.find((x) => x.kode_wilayah === VILLAGES[i].kode && x.periode === '2024-02');
    return g && [g.jumlah_balita_diukur, g.jumlah_balita_pendek, g.jumlah_balita_sangat_pendek];
  };
  it('reads a ";"-delimited file with a BOM and CRLF line ends (quoted ";" inside a value)', () => {
    expect(counts(0)).toEqual([3, 1, 1]);
  });
  it('reads quoted values holding the delimiter, a line break and doubled quotes', () => {
    expect(counts(1)).toEqual([4, 2, 1]);
  });
  it('CRLF does not leave a \\r on the last column (z-score and label read last)', () => {
    expect(counts(2)).toEqual([2, 1, 1]);
    expect(counts(3)).toEqual([2, 1, 1]);
  });
  it('counts records, not physical lines', () => {
    const rows = Object.fromEntries(r.summary!.inputs.map((i) => [i.name, i.rows]));
    expect(rows['raw/eppgbm/a-semicolon-bom-crlf.csv']).toBe(3);
    expect(rows['raw/eppgbm/b-quoted.csv']).toBe(4);
    expect(r.summary!.rowsRead).toBe(11);
    expect(r.summary!.warnings).toEqual([]);
  });
});

describe('area codes with or without dots (aggregated village file)', () => {
  let gizi: Map<string, GiziRow>;
  beforeAll(async () => {
    const header = ['kode_wilayah', 'periode', 'jumlah_sasaran_balita', 'jumlah_balita_diukur', 'jumlah_balita_pendek', 'jumlah_balita_sangat_pendek'];
    const r = await buildOk(
      {
        files: {
          'raw/eppgbm-desa/desa.csv': {
            header,
            rows: [
              { kode_wilayah: '6408012001', periode: '2024-05', jumlah_sasaran_balita: 40, jumlah_balita_diukur: 30, jumlah_balita_pendek: 5, jumlah_balita_sangat_pendek: 2 },
              { kode_wilayah: '64.08.01.2002', periode: '2024-05', jumlah_sasaran_balita: 25, jumlah_balita_diukur: 21, jumlah_balita_pendek: 3, jumlah_balita_sangat_pendek: 1 },
              { kode_wilayah: ' 64.08.01.2003 ', periode: '2024-05', jumlah_sasaran_balita: '', jumlah_balita_diukur: '1.234', jumlah_balita_pendek: '100', jumlah_balita_sangat_pendek: '20' },
            ],
          },
        },
      },
      { internal: true },
    );
    gizi = new Map((await readTableOut<GiziRow>(r.out, 'gizi_balita')).map((g) => [g.kode_wilayah, g]));
  });
  it('undotted 6408012001 becomes 64.08.01.2001', () => {
    expect(gizi.get('64.08.01.2001')).toMatchObject({ periode: '2024-05', jumlah_balita_diukur: 30, jumlah_balita_pendek: 5, jumlah_balita_sangat_pendek: 2, jumlah_balita_stunting: 7 });
  });
  it('dotted and space-padded codes are kept; 1.234 is a thousands separator', () => {
    expect(gizi.get('64.08.01.2002')).toMatchObject({ jumlah_balita_diukur: 21, jumlah_balita_stunting: 4 });
    expect(gizi.get('64.08.01.2003')).toMatchObject({ jumlah_balita_diukur: 1234, jumlah_balita_stunting: 120 });
  });
  it('the district sums the three villages', () => {
    expect(gizi.get('64.08.01')).toMatchObject({ jumlah_balita_diukur: 1285, jumlah_balita_pendek: 108, jumlah_balita_sangat_pendek: 23 });
    expect([...gizi.keys()].filter((k) => k.startsWith('64.08.01.')).sort()).toEqual(['64.08.01.2001', '64.08.01.2002', '64.08.01.2003']);
  });
});
