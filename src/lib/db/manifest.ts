/**
 * public/data/manifest.json, read at build time: tells the layout whether the data are synthetic
 * (demo) or an internal, unsuppressed build, so every page can say so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from './node.ts';

export interface DataManifest {
  demo: boolean;
  internal: boolean;
  outputs: unknown[];
  inputs: unknown[];
  parameters: Record<string, unknown>;
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
    manifest = { outputs: [], inputs: [], parameters: {}, ...raw } as DataManifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    console.warn(`[manifest] ${file} is missing: pages are labelled as sample data`);
    manifest = { demo: true, internal: false, outputs: [], inputs: [], parameters: {}, missing: true };
  }
  cache.set(file, manifest);
  return manifest;
}
