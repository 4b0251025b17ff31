/**
 * The self-hosted DuckDB-WASM engine as the browser sees it: the folder and the manifest that
 * src/build/duckdb-assets.ts writes at build time and src/lib/db/browser-engine.ts reads.
 */
/** Folder of the engine inside the built site (relative to the base path). */
export const DUCKDB_DIR = '_duckdb/';

export interface DuckdbAssets {
  /** @duckdb/duckdb-wasm version the files come from. */
  version: string;
  /** Folder of the files, relative to the site base ("_duckdb/"). */
  dir: string;
  /** Worker script file name. */
  worker: string;
  wasm: {
    /** Part file names, in order; their concatenation is the gzip stream of the .wasm. */
    parts: string[];
    encoding: 'gzip';
    /** Bytes of the .wasm after decompression. */
    bytes: number;
    /** Bytes of all parts together. */
    encodedBytes: number;
    sha256: string;
  };
}
