/**
 * Reading the boundary files a user brings: GeoJSON, TopoJSON (topojson-client) or a zipped
 * Shapefile (read by mapshaper, which also reads the .dbf with its code page). Each source becomes
 * plain GeoJSON features with a way to place a feature in its file for error messages.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { runMapshaper } from './mapshaper.ts';

export interface Source {
  /** Path shown in messages (relative to the --from folder, or the file name). */
  file: string;
  features: Feature<Geometry | null, Record<string, unknown>>[];
  /** Where feature `i` (with code value `raw` in field `field`) is in the file. */
  place(i: number, field: string, raw: unknown): { line?: number; column?: number; note?: string };
}

/** A problem with the file as a whole (cannot be read): file, line, column, message, fix. */
export class SourceError extends Error {
  readonly file: string;
  readonly where: { line?: number; column?: number };
  readonly problem: string;
  readonly fix: string;
  constructor(file: string, where: { line?: number; column?: number }, problem: string, fix: string) {
    super(`${[file, where.line, where.column].filter((x) => x !== undefined).join(':')}: ${problem} — ${fix}`);
    this.file = file;
    this.where = where;
    this.problem = problem;
    this.fix = fix;
  }
}

const EXTENSIONS = ['.geojson', '.json', '.topojson', '.zip', '.shp'];

/** The files to read under `from` (a file, or every boundary file in a folder, sorted). */
export function listSources(from: string): string[] {
  const st = statSync(from, { throwIfNoEntry: false });
  if (!st) throw new SourceError(from, {}, 'no such file or folder', 'give --from a GeoJSON, TopoJSON or zipped Shapefile, or a folder holding them');
  if (st.isFile()) return [from];
  const files = readdirSync(from, { recursive: true, encoding: 'utf8' })
    .filter((f) => EXTENSIONS.includes(extname(f).toLowerCase()) && !basename(f).startsWith('.'))
    .map((f) => join(from, f))
    // a .shp next to its own .zip is the same data twice; an unzipped shapefile set is read via its .shp
    .sort();
  if (!files.length) throw new SourceError(from, {}, 'no boundary files in this folder', `put .geojson, .json, .topojson or .zip (Shapefile) files in it`);
  return files;
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const where = m ? lineColumn(text, Number(m[1])) : {};
    throw new SourceError(file, where, `not valid JSON (${(e as Error).message.replace(/ in JSON at position.*$/, '')})`, 'repair or re-export the file as GeoJSON or TopoJSON');
  }
}

function fromJson(text: string, file: string): Source {
  const json = parseJson(text.replace(/^\uFEFF/, ''), file) as { type?: string };
  let features: Source['features'];
  if (json?.type === 'FeatureCollection' && Array.isArray((json as FeatureCollection).features)) {
    features = (json as FeatureCollection).features as Source['features'];
  } else if (json?.type === 'Feature') {
    features = [json as Source['features'][number]];
  } else if (json?.type === 'Topology' && (json as Topology).objects) {
    const topo = json as Topology;
    features = Object.values(topo.objects).flatMap((o) => {
      const f = topoFeature(topo, o) as FeatureCollection | Feature;
      return (f.type === 'FeatureCollection' ? f.features : [f]) as Source['features'];
    });
  } else {
    throw new SourceError(file, { line: 1, column: 1 }, `JSON is not a GeoJSON FeatureCollection or a TopoJSON Topology (type: ${JSON.stringify(json?.type ?? null)})`, 'export the boundaries as GeoJSON or TopoJSON');
  }
  // Place a feature by the text of its code value, searching forward (features keep file order).
  let from = 0;
  const place = (_i: number, field: string, raw: unknown) => {
    const needle = new RegExp(`"${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:\\s*${JSON.stringify(raw)?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g');
    needle.lastIndex = from;
    let m = needle.exec(text);
    if (!m) {
      needle.lastIndex = 0;
      m = needle.exec(text);
    }
    if (!m) return {};
    from = m.index + 1;
    return lineColumn(text, m.index);
  };
  return { file, features, place };
}

async function fromShapefile(path: string, file: string): Promise<Source> {
  const name = basename(path);
  const inputs: Record<string, Buffer> = {};
  if (extname(path).toLowerCase() === '.shp') {
    const stem = path.slice(0, -4);
    for (const ext of ['.shp', '.shx', '.dbf', '.prj', '.cpg']) {
      try {
        inputs[`in${ext}`] = readFileSync(stem + ext);
      } catch {
        if (ext === '.shp' || ext === '.dbf') throw new SourceError(file, {}, `${basename(stem)}${ext} is missing next to ${name}`, 'keep the .shp, .shx, .dbf (and .prj) of a Shapefile together, or zip them');
      }
    }
  } else {
    inputs['in.zip'] = readFileSync(path);
  }
  let text: string;
  try {
    const out = await runMapshaper(`-i ${Object.keys(inputs).find((k) => k.endsWith('.zip') || k.endsWith('.shp'))} -o format=geojson out.json`, inputs);
    text = String(out['out.json'] ?? '');
  } catch (e) {
    throw new SourceError(file, {}, `cannot read as a zipped Shapefile (${(e as Error).message.split('\n')[0]})`, 'the .zip must hold one Shapefile (.shp, .shx, .dbf, .prj); re-export it or convert it to GeoJSON');
  }
  if (!text) throw new SourceError(file, {}, 'the .zip holds no Shapefile', 'put the .shp, .shx, .dbf and .prj of the boundaries into the .zip');
  const features = (JSON.parse(text) as FeatureCollection).features as Source['features'];
  // mapshaper keeps the records in .dbf order: record i+1 is feature i.
  return { file, features, place: (i) => ({ line: i + 1, note: `record ${i + 1} of the .dbf` }) };
}

export async function readSource(path: string, root: string): Promise<Source> {
  const file = relative(root, path) || basename(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.zip' || ext === '.shp') return fromShapefile(path, file);
  return fromJson(readFileSync(path, 'utf8'), file);
}
