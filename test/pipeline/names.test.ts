/**
 * Area-name matching: the comparison key, hierarchical matching against idn-area-data, suggestions,
 * and, through the build, how unmatched names are reported and how the crosswalk fixes them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadGazetteer, type Gazetteer } from '../../src/pipeline/gazetteer.ts';
import { editDistance, nameKey, NameMatcher, type NameTuple } from '../../src/pipeline/names.ts';
import { build, buildFails, buildOk, child, cleanup, colOf, readTableOut, TELUK_BARU, type GiziRow, type KualitasRow } from './helpers.ts';

afterAll(cleanup);
vi.setConfig({ hookTimeout: 120_000, testTimeout: 120_000 }); // builds run on busy 2-core machines too

describe('nameKey', () => {
  it('ignores case, spacing, punctuation and the Kab./Kabupaten/Kota prefix at regency level', () => {
    for (const n of ['Kutai Timur', 'KAB. KUTAI  TIMUR', 'Kabupaten Kutai Timur', 'kab kutai timur', 'Kab.Kutai-Timur', ' Kota  Kutai Timur ']) {
      expect(nameKey(n, 'kabupaten_kota'), n).toBe('kutaitimur');
    }
    expect(nameKey('Kota Samarinda', 'kabupaten_kota')).toBe('samarinda');
  });
  it('ignores apostrophes (straight, typographic, backtick) and accents', () => {
    const keys = ["Long La'ai", 'Long La’ai', 'LONG LA`AI', 'Long Laai', 'Long Lá-ai'].map((n) => nameKey(n, 'desa_kelurahan'));
    expect(new Set(keys)).toEqual(new Set(['longlaai']));
  });
  it('strips the prefix of its own level only, and only as a whole word', () => {
    expect(nameKey('Kec. Muara Ancalong', 'kecamatan')).toBe('muaraancalong');
    expect(nameKey('Kecamatan Muara Ancalong', 'kecamatan')).toBe('muaraancalong');
    expect(nameKey('Desa Teluk Baru', 'desa_kelurahan')).toBe('telukbaru');
    expect(nameKey('Kel. Teluk Baru', 'desa_kelurahan')).toBe('telukbaru');
    expect(nameKey('Prov. Kalimantan Timur', 'provinsi')).toBe('kalimantantimur');
    // "Kota Bangun" is a kecamatan name: the regency prefix does not apply at that level
    expect(nameKey('Kota Bangun', 'kecamatan')).toBe('kotabangun');
    // "Kotabaru" is one word: no prefix to strip
    expect(nameKey('Kotabaru', 'kabupaten_kota')).toBe('kotabaru');
  });
});

describe('editDistance', () => {
  it('is the Levenshtein distance with adjacent transpositions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('telukbaru', 'telukbaru')).toBe(0);
    expect(editDistance('telukbaru', 'telukbaruu')).toBe(1);
    expect(editDistance('telukbaru', 'telukbrau')).toBe(1); // transposition
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('muaraancalong', 'muaraancalung')).toBe(1);
  });
  it('is symmetric', () => {
    for (const [a, b] of [['senyiur', 'senyur'], ['longnah', 'lognah'], ['abcdef', 'badcfe']]) expect(editDistance(a, b)).toBe(editDistance(b, a));
  });
});

describe('NameMatcher (Kalimantan Timur)', () => {
  let g: Gazetteer;
  let m: NameMatcher;
  beforeAll(() => {
    g = loadGazetteer('64');
    m = new NameMatcher(g);
  });
  const match = (t: NameTuple) => m.match(t);
  it('matches level by level, whatever the spelling of prefixes and case', () => {
    expect(match(['Kalimantan Timur', 'Kutai Timur', 'Muara Ancalong', 'Teluk Baru'])).toEqual({ ok: true, kode: '64.08.01.2014' });
    expect(match(['PROV. KALIMANTAN TIMUR', 'KAB. KUTAI TIMUR', 'KEC. MUARA ANCALONG', 'DESA TELUK BARU'])).toEqual({ ok: true, kode: '64.08.01.2014' });
    expect(match(['kalimantan timur', 'Kota Samarinda', 'Palaran', 'Rawa Makmur'])).toEqual({ ok: true, kode: '64.72.01.1001' });
    expect(match(['Kalimantan Timur', 'Samarinda', 'palaran', 'rawa  makmur'])).toEqual({ ok: true, kode: '64.72.01.1001' });
    expect(match(['Kalimantan Timur', 'Kutai Kartanegara', 'Kota Bangun', 'Kota Bangun Ulu'])).toMatchObject({ ok: true });
  });
  it('a village name is only looked up inside its district', () => {
    const r = match(['Kalimantan Timur', 'Kutai Timur', 'Muara Wahau', 'Teluk Baru']);
    expect(r).toMatchObject({ ok: false, level: 'desa_kelurahan', name: 'Teluk Baru' });
    if (!r.ok) expect(r.parent?.kode).toBe('64.08.02');
  });
  it('reports the first level that does not match, with the closest sibling names', () => {
    const r = match(['Kalimantan Timur', 'Kutai Timur', 'Muara Ancalung', 'Teluk Baru']);
    expect(r).toMatchObject({ ok: false, level: 'kecamatan', name: 'Muara Ancalung' });
    if (!r.ok) expect(r.suggestions[0]).toBe('Muara Ancalong');
    const d = match(['Kalimantan Timur', 'Kutai Timur', 'Muara Ancalong', 'Teluk Baruu']);
    expect(d).toMatchObject({ ok: false, level: 'desa_kelurahan', suggestions: ['Teluk Baru'] });
    const none = match(['Kalimantan Timur', 'Kutai Timur', 'Muara Ancalong', 'Xyzzy Qwerty']);
    expect(none).toMatchObject({ ok: false, level: 'desa_kelurahan', suggestions: [] });
  });
  it('suggests at most three names, closest first', () => {
    const s = m.suggest('Long', 'desa_kelurahan', g.areas.get('64.08.01')!);
    expect(s.length).toBeLessThanOrEqual(3);
    expect(m.suggest('Kelinjau', 'desa_kelurahan', g.areas.get('64.08.01')!).slice(0, 2).sort()).toEqual(['Kelinjau Ilir', 'Kelinjau Ulu']);
    expect(m.suggest('Kelinjau Ilr', 'desa_kelurahan', g.areas.get('64.08.01')!)[0]).toBe('Kelinjau Ilir');
  });
  it('a crosswalk entry fixes a spelling, can point below the level it names, or exclude with "-"', () => {
    const cw = new NameMatcher(g, [
      { names: ['Kalimantan Timur', 'Kutai Timur', 'Muara Ancalong', 'Teluk Baruu'], kode: '64.08.01.2014' },
      { names: ['Kalimantan Timur', 'Kutai Timur', 'Muara Ancalung'], kode: '64.08.01' },
      { names: ['Kalimantan Timur', 'Luar Wilayah'], kode: '-' },
    ]);
    expect(cw.match(['Kalimantan Timur', 'KAB. KUTAI TIMUR', 'Muara Ancalong', 'TELUK BARUU'])).toEqual({ ok: true, kode: '64.08.01.2014' });
    expect(cw.match(['Kalimantan Timur', 'Kutai Timur', 'Muara Ancalung', 'Teluk Baru'])).toEqual({ ok: true, kode: '64.08.01.2014' });
    expect(cw.match(['Kalimantan Timur', 'Luar Wilayah', 'A', 'B'])).toEqual({ ok: true, excluded: true, kode: null });
    // without the crosswalk these do not match
    expect(m.match(['Kalimantan Timur', 'Kutai Timur', 'Muara Ancalung', 'Teluk Baru'])).toMatchObject({ ok: false });
    expect(m.match(['Kalimantan Timur', 'Kutai Timur', 'Muara Ancalong', 'Teluk Baruu'])).toMatchObject({ ok: false });
  });
  // Regression test (fixed) for (src/pipeline/names.ts, NameMatcher.match): the crosswalk is only consulted for the names up to
  // the level being resolved, so a line naming all four levels is never reached when a higher level
  // (here the regency) is misspelt: the row stays unmatched although the crosswalk names it exactly.
  it('a crosswalk line with all four names fixes a row whose regency or district is misspelt', () => {
    const cw = new NameMatcher(g, [
      { names: ['Kalimantan Timur', 'Kutim', 'Ancalong Lama', 'Dusun Lama'], kode: '64.08.01.2001' },
      { names: ['Kalimantan Timur', 'Kutai Timur', 'Muara Ancalung', 'Senyiur'], kode: '64.08.01.2001' },
    ]);
    expect(cw.match(['Kalimantan Timur', 'Kutai Timur', 'Muara Ancalung', 'Senyiur'])).toEqual({ ok: true, kode: '64.08.01.2001' });
    expect(cw.match(['Kalimantan Timur', 'Kutim', 'Ancalong Lama', 'Dusun Lama'])).toEqual({ ok: true, kode: '64.08.01.2001' });
  });
});

describe('NameMatcher: Kota and Kabupaten of the same name (Jawa Barat)', () => {
  let m: NameMatcher;
  beforeAll(() => {
    m = new NameMatcher(loadGazetteer('32'));
  });
  it('"Kota Bogor" is the city, "Kab. Bogor" and a bare "Bogor" the regency', () => {
    expect(m.match(['Jawa Barat', 'Kota Bogor', 'Bogor Selatan', 'Batu Tulis'])).toEqual({ ok: true, kode: '32.71.01.1001' });
    expect(m.match(['Jawa Barat', 'KOTA BOGOR', 'Bogor Selatan', 'Batu Tulis'])).toEqual({ ok: true, kode: '32.71.01.1001' });
    expect(m.match(['Jawa Barat', 'Kab. Bogor', 'Cibinong', 'Pondok Rajeg'])).toEqual({ ok: true, kode: '32.01.01.1001' });
    expect(m.match(['Jawa Barat', 'Kabupaten Bogor', 'Cibinong', 'Pondok Rajeg'])).toEqual({ ok: true, kode: '32.01.01.1001' });
    expect(m.match(['Jawa Barat', 'Bogor', 'Cibinong', 'Pondok Rajeg'])).toEqual({ ok: true, kode: '32.01.01.1001' });
  });
  it('a city district under the regency name does not match', () => {
    expect(m.match(['Jawa Barat', 'Kabupaten Bogor', 'Bogor Selatan', 'Batu Tulis'])).toMatchObject({ ok: false, level: 'kecamatan' });
  });
});

describe('through the build: unmatched names', () => {
  const { prov, kab, kec } = TELUK_BARU;
  const bad = { prov, kab, kec, desa: 'Teluk Baruu' };
  const badKec = { prov, kab, kec: 'Muara Ancalung', desa: 'Senyiur' };
  const fixture = () => ({
    eppgbm: {
      'a.csv': [
        child({}, TELUK_BARU), // line 2
        child({}, bad), // line 3
        child({}, TELUK_BARU), // 4
        child({}, { ...bad, desa: 'TELUK BARUU' }), // 5: same name, other case
        child({}, badKec), // 6
        child({}, { ...badKec, desa: 'Kelinjau Ilir' }), // 7: same bad district, other village
      ],
      'b.csv': [child({}, TELUK_BARU), child({}, bad), child({}, bad)], // lines 2-4
    },
  });

  it('lists each distinct unmatched name once, with row count, first FILE:LINE:COLUMN and a suggestion', async () => {
    const r = await buildFails(fixture());
    const errors = r.issues.filter((l) => !l.includes(': warning: '));
    expect(errors).toHaveLength(2);
    // the name is shown as written in one of its rows (case may differ from the first line)
    expect(errors[0]).toMatch(
      new RegExp(
        `^raw/eppgbm/a\\.csv:3:${colOf('Desa/Kel')}: Desa/Kel "teluk baruu" not found in Kecamatan Muara Ancalong \\(64\\.08\\.01\\) \\(4 rows\\); did you mean "Teluk Baru"\\? — correct the spelling, or add a line to reference/crosswalk\\.csv`,
        'i',
      ),
    );
    expect(errors[1]).toMatch(new RegExp(`^raw/eppgbm/a\\.csv:6:${colOf('Kec')}: Kec "Muara Ancalung" not found in .*\\(64\\.08\\) \\(2 rows\\); did you mean "Muara Ancalong"(, "[^"]+")*\\? — `));
  });

  // Regression test (fixed) for (src/pipeline/readers/eppgbm.ts, readByName, the `parent` label): gazetteer names of regencies
  // already start with "Kabupaten"/"Kota", and the message prefixes the jenis again.
  it('the parent area in the message does not repeat "Kabupaten"/"Kota"', async () => {
    const r = await buildFails(fixture());
    expect(r.issues.join('\n')).not.toMatch(/Kabupaten Kabupaten|Kota Kota/);
  });

  it('reports the first line in the first file that has the name, even when only a later file has it', async () => {
    const r = await buildFails({ eppgbm: { 'a.csv': [child({}, TELUK_BARU)], 'b.csv': [child({}, TELUK_BARU), child({}, TELUK_BARU), child({}, { ...bad, desa: 'Teluk  Baruu' })] } });
    expect(r.issues).toEqual([expect.stringMatching(new RegExp(`^raw/eppgbm/b\\.csv:4:${colOf('Desa/Kel')}: Desa/Kel "Teluk  ?Baruu" not found .* \\(1 row\\)`))]);
  });

  it('a crosswalk line fixes the spelling: the rows land in the right village', async () => {
    const fx = fixture();
    const r = await buildOk(
      {
        ...fx,
        files: {
          'reference/crosswalk.csv': [
            'nama_prov,nama_kab,nama_kec,nama_desa,kode_wilayah',
            'Kalimantan Timur,Kutai Timur,Muara Ancalong,Teluk Baruu,64.08.01.2014',
            'Kalimantan Timur,Kutai Timur,Muara Ancalung,,6408.01', // a district: villages under it resolve by name
            '',
          ].join('\n'),
        },
      },
      { internal: true },
    );
    const gizi = new Map((await readTableOut<GiziRow>(r.out, 'gizi_balita')).map((g) => [g.kode_wilayah, g.jumlah_balita_diukur]));
    expect(gizi.get('64.08.01.2014')).toBe(7); // 3 well spelt + 4 via the crosswalk
    expect(gizi.get('64.08.01.2001')).toBe(1);
    expect(gizi.get('64.08.01.2002')).toBe(1);
    expect(gizi.get('64.08.01')).toBe(9);
  });

  // Regression test (fixed) for (src/pipeline/names.ts, NameMatcher.match), as the user meets it: the error for a misspelt
  // district says "add a line to reference/crosswalk.csv: nama_prov,nama_kab,nama_kec,nama_desa,kode_wilayah",
  // but a line with all four names does not fix it (only a line that stops at nama_kec does).
  it('a four-name crosswalk line fixes a misspelt district, as the error message suggests', async () => {
    const r = await build({
      eppgbm: { 'a.csv': [child({}, badKec)] },
      files: { 'reference/crosswalk.csv': 'nama_prov,nama_kab,nama_kec,nama_desa,kode_wilayah\nKalimantan Timur,Kutai Timur,Muara Ancalung,Senyiur,64.08.01.2001\n' },
    });
    expect(r.issues).toEqual([]);
    expect(r.summary).toBeDefined();
  });

  it('a crosswalk code "-" excludes the rows and counts them in kualitas_data', async () => {
    const r = await buildOk(
      {
        eppgbm: { 'a.csv': [child({}, TELUK_BARU), child({}, { prov, kab: 'Luar Daerah', kec: 'X', desa: 'Y' }), child({}, { prov, kab: 'Luar Daerah', kec: 'Z', desa: 'W' })] },
        files: { 'reference/crosswalk.csv': 'nama_prov,nama_kab,nama_kec,nama_desa,kode_wilayah\nKalimantan Timur,Luar Daerah,,,-\n' },
      },
      { internal: true },
    );
    const prov64 = (await readTableOut<GiziRow>(r.out, 'gizi_balita', `WHERE kode_wilayah = '64'`))[0];
    expect(prov64.jumlah_balita_diukur).toBe(1);
    const k = (await readTableOut<KualitasRow>(r.out, 'kualitas_data', `WHERE kode_wilayah = '64'`))[0];
    expect(k.dikecualikan_wilayah_tidak_cocok).toBe(2);
    expect(k.baris_dibaca).toBe(3);
    expect(r.summary.excluded.wilayah_dikecualikan).toBe(2);
  });

  it('an unknown crosswalk code is an error at its line and column', async () => {
    const r = await buildFails({
      eppgbm: { 'a.csv': [child({}, TELUK_BARU)] },
      files: { 'reference/crosswalk.csv': 'nama_prov,nama_kab,nama_kec,nama_desa,kode_wilayah\nKalimantan Timur,Kutai Timur,Muara Ancalong,Teluk Baruu,64.08.01.2999\n' },
    });
    expect(r.issues).toEqual([expect.stringMatching(/^reference\/crosswalk\.csv:2:5: crosswalk code "64\.08\.01\.2999" is not a known area code — /)]);
  });
});
