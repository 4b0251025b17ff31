/**
 * Browser data access: the same Connector as the build (node.ts), backed by DuckDB-WASM that is
 * started lazily. Importing this module costs about 1.5 KB (gzip); the engine (JS chunks plus
 * 7.7 MB of gzip-compressed wasm) is fetched only when startDb() or query() is first called.
 *
 * CONTRACT between the platform, the pages and scripts/bench-site.ts
 * ------------------------------------------------------------------
 * 1. First view never waits for DuckDB: charts of the initial state are rendered at build time
 *    (inline SVG inside <figure>). DuckDB serves only what the user asks for afterwards.
 * 2. Start policy, chosen by the page script:
 *      startDbOnIntent()    start when the user points at, touches or focuses a control
 *                           ([data-atlas-control]); the layout already does this on every page;
 *      startDbOnIntent(document, '[data-atlas-control]', { tables: ['gizi_balita'] })
 *                           same, and fetch + decode those tables while the engine downloads
 *                           (saves seconds on the first interaction on a slow link);
 *      startDbWhenIdle({ tables })  also start after load when the browser is idle, unless the
 *                           user asked to save data or the connection is 2g/slow-2g;
 *      browserDb.query(sql) starts the engine if needed and loads only the tables the SQL names.
 *    On Slow 4G the engine (7.7 MB) takes about 40 s to arrive: until dbStatus() is 'ready' a
 *    control change should show what the page already has (or a "loading" note), not block.
 * 3. Controls that change the view carry data-atlas-control="period" | "area" | "level" |
 *    "indicator" | "tab" (on the <select>, or on each <button>/<a>). The bench changes them.
 * 4. After a chart has been redrawn for a new state, the page calls
 *      performance.mark('chart-updated')
 *    (once per redraw, after the DOM has the new SVG). The bench measures control change ->
 *    'chart-updated'.
 * 5. The platform marks performance.mark('duckdb-start') and performance.mark('duckdb-ready'),
 *    measures each executed query as performance.measure('duckdb-query') (cache hits are free:
 *    identical SQL returns the remembered rows),
 *    and sets window.__atlas = { dbStatus, dbStart, dbReady, startDb, query } (times in ms
 *    since navigation start, like performance.now()). 'atlas:db' events on window carry
 *    {status}. Importing this module (the layout does) sets window.__atlas; it starts nothing:
 *    preset controls answer from prerendered results (prerendered.ts), never from the engine.
 * 6. SQL: tables are those of schema.ts under the same names as at build time; results are plain
 *    JS values (numbers, never bigint; NULL stays null). Write queries once in src/lib/queries/.
 */
import type { Connector } from './connector.ts';
import type { DuckdbAssets } from './duckdb-assets.ts';
import type { Engine } from './browser-engine.ts';
import { connection } from '../network.ts';

/** File names of the self-hosted engine, injected at build time by astro.config.mjs. */
declare const __ATLAS_DUCKDB__: DuckdbAssets | undefined;

export type DbStatus = 'idle' | 'loading' | 'ready' | 'failed';

interface AtlasGlobal {
  dbStatus: DbStatus;
  dbStart?: number;
  dbReady?: number;
  dbError?: string;
  startDb: (options?: StartOptions) => Promise<void>;
  /** browserDb.query, for tests, the bench and the console. */
  query: (sql: string) => Promise<Record<string, unknown>[]>;
}
declare global {
  interface Window {
    __atlas?: AtlasGlobal;
  }
}

let engine: Promise<Engine> | undefined;
let status: DbStatus = 'idle';

function siteBase(): string {
  const base = import.meta.env.BASE_URL ?? '/';
  return base.endsWith('/') ? base : `${base}/`;
}

function atlasGlobal(): AtlasGlobal {
  return (window.__atlas ??= { dbStatus: status, startDb: (options) => startDb(options), query: (sql) => browserDb.query(sql) });
}

function setStatus(next: DbStatus, detail: Partial<AtlasGlobal> = {}) {
  status = next;
  Object.assign(atlasGlobal(), { dbStatus: next, ...detail });
  window.dispatchEvent(new CustomEvent('atlas:db', { detail: { status: next } }));
}

