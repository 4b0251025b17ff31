/** The browser's data connector (DuckDB-WASM, started lazily by the platform's browser.ts). */
export { browserDb, startDbOnIntent } from '../lib/db/browser.ts';
