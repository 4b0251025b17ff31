/**
 * Copies the self-hosted DuckDB-WASM engine into a built site (the Astro integration does the same
 * on every build; the logic is src/build/duckdb-assets.ts).
 *
 *   node scripts/prepare-wasm.ts [outDir]      (default dist; writes <outDir>/_duckdb/)
 */
import { resolve } from 'node:path';
import { describeAssets, writeDuckdbAssets } from '../src/build/duckdb-assets.ts';

const out = resolve(process.argv[2] ?? 'dist');
const started = performance.now();
const assets = writeDuckdbAssets(out);
for (const line of describeAssets(out, assets)) console.log(line);
console.log(`prepared in ${((performance.now() - started) / 1000).toFixed(1)} s`);
