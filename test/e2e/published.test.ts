/**
 * What the built site publishes: no hidden folder, and every Parquet file is one the published
 * manifest lists, with its bytes (the same check astro.config.mjs runs at the end of every build).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPublishedSite, MANIFEST } from '../../src/build/site-check.ts';

const DIST = resolve(process.env.ATLAS_DIST ?? 'dist');

describe('dist/', () => {
  it('has no hidden folder and no Parquet file the manifest does not list', () => {
    expect(existsSync(join(DIST, MANIFEST)), `${DIST}: build the site first`).toBe(true);
    const manifest = JSON.parse(readFileSync(join(DIST, MANIFEST), 'utf8')) as { outputs: { file: string }[] };
    const parquets = readdirSync(DIST, { recursive: true }).map(String).filter((f) => f.endsWith('.parquet')).sort();
    expect(parquets).toEqual(manifest.outputs.map((o) => `data/${o.file}`).sort());
    expect(checkPublishedSite(DIST)).toEqual([]);
  });
});
