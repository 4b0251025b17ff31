/**
 * Self-hosted DuckDB-WASM: copies the engine into the built site so nothing is loaded from a CDN,
 * and keeps every served file far below the 25 MiB per-file limit of static hosts.
 *
 * duckdb-eh.wasm is 34 MB raw. It is gzip-compressed here (7.7 MB) and the gzip stream is cut
 * into parts of at most PART_BYTES. The browser (src/lib/db/browser-engine.ts) fetches the parts,
 * concatenates them, decompresses with the native DecompressionStream('gzip') and hands DuckDB a
 * blob: URL of type application/wasm. The parts are named *.bin so hosts serve them as
 * application/octet-stream and never add a Content-Encoding of their own; if a host compresses
 * them anyway the browser undoes that transparently. Pre-compressing means 7.7 MB on the wire on
 * any host, whether or not it compresses .wasm. (Brotli would be 5.1 MB but takes 70 s to
 * compress and Chromium's DecompressionStream has no brotli.)
 *
 * The worker script (773 KB, 189 KB gzip) is copied as is, without its source-map comment.
 * File names carry a content hash, so they can be cached forever.
 *
 *   node scripts/prepare-wasm.ts [outDir]      (default dist; writes <outDir>/_duckdb/)
 * The Astro integration in astro.config.mjs calls the same functions on every build. The shape of
 * the manifest the browser reads is src/lib/db/duckdb-assets.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DUCKDB_DIR, type DuckdbAssets } from '../lib/db/duckdb-assets.ts';

export { DUCKDB_DIR, type DuckdbAssets };

/** Largest part; 4 MiB gives two parts today, so the reassembly path is always exercised. */
export const PART_BYTES = 4 * 1024 * 1024;
/** Largest file a static host is trusted with. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

const require = createRequire(import.meta.url);

function packageDir(): string {
  return dirname(dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')));
}

function sources() {
  const dir = join(packageDir(), 'dist');
  const version = JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8')).version as string;
  return { version, wasm: join(dir, 'duckdb-eh.wasm'), worker: join(dir, 'duckdb-browser-eh.worker.js') };
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Where the prepared files are kept between builds (gzip of 34 MB takes about a second). */
export function cacheDir(): string {
  return resolve('node_modules/.cache/atlas-duckdb');
}

/**
 * Prepares the files in the cache folder (once per DuckDB version) and returns their manifest.
 * Cheap when the cache is warm: it reads and hashes the inputs only.
 */
export function prepareDuckdbAssets(cache = cacheDir()): { assets: DuckdbAssets; files: Map<string, string> } {
  const src = sources();
  const wasm = readFileSync(src.wasm);
  const wasmHash = sha256(wasm);
  const worker = readFileSync(src.worker, 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
  const workerName = `duckdb-browser-eh.${sha256(Buffer.from(worker)).slice(0, 12)}.worker.js`;
  const stem = `duckdb-eh.${wasmHash.slice(0, 12)}`;
  const manifestFile = join(cache, `${stem}.manifest.json`);

  let assets: DuckdbAssets;
  if (existsSync(manifestFile) && existsSync(join(cache, workerName))) {
    assets = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } else {
    mkdirSync(cache, { recursive: true });
    const gz = gzipSync(wasm, { level: 9 });
    const parts: string[] = [];
    for (let offset = 0, i = 0; offset < gz.length; offset += PART_BYTES, i++) {
      const name = `${stem}.part${i}.bin`;
      writeAtomic(join(cache, name), gz.subarray(offset, offset + PART_BYTES));
      parts.push(name);
    }
    writeAtomic(join(cache, workerName), Buffer.from(worker));
    assets = {
      version: src.version,
      dir: DUCKDB_DIR,
      worker: workerName,
      wasm: { parts, encoding: 'gzip', bytes: wasm.length, encodedBytes: gz.length, sha256: wasmHash },
    };
    writeAtomic(manifestFile, Buffer.from(JSON.stringify(assets, null, 2)));
  }
  const files = new Map<string, string>();
  for (const name of [assets.worker, ...assets.wasm.parts]) files.set(name, join(cache, name));
  for (const [name, path] of files) {
    const size = readFileSync(path).length;
    if (size > MAX_FILE_BYTES) throw new Error(`prepare-wasm: ${name} is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
  }
  return { assets, files };
}

function writeAtomic(path: string, data: Uint8Array) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Copies the prepared files into <outDir>/_duckdb/ (plus manifest.json, for tools). */
export function writeDuckdbAssets(outDir: string): DuckdbAssets {
  const { assets, files } = prepareDuckdbAssets();
  const target = join(outDir, DUCKDB_DIR);
  mkdirSync(target, { recursive: true });
  for (const [name, path] of files) copyFileSync(path, join(target, name));
  writeFileSync(join(target, 'manifest.json'), JSON.stringify(assets, null, 2));
  return assets;
}

/** Human-readable sizes of what was written. */
export function describeAssets(outDir: string, assets: DuckdbAssets): string[] {
  const dir = join(outDir, DUCKDB_DIR);
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  const lines = [`duckdb-wasm ${assets.version}: eh.wasm ${mb(assets.wasm.bytes)} raw -> ${mb(assets.wasm.encodedBytes)} gzip in ${assets.wasm.parts.length} part(s)`];
  for (const name of readdirSync(dir).sort()) lines.push(`  ${name}  ${mb(readFileSync(join(dir, name)).length)}`);
  return lines;
}
