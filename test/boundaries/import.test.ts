import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { geoArea } from 'd3-geo';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import mapshaper from 'mapshaper';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFields, normaliseCode } from '../../src/boundaries/fields.ts';
import { importBoundaries } from '../../src/boundaries/import.ts';
import { loadGazetteer } from '../../src/pipeline/gazetteer.ts';
import { DataError } from '../../src/pipeline/issues.ts';

/** Bontang's 15 kelurahan (real codes) as made-up squares on a grid; odd ones wound the other way. */
const BONTANG = [
  '64.74.01.1001', '64.74.01.1002', '64.74.01.1003', '64.74.01.1004', '64.74.01.1005', '64.74.01.1006',
  '64.74.02.1001', '64.74.02.1002', '64.74.02.1003', '64.74.02.1004', '64.74.02.1005', '64.74.02.1006',
  '64.74.03.1001', '64.74.03.1002', '64.74.03.1003',
];
function square(i: number, clockwise: boolean): Polygon {
  const x = 117.4 + (i % 5) * 0.02;
  const y = 0.1 + Math.floor(i / 5) * 0.02;
  const ring = [[x, y], [x + 0.02, y], [x + 0.02, y + 0.02], [x, y + 0.02], [x, y]];
  return { type: 'Polygon', coordinates: [clockwise ? ring.reverse() : ring] };
}
function villages(codes = BONTANG, props: (kode: string, i: number) => Record<string, unknown> = (k) => ({ kode: k })): FeatureCollection {
  return { type: 'FeatureCollection', features: codes.map((k, i): Feature => ({ type: 'Feature', properties: props(k, i), geometry: square(i, i % 2 === 1) })) };
}
/** One feature per line, so line numbers in messages can be checked. */
const pretty = (fc: FeatureCollection) => `{"type":"FeatureCollection","features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;

let dir: string;
const gaz = loadGazetteer('64');
beforeAll(() => {
  mkdirSync('tmp', { recursive: true });
  dir = mkdtempSync(join('tmp', 'batas-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function input(name: string, content: string | Buffer): string {
  const d = mkdtempSync(join(dir, 'in-'));
  writeFileSync(join(d, name), content);
  return d;
}
async function errorsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DataError) return e.log.lines();
    throw e;
  }
  throw new Error('expected a DataError');
}
const topo = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Topology;

describe('field detection and codes', () => {
  it('normalises dotted, plain, numeric and p-code forms', () => {
    expect(normaliseCode('6474011003')).toBe('64.74.01.1003');
    expect(normaliseCode(' 64.74.01.1003 ')).toBe('64.74.01.1003');
    expect(normaliseCode(6474)).toBe('64.74');
    expect(normaliseCode('ID6474')).toBe('64.74');
    expect(normaliseCode('Bontang')).toBeNull();
    expect(normaliseCode('647')).toBeNull();
  });

  it('picks the village code from a BIG-style record that carries every level, and the name field', () => {
    const props = BONTANG.map((k) => ({ KDPPUM: '64', KDPKAB: '64.74', KDEPUM: k.replace(/\./g, ''), NAMOBJ: 'x', LUAS: 1.5 }));
    expect(detectFields(props)).toEqual({ code: 'KDEPUM', name: 'NAMOBJ' });
  });

  it('finds a code field under an unknown name by its content', () => {
    expect(detectFields(BONTANG.map((k) => ({ wilayah_id: k, label: 'a' })))).toMatchObject({ code: 'wilayah_id', name: null });
  });

  it('says which fields there are when none holds codes', () => {
    const r = detectFields([{ name: 'Bontang', area: 3 }]);
    expect(r).toMatchObject({ error: expect.stringContaining('no field with Kemendagri area codes'), fields: ['name', 'area'] });
  });
});

describe('importBoundaries', () => {
  it('writes one TopoJSON per level with codes as ids; either winding becomes drawable; coarser levels are dissolved', async () => {
    const from = input('bontang.geojson', JSON.stringify(villages(BONTANG, (k, i) => ({ KDEPUM: k.replace(/\./g, ''), NAMOBJ: `Kel ${i}` }))));
    const out = join(dir, 'out1');
    const s = await importBoundaries({ from, province: '64', out, gazetteer: gaz, attribution: 'test' });
    expect(s.fields).toEqual([{ file: 'bontang.geojson', code: 'KDEPUM', name: 'NAMOBJ' }]);
    expect(s.counts).toEqual({ kabupaten_kota: 1, kecamatan: 3, desa_kelurahan: 15 });
    expect(s.derived).toEqual(['kabupaten_kota', 'kecamatan']);
    expect(readdirSync(join(out, '64', 'desa'))).toEqual(['64.74.json']);
    const t = topo(join(out, '64', 'desa', '64.74.json'));
    const fc = feature(t, t.objects.desa_kelurahan!) as unknown as FeatureCollection;
    expect(fc.features.map((f) => f.id).sort()).toEqual(BONTANG);
    // d3-geo fills the smaller side of a ring: an area the size of a hemisphere is a wrongly wound ring.
    for (const f of fc.features) expect(geoArea(f)).toBeLessThan(1e-6);
    const kec = topo(join(out, '64', 'kecamatan.json'));
    expect((kec.objects.kecamatan as { geometries: { id: string }[] }).geometries.map((g) => g.id)).toEqual(['64.74.01', '64.74.02', '64.74.03']);
    expect(JSON.parse(readFileSync(join(out, '64', 'meta.json'), 'utf8'))).toMatchObject({ province: '64', attribution: 'test' });
  });

  it('reads a zipped Shapefile and a TopoJSON', async () => {
    const shp = await mapshaper.applyCommands('-i in.json -o format=shapefile out.zip', { 'in.json': JSON.stringify(villages(BONTANG, (k) => ({ kode_desa: k.replace(/\./g, '') }))) });
    const fromZip = input('bontang.zip', shp['out.zip'] as Buffer);
    const s1 = await importBoundaries({ from: fromZip, province: '64', out: join(dir, 'out2'), gazetteer: gaz });
    expect(s1.counts.desa_kelurahan).toBe(15);
    expect(s1.fields[0]).toMatchObject({ code: 'kode_desa' });
    const tj = await mapshaper.applyCommands('-i in.json -o format=topojson out.json', { 'in.json': JSON.stringify(villages()) });
    const s2 = await importBoundaries({ from: input('b.topojson', String(tj['out.json'])), province: '64', out: join(dir, 'out3'), gazetteer: gaz });
    expect(s2.counts.desa_kelurahan).toBe(15);
  });

  it('places unknown and malformed codes at their line and column, lists missing areas, and writes nothing', async () => {
    const codes = [...BONTANG.slice(0, 14), '64.74.09.1001', 'Bontang'];
    const from = input('salah.geojson', pretty(villages(codes)));
    const out = join(dir, 'out4');
    const lines = await errorsOf(importBoundaries({ from, province: '64', out, gazetteer: gaz }));
    expect(lines).toContain('salah.geojson:16:33: 64.74.09.1001 is not an area of the gazetteer (idn-area-data 4.0.1) — correct the code to the current Kepmendagri code of the area, or drop the feature if the area no longer exists');
    expect(lines.some((l) => l.startsWith('salah.geojson:17:33: feature 16: kode = "Bontang" is not a Kemendagri code'))).toBe(true);
    expect(lines.some((l) => l.includes('64.74.03.1003 Kanaan (desa_kelurahan) has no boundary'))).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it('with --allow-missing an incomplete regency becomes a warning', async () => {
    const from = input('kurang.geojson', JSON.stringify(villages(BONTANG.slice(0, 14))));
    const s = await importBoundaries({ from, province: '64', out: join(dir, 'out5'), gazetteer: gaz, allowMissing: true });
    expect(s.counts.desa_kelurahan).toBe(14);
    expect(s.warnings.join('\n')).toContain('64.74.03.1003 Kanaan');
  });

  it('reports a broken file with its line and column, and a file without codes with its fields', async () => {
    const broken = input('rusak.geojson', '{"type":"FeatureCollection","features":[\n{"type":"Feature",\n"properties":{"kode":"64.74.01.1001"}, "geometry": {]}\n]}');
    const l1 = await errorsOf(importBoundaries({ from: broken, province: '64', out: join(dir, 'out6'), gazetteer: gaz }));
    expect(l1[0]).toMatch(/^rusak\.geojson:3:\d+: not valid JSON .* — repair or re-export the file as GeoJSON or TopoJSON$/);
    const nocode = input('tanpa.geojson', JSON.stringify(villages(BONTANG, (_k, i) => ({ nama: `x${i}` }))));
    const l2 = await errorsOf(importBoundaries({ from: nocode, province: '64', out: join(dir, 'out7'), gazetteer: gaz }));
    expect(l2[0]).toBe('tanpa.geojson: no field with Kemendagri area codes; fields present: nama — add a field named kode (or code, KDEPUM, kode_desa) with dotted or plain Kemendagri codes such as 64.74.01.1003');
  });

  it('skips features of other provinces', async () => {
    const fc = villages();
    fc.features.push({ type: 'Feature', properties: { kode: '63.71.01.1001' }, geometry: square(20, false) });
    const s = await importBoundaries({ from: input('campur.geojson', JSON.stringify(fc)), province: '64', out: join(dir, 'out8'), gazetteer: gaz });
    expect(s.skipped).toBe(1);
    expect(s.counts.desa_kelurahan).toBe(15);
  });
});
