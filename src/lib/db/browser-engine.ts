/**
 * The heavy half of the browser connector, loaded by browser.ts with a dynamic import so none of
 * it (DuckDB-WASM's JS, apache-arrow, hyparquet, fzstd) is on the path to the first chart.
 *
 * Offline by construction: the engine comes from <base>_duckdb/ (src/build/duckdb-assets.ts), tables
 * from <base>data/*.parquet, decoded in JS and inserted as Arrow. Extension autoloading and
 * autoinstall are off and external access is disabled, so DuckDB cannot fetch anything itself.
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import type { DuckdbAssets } from './duckdb-assets.ts';
import { TABLES, type TableName } from '../schema.ts';
import { toPlain } from './connector.ts';
import { parquetToArrow } from './parquet-arrow.ts';
import { missingTableFromError, referencedTables } from './tables.ts';

export interface EngineOptions {
  /** Site base path with trailing slash ("/" or "/atlas-stunting/"). */
  base: string;
  assets: DuckdbAssets;
  /** Called with a step name as the engine starts: "wasm" (downloaded and decompressed),
   *  "instantiated" (compiled and running in the worker), "ready" (database open). */
  onStep?: (step: string) => void;
  /** Called as the engine's wasm parts download: bytes so far and in all (gzip, as sent). */
  onProgress?: (loaded: number, total: number) => void;
}

export interface Engine {
  query<T>(sql: string): Promise<T[]>;
  /** Loads tables now (e.g. ahead of a query the user is about to make); unknown names throw. */
  load(names: readonly string[]): Promise<void>;
  loadedTables(): TableName[];
  /**
   * A statement on the page's own scratch tables (e.g. the file check's upload): never cached,
   * run in turn with the other queries; published tables it names are loaded first.
   */
  exec<T>(sql: string): Promise<T[]>;
  /** Appends an Arrow table to a scratch table, creating it when `create`. */
  insertArrow(name: string, table: Table, create: boolean): Promise<void>;
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
const RESULT_CACHE = 256;

/** Fetches the wasm parts, joins and decompresses them; returns a blob: URL of type application/wasm. */
async function wasmUrl(base: string, assets: DuckdbAssets, onProgress?: (loaded: number, total: number) => void): Promise<string> {
  const urls = assets.wasm.parts.map((p) => `${base}${assets.dir}${p}`);
  const responses = await Promise.all(urls.map((u) => fetch(u)));
  for (const r of responses) if (!r.ok) throw new Error(`DuckDB engine: ${r.url} answered HTTP ${r.status}`);
  const total = assets.wasm.encodedBytes;
  let loaded = 0;
  const read = async (r: Response): Promise<Blob> => {
    if (!onProgress || !r.body) return r.blob();
    const reader = r.body.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      onProgress(Math.min(loaded, total), total);
    }
    return new Blob(chunks as BlobPart[]);
  };
  const joined = new Blob(await Promise.all(responses.map(read)));
  const head = new Uint8Array(await joined.slice(0, 4).arrayBuffer());
  let wasm: Blob;
  if (head[0] === 0x1f && head[1] === 0x8b) {
    wasm = await new Response(joined.stream().pipeThrough(new DecompressionStream('gzip'))).blob();
  } else if (WASM_MAGIC.every((b, i) => head[i] === b)) {
    wasm = joined; // the host already removed the gzip layer
  } else {
    throw new Error('DuckDB engine: the downloaded parts are neither gzip nor wasm');
  }
  if (wasm.size !== assets.wasm.bytes) throw new Error(`DuckDB engine: expected ${assets.wasm.bytes} bytes, got ${wasm.size}`);
  return URL.createObjectURL(new Blob([wasm], { type: 'application/wasm' }));
}

function tableRows<T>(table: Table): T[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((_, i) => table.getChildAt(i)!);
  const rows = new Array<T>(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) {
      const v = columns[c].get(r) as unknown;
      row[names[c]] = v !== null && typeof v === 'object' && 'toJSON' in v && !(v instanceof Date) ? toPlain((v as { toJSON(): unknown }).toJSON()) : toPlain(v);
    }
    rows[r] = row as T;
  }
  return rows;
}

const decoded = new Map<TableName, Promise<Table>>();

