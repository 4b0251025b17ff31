/**
 * public/data/manifest.json, read at build time: tells the layout whether the data are synthetic
 * (demo) or an internal, unsuppressed build, so every page can say so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from './node.ts';
import { DEFAULT_PROVINCE, isProvince, type Province } from '../province.ts';

export interface DataManifest {
  demo: boolean;
  internal: boolean;
  outputs: unknown[];
  inputs: unknown[];
  parameters: Record<string, unknown>;
  /** The province the data are about (code and names): every page names it from here. */
  province: Province;
  /** True when public/data/manifest.json does not exist (the data step has not run). */
  missing?: boolean;
}

const cache = new Map<string, DataManifest>();

/**
 * Reads the manifest. Without one the build is treated as demo (better to label real numbers as
 * samples than the reverse), with `missing: true`.
 */
export function readDataManifest(dataDir = defaultDataDir()): DataManifest {
  const file = join(dataDir, 'manifest.json');
  const hit = cache.get(file);
  if (hit) return hit;
  let manifest: DataManifest;
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<DataManifest>;
    if (typeof raw.demo !== 'boolean' || typeof raw.internal !== 'boolean') {
      throw new Error(`${file}: "demo" and "internal" must be true or false`);
    }
    manifest = { outputs: [], inputs: [], parameters: {}, ...raw, province: manifestProvince(file, raw) } as DataManifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    console.warn(`[manifest] ${file} is missing: pages are labelled as sample data`);
    manifest = { demo: true, internal: false, outputs: [], inputs: [], parameters: {}, province: DEFAULT_PROVINCE, missing: true };
  }
  cache.set(file, manifest);
  return manifest;
}

/** The province of the published data (read once per data folder). */
export function siteProvince(dataDir = defaultDataDir()): Province {
  return readDataManifest(dataDir).province;
}

/**
 * The manifest's province. A manifest written before the build step recorded it names only the
 * code in its parameters: the default province is still recognised, any other asks for a rebuild.
 */
function manifestProvince(file: string, raw: Partial<DataManifest>): Province {
  if (raw.province !== undefined) {
    if (!isProvince(raw.province)) throw new Error(`${file}: "province" must be {"kode", "nama", "nama_en"}; run npm run data again`);
    return raw.province;
  }
  const code = raw.parameters?.province ?? DEFAULT_PROVINCE.kode;
  if (code === DEFAULT_PROVINCE.kode) return DEFAULT_PROVINCE;
  throw new Error(`${file}: no "province" (written by an older build step): run npm run data again`);
}