/** Starts DuckDB-WASM (once) and resolves when it accepts queries. */
function getEngine(tables: readonly string[] = []): Promise<Engine> {
  const module = import('./browser-engine.ts');
  // Tables are fetched and decoded while the engine downloads; inserted once it is ready.
  if (tables.length) void module.then((m) => m.prefetchTables(siteBase(), tables));
  engine ??= (async () => {
    if (typeof __ATLAS_DUCKDB__ === 'undefined') throw new Error('DuckDB assets missing: build with astro.config.mjs');
    performance.mark('duckdb-start');
    setStatus('loading', { dbStart: performance.now() });
    try {
      const { createEngine } = await module;
      const e = await createEngine({
        base: siteBase(),
        assets: __ATLAS_DUCKDB__,
        onStep: (step) => performance.mark(`duckdb-${step}`),
        onProgress: (loaded, total) => window.dispatchEvent(new CustomEvent('atlas:db-progress', { detail: { loaded, total } })),
      });
      performance.mark('duckdb-ready');
      setStatus('ready', { dbReady: performance.now() });
      return e;
    } catch (error) {
      setStatus('failed', { dbError: String(error) });
      engine = undefined; // allow a later retry
      throw error;
    }
  })();
  return engine;
}

/**
 * Starts the engine (once); with `tables`, also loads those tables (fetched in parallel with the
 * engine). Resolves when the engine and the tables are ready.
 */
export async function startDb({ tables = [] }: StartOptions = {}): Promise<void> {
  const e = await getEngine(tables);
  if (tables.length) await e.load(tables);
}

export interface StartOptions {
  /** Tables the page will query (names from schema.ts), e.g. ['gizi_balita', 'wilayah']. */
  tables?: readonly string[];
}

export const dbStatus = (): DbStatus => status;

/**
 * Calls `listener` as the engine downloads, with bytes received and expected (the gzip-compressed
 * wasm as sent, about 7.7 MB); returns unsubscribe. After the download, status events follow.
 */
export function onDbProgress(listener: (loaded: number, total: number) => void): () => void {
  const handler = (e: Event) => {
    const { loaded, total } = (e as CustomEvent<{ loaded: number; total: number }>).detail;
    listener(loaded, total);
  };
  window.addEventListener('atlas:db-progress', handler);
  return () => window.removeEventListener('atlas:db-progress', handler);
}

/** Calls `listener` with each status change; returns unsubscribe. */
export function onDbStatus(listener: (status: DbStatus) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<{ status: DbStatus }>).detail.status);
  window.addEventListener('atlas:db', handler);
  return () => window.removeEventListener('atlas:db', handler);
}

/** The engine itself (started if needed), for pages that keep scratch tables (the file check). */
export const browserEngine = (): Promise<Engine> => getEngine();

/** The browser Connector. Tables load on demand: only those a query needs. */
export const browserDb: Connector & { preload(tables: readonly string[]): Promise<void> } = {
  async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    return (await getEngine()).query<T>(sql);
  },
  async preload(tables: readonly string[]) {
    const e = await getEngine(tables);
    await e.load(tables);
  },
};

const INTENT_EVENTS = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'keydown'] as const;

/**
 * Starts the engine the first time the user points at, touches or focuses a control matching
 * `selector` inside `root`, i.e. a few hundred ms before the first interaction needs it.
 */
export function startDbOnIntent(root: Document | HTMLElement = document, selector = '[data-atlas-control]', options: StartOptions = {}): void {
  const handler = (event: Event) => {
    const target = event.target as Element | null;
    if (!target?.closest?.(selector)) return;
    for (const type of INTENT_EVENTS) root.removeEventListener(type, handler, true);
    startDb(options).catch(() => undefined);
  };
  for (const type of INTENT_EVENTS) root.addEventListener(type, handler, { capture: true, passive: true });
}

/**
 * True when downloading the engine unasked is acceptable: the browser reports a fast link
 * (effectiveType '4g'), no data saving, and the device is not a phone or tablet (coarse pointer).
 * Unknown (no navigator.connection, e.g. Safari, Firefox) counts as no.
 */
export function engineWelcome(): boolean {
  const link = connection();
  if (!link || link.saveData || link.effectiveType !== '4g') return false;
  return !window.matchMedia?.('(pointer: coarse)').matches;
}

/**
 * Starts the engine after the page has loaded and the browser is idle, only when engineWelcome()
 * (fast link, no data saving, not a phone). Pages whose controls are all prerendered need no
 * engine and do not call this; pages for free exploration may.
 */
export function startDbWhenIdle({ timeout = 4000, ...options }: StartOptions & { timeout?: number } = {}): void {
  if (!engineWelcome()) return;
  const go = () => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => void startDb(options).catch(() => undefined), { timeout });
  };
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}

if (typeof window !== 'undefined') atlasGlobal();