function tableName(name: string): TableName {
  if (!Object.hasOwn(TABLES, name)) throw new Error(`unknown table: ${name}`);
  return name as TableName;
}

/** Starts fetching and decoding tables in the background (errors surface when they are queried). */
export function prefetchTables(base: string, names: readonly string[]): void {
  for (const name of names) fetchTable(base, tableName(name)).catch(() => undefined);
}

/**
 * Fetches and decodes a table (once). Needs no engine, so it can run while the wasm downloads.
 */
export function fetchTable(base: string, name: TableName): Promise<Table> {
  let p = decoded.get(name);
  if (!p) {
    const spec = TABLES[name];
    p = (async () => {
      const started = performance.now();
      const response = await fetch(`${base}data/${spec.file}`);
      if (!response.ok) throw new Error(`${spec.file}: HTTP ${response.status}`);
      const table = await parquetToArrow(await response.arrayBuffer(), spec);
      performance.measure(`table-decoded:${name}`, { start: started });
      return table;
    })();
    p.catch(() => decoded.delete(name)); // a failed fetch may be retried
    decoded.set(name, p);
  }
  return p;
}

export async function createEngine({ base, assets, onStep, onProgress }: EngineOptions): Promise<Engine> {
  // The worker script downloads while the wasm parts do.
  const worker = new Worker(`${base}${assets.dir}${assets.worker}`);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  let url: string | undefined;
  try {
    url = await wasmUrl(base, assets, onProgress);
    onStep?.('wasm');
    await db.instantiate(url);
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    if (url) URL.revokeObjectURL(url);
  }
  onStep?.('instantiated');
  await db.open({ path: ':memory:', query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn: AsyncDuckDBConnection = await db.connect();
  for (const setting of ['autoinstall_known_extensions = false', 'autoload_known_extensions = false', 'enable_external_access = false']) {
    await conn.query(`SET ${setting}`);
  }

  const loading = new Map<TableName, Promise<void>>();
  const loaded = new Set<TableName>();
  // One statement at a time on the connection: a query waits for the table loads it needs.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  };

  function load(name: TableName): Promise<void> {
    let p = loading.get(name);
    if (!p) {
      const spec = TABLES[name];
      p = (async () => {
        const table = await fetchTable(base, name);
        await serial(() => conn.insertArrowTable(table, { name: spec.name, create: true }));
        loaded.add(name);
        decoded.delete(name); // DuckDB has its own copy now
      })();
      p.catch(() => loading.delete(name)); // a failed load may be retried
      loading.set(name, p);
    }
    return p;
  }

  // The data never change while the page is open: identical SQL gives identical rows. Results
  // are kept (most recent RESULT_CACHE queries) and handed out as fresh row objects.
  const results = new Map<string, Promise<unknown[]>>();
  async function query<T>(sql: string): Promise<T[]> {
    let hit = results.get(sql);
    if (hit) {
      results.delete(sql);
      results.set(sql, hit); // most recently used last
    } else {
      hit = run<T>(sql);
      results.set(sql, hit);
      hit.catch(() => results.delete(sql));
      if (results.size > RESULT_CACHE) results.delete(results.keys().next().value!);
    }
    return (await hit).map((row) => ({ ...(row as object) }) as T);
  }

  async function run<T>(sql: string): Promise<T[]> {
    await Promise.all(referencedTables(sql).map(load));
    for (let attempt = 0; ; attempt++) {
      try {
        return await serial(async () => {
          const started = performance.now();
          const rows = tableRows<T>(await conn.query(sql));
          // One entry per executed query (cache hits excluded): bench-site.ts sums them.
          performance.measure('duckdb-query', { start: started, detail: sql.slice(0, 200) });
          return rows;
        });
      } catch (error) {
        const name = missingTableFromError(String((error as Error)?.message ?? error));
        if (!name || loaded.has(name) || attempt >= Object.keys(TABLES).length) throw error;
        await load(name);
      }
    }
  }

  onStep?.('ready');
  return {
    query,
    load: async (names) => void (await Promise.all(names.map((n) => load(tableName(n))))),
    loadedTables: () => [...loaded],
    exec: <T>(sql: string) => run<T>(sql),
    insertArrow: (name, table, create) => serial(async () => void (await conn.insertArrowTable(table, { name, create }))),
  };
}
