/** The browser's data connector (DuckDB-WASM, started lazily by the platform's browser.ts) and its download progress. */
export { browserDb, onDbProgress, startDbOnIntent } from '../lib/db/browser.ts';
