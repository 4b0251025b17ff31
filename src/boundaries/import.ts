/**
 * `npm run boundaries`: boundaries a user brings → simplified, quantized TopoJSON per level in
 * public/batas/<province>/ (see src/lib/batas.ts), matched to the gazetteer the build step uses.
 * Every problem is listed at once, placed in its file (FILE:LINE:COLUMN: what — fix), and nothing
 * is written while any error remains.
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { batasFile, type BatasTingkat } from '../lib/batas.ts';
import { loadGazetteer, type Gazetteer } from '../pipeline/gazetteer.ts';
import { CliError, DataError, IssueLog } from '../pipeline/issues.ts';
import { detectFields, normaliseCode } from './fields.ts';
import { runMapshaper } from './mapshaper.ts';
import { stagingRoot } from '../pipeline/output.ts';
import { listSources, readSource, SourceError, type Source } from './read.ts';

export const LEVELS: readonly BatasTingkat[] = ['kabupaten_kota', 'kecamatan', 'desa_kelurahan'];
const CODE_LENGTH: Record<BatasTingkat, number> = { kabupaten_kota: 5, kecamatan: 8, desa_kelurahan: 13 };

/**
 * Villages of a city (Kota, regency code 71+) are simplified to a display resolution instead: a
 * share of a small city's vertices leaves its kelurahan as crude blocks.
 */
export const SIMPLIFY_KOTA = 'resolution=200x200';

/**
 * Share of vertices kept by mapshaper's Visvalingam simplification (keep-shapes keeps every
 * area, however small, drawable) and the TopoJSON quantization per level. Kaltim: ~4.5 MB of
 * GeoJSON → under 300 KB for the three levels.
 */
export const SIMPLIFY: Record<BatasTingkat, { keep: string; quantization: number }> = {
  kabupaten_kota: { keep: '10%', quantization: 1e4 },
  kecamatan: { keep: '2%', quantization: 5e3 },
  desa_kelurahan: { keep: '2%', quantization: 3e3 },
};

export interface ImportOptions {
  from: string;
  /** Two-digit province code or 'all'. */
  province: string;
  /** Folder the site build reads (default public/batas). */
  out: string;
  /** Line shown on every map and the methodology page (the licence of the source asks for it). */
  attribution?: string;
  /** Gazetteer areas without a boundary are warnings instead of errors. */
  allowMissing?: boolean;
  gazetteer?: Gazetteer;
}

export interface ImportSummary {
  provinces: string[];
  files: { path: string; bytes: number; areas: number }[];
  counts: Record<BatasTingkat, number>;
  derived: BatasTingkat[];
  fields: { file: string; code: string; name: string | null }[];
  skipped: number;
  warnings: string[];
}

interface Area {
  kode: string;
  feature: Feature<Geometry, { kode: string; nama: string }>;
  file: string;
  place: { line?: number; column?: number };
}

const where = (p: { line?: number; column?: number; note?: string }) => ({ line: p.line, column: p.column });

export async function importBoundaries(opts: ImportOptions): Promise<ImportSummary> {
  if (!/^(\d{2}|all)$/.test(opts.province)) throw new CliError(`--province must be a two-digit province code (e.g. 64) or "all", not "${opts.province}"`);
  const gaz = opts.gazetteer ?? loadGazetteer(opts.province);
  const log = new IssueLog(50);
  const root = resolve(opts.from);
  let paths: string[];
  try {
    paths = listSources(root);
  } catch (e) {
    if (e instanceof SourceError) throw new CliError(e.message);
    throw e;
  }
  const byLevel = new Map<BatasTingkat, Map<string, Area>>(LEVELS.map((l) => [l, new Map()]));
  const fields: ImportSummary['fields'] = [];
  let skipped = 0;
  const fileOfLevel = new Map<BatasTingkat, string>();

  for (const path of paths) {
    let source: Source;
    try {
      source = await readSource(path, statSync(root).isFile() ? dirname(root) : root);
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      log.report('boundary-unreadable', e.file, e.where, { problem: e.problem, fix: e.fix });
      continue;
    }
    const props = source.features.map((f) => (f?.properties ?? {}) as Record<string, unknown>);
    const detected = detectFields(props);
    if ('error' in detected) {
      log.report('boundary-no-code-field', source.file, {}, { problem: detected.error, fields: detected.fields.join(', ') || '(none)' });
      continue;
    }
    fields.push({ file: source.file, code: detected.code, name: detected.name });
    source.features.forEach((f, i) => {
      const raw = props[i]![detected.code];
      const kode = normaliseCode(raw);
      const p = () => source.place(i, detected.code, raw);
      const rec = (note?: string) => (note ? ` (${note})` : '');
      if (!kode) {
        const at = p();
        log.report('boundary-bad-code', source.file, where(at), { feature: i + 1, note: rec(at.note), field: detected.code, value: JSON.stringify(raw ?? null) });
        return;
      }
      const inScope = opts.province === 'all' || kode === opts.province || kode.startsWith(`${opts.province}.`);
      if (!inScope || kode.length === 2) {
        skipped++;
        return;
      }
      const area = gaz.areas.get(kode);
      if (!area) {
        const at = p();
        log.report('boundary-unknown-code', source.file, where(at), { kode, note: rec(at.note), gazetteer: `${gaz.source.package} ${gaz.source.version}` });
        return;
      }
      const level = area.tingkat as BatasTingkat;
      const geom = f.geometry;
      if (!geom || !['Polygon', 'MultiPolygon'].includes(geom.type) || !(geom as { coordinates: unknown[] }).coordinates?.length) {
        const at = p();
        log.report('boundary-no-geometry', source.file, where(at), { kode, nama: area.nama, note: rec(at.note), geometry: geom ? geom.type : 'null' });
        return;
      }
      const seen = byLevel.get(level)!.get(kode);
      if (seen) {
        const at = p();
        log.report('boundary-duplicate', source.file, where(at), { kode, nama: area.nama, note: rec(at.note), first: `${seen.file}${seen.place.line ? `:${seen.place.line}` : ''}` });
        return;
      }
      fileOfLevel.set(level, source.file);
      byLevel.get(level)!.set(kode, { kode, file: source.file, place: {}, feature: { type: 'Feature', id: kode, properties: { kode, nama: area.nama }, geometry: geom } });
    });
  }

  // Areas of the gazetteer with no boundary, per level given: regencies of each province present,
  // districts and villages of each regency present (a file of one regency is complete on its own).
  for (const level of LEVELS) {
    const got = byLevel.get(level)!;
    if (!got.size) continue;
    const scope = level === 'kabupaten_kota' ? 2 : 5;
    const parents = new Set([...got.keys()].map((k) => k.slice(0, scope)));
    const missing = [...gaz.areas.values()].filter((a) => a.tingkat === level && parents.has(a.kode.slice(0, scope)) && !got.has(a.kode));
    for (const a of missing) {
      log.report(opts.allowMissing ? 'boundary-missing-allowed' : 'boundary-missing', fileOfLevel.get(level)!, {}, { kode: a.kode, nama: a.nama, level });
    }
  }
  const finest = [...LEVELS].reverse().find((l) => byLevel.get(l)!.size);
  if (!finest && !log.hasErrors) {
    log.report('boundary-none', opts.from, {}, { province: opts.province });
  }
  if (log.hasErrors) throw new DataError(log);

  // Simplify, split and write.
  const derived: BatasTingkat[] = [];
  const out = resolve(opts.out);
  const provinces = [...new Set([...byLevel.get(finest!)!.keys()].map((k) => k.slice(0, 2)))].sort();
  const files: ImportSummary['files'] = [];
  const counts = { kabupaten_kota: 0, kecamatan: 0, desa_kelurahan: 0 } as Record<BatasTingkat, number>;
  for (const prov of provinces) {
    // Staged outside public/ (the build's staging root, same file system), then renamed into place.
    const final = join(out, prov);
    mkdirSync(out, { recursive: true });
    const staging = join(stagingRoot(final), `batas-${prov}-${process.pid}-0`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const written: { rel: string; text: string; areas: number }[] = [];
    for (const level of LEVELS) {
      let features = [...byLevel.get(level)!.values()].filter((a) => a.kode.startsWith(`${prov}.`)).map((a) => a.feature);
      const finer = LEVELS.slice(LEVELS.indexOf(level) + 1).find((l) => byLevel.get(l)!.size);
      let dissolve = '';
      if (!features.length && finer) {
        // Not in the input: dissolve the finer level's polygons by the code prefix.
        features = [...byLevel.get(finer)!.values()].filter((a) => a.kode.startsWith(`${prov}.`)).map((a) => a.feature);
        dissolve = `-each "kode=kode.slice(0,${CODE_LENGTH[level]})" -dissolve kode`;
        if (!derived.includes(level)) derived.push(level);
      }
      if (!features.length) continue;
      const names = (k: string) => gaz.areas.get(k)?.nama ?? k;
      if (level === 'desa_kelurahan') {
        // Simplified per regency: each file keeps its share of detail (a small city keeps its shape).
        const byKab = new Map<string, Feature[]>();
        for (const f of features) {
          const kab = String(f.properties!.kode).slice(0, 5);
          byKab.set(kab, [...(byKab.get(kab) ?? []), f]);
        }
        for (const [kab, list] of [...byKab].sort()) {
          const simplified = await simplify(list, level, dissolve, Number(kab.slice(3, 5)) >= 71 ? SIMPLIFY_KOTA : undefined);
          written.push({ rel: batasFile(prov, level, kab), text: await topojson(simplified.features, level, names), areas: list.length });
        }
      } else {
        const simplified = await simplify(features, level, dissolve);
        written.push({ rel: batasFile(prov, level), text: await topojson(simplified.features, level, names), areas: simplified.features.length });
      }
    }
    for (const w of written) {
      const path = join(staging, w.rel.split('/').slice(2).join('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, w.text);
      files.push({ path: join(opts.out, w.rel.split('/').slice(1).join('/')), bytes: Buffer.byteLength(w.text), areas: w.areas });
      counts[(LEVELS.find((l) => w.rel.includes(l === 'desa_kelurahan' ? '/desa/' : `/${l}.json`)))!] += w.areas;
    }
    writeFileSync(join(staging, 'meta.json'), `${JSON.stringify({
      province: prov,
      attribution: opts.attribution ?? null,
      gazetteer: `${gaz.source.package} ${gaz.source.version}`,
      levels: LEVELS.filter((l) => written.some((w) => (l === 'desa_kelurahan' ? w.rel.includes('/desa/') : w.rel.endsWith(`/${l}.json`)))),
      derived,
      simplify: SIMPLIFY,
    }, null, 2)}\n`);
    // Swap the new folder in whole: a failed run leaves the previous boundaries as they were.
    rmSync(final, { recursive: true, force: true });
    renameSync(staging, final);
  }
  return { provinces, files, counts, derived, fields, skipped, warnings: log.lines().filter((l) => l.includes('warning:')) };
}

async function simplify(features: Feature[], level: BatasTingkat, dissolve: string, keep = SIMPLIFY[level].keep): Promise<FeatureCollection> {
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  const out = await runMapshaper(`-i in.json ${dissolve} -simplify ${keep} keep-shapes -o format=geojson precision=0.00001 out.json`, { 'in.json': JSON.stringify(fc) });
  return JSON.parse(String(out['out.json'])) as FeatureCollection;
}

/** TopoJSON of one file: object named after the level, id = code, properties {kode, nama}; rings wound for d3-geo. */
async function topojson(features: Feature[], level: BatasTingkat, names: (k: string) => string): Promise<string> {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: features
      .map((f) => ({ ...f, properties: { kode: String(f.properties!.kode), nama: names(String(f.properties!.kode)) } }))
      .sort((a, b) => a.properties.kode.localeCompare(b.properties.kode)),
  };
  const out = await runMapshaper(`-i in.json name=${level} -o format=topojson id-field=kode quantization=${SIMPLIFY[level].quantization} out.json`, { 'in.json': JSON.stringify(fc) });
  // The code is the geometry's id; names come with the data (wilayah table). Repeating code and
  // name in the properties would add a fifth to the file.
  const topo = JSON.parse(String(out['out.json'])) as { objects: Record<string, { geometries: { id?: string; properties?: Record<string, unknown> }[] }> };
  for (const g of topo.objects[level]!.geometries) delete g.properties;
  return JSON.stringify(topo);
}
