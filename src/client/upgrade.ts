/**
 * The page module path of an interactive page (loaded as a module after the first paint): draws a
 * state the build-time fragments do not hold (src/client/kendali.ts owns the controls and asks
 * this module through `registerPlot`), with the page's own load() and Plot charts at the
 * container's width.
 *
 * Its data: /views/<page>.bin (gzip JSON) holds every query result the page's preset controls need
 * (src/components/halaman/views.ts), so a preset state answers without DuckDB-WASM even when its
 * fragments cannot be had; only SQL the build never saw goes to the engine, with its download
 * progress in the status line. On pages with fragments (every page today) nothing is warmed up.
 */
import type { AtlasState } from '../lib/url-state.ts';
import type { Lang } from '../lib/i18n.ts';
import type { PageModule } from '../components/halaman/types.ts';
import type { Connector } from '../lib/db/connector.ts';
import type { ViewFile } from '../lib/db/prerendered.ts';
import type { Province } from '../lib/province.ts';
import type { Kendali, View } from './kendali.ts';
import { fetchGzipText } from '../lib/gz-fetch.ts';
import { savesData } from '../lib/network.ts';

const PAGES: Record<string, () => Promise<PageModule<unknown>>> = {
  ringkasan: () => import('../components/halaman/ringkasan.ts').then((m) => m.page as PageModule<unknown>),
  'dua-angka': () => import('../components/halaman/dua-angka.ts').then((m) => m.page as PageModule<unknown>),
  prioritas: () => import('../components/halaman/prioritas.ts').then((m) => m.page as PageModule<unknown>),
  cakupan: () => import('../components/halaman/cakupan.ts').then((m) => m.page as PageModule<unknown>),
  wilayah: () => import('../components/halaman/profil.ts').then((m) => m.page as PageModule<unknown>),
};

/**
 * The published data do not change while a page is open: the same SQL gives the same rows, so
 * results are kept by SQL text (and the same arrays let page modules skip redrawing unchanged
 * figures). Failed queries are not kept.
 */
function cachedConnector(conn: Connector): Connector {
  const cache = new Map<string, Promise<unknown[]>>();
  return {
    query<T>(sql: string): Promise<T[]> {
      let hit = cache.get(sql);
      if (!hit) {
        hit = conn.query(sql);
        cache.set(sql, hit);
        hit.catch(() => cache.delete(sql));
      }
      return hit as Promise<T[]>;
    },
  };
}

// The controls (src/client/kendali-awal.ts, then kendali.ts) may arrive after this module runs.
const root = document.querySelector<HTMLElement>('[data-page]');
const awal = window.__atlasAwal;
if (root && awal && PAGES[root.dataset.page!]) void awal.kendali.then((kendali) => start(root, kendali));

function start(root: HTMLElement, kendali: Kendali) {
  const name = root.dataset.page!;
  const lang = (document.documentElement.lang === 'en' ? 'en' : 'id') as Lang;
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  /** Fixed parts of the state (e.g. the area of a profile page), not in the URL. */
  const fixed: AtlasState = JSON.parse(root.dataset.fixed ?? '{}');
  /** The province of the data, as the build read it from the manifest. */
  const province: Province = JSON.parse(root.dataset.province!);
  const { say, message } = kendali;

  // --- data: the page's prerendered results, DuckDB-WASM only for what they do not hold --------
  let viewFile: Promise<ViewFile | null> | undefined;
  const loadViewFile = () =>
    (viewFile ??= root.dataset.views
      ? fetchGzipText(root.dataset.views).then((text) => JSON.parse(text) as ViewFile).catch((error: unknown) => {
          console.warn('[atlas] view file', error);
          viewFile = undefined; // try again at the next change
          return null;
        })
      : Promise.resolve(null));
  /** DuckDB-WASM, started only when a query is not prerendered; shows the bytes as they arrive. */
  const engine: Connector = {
    async query<T>(sql: string): Promise<T[]> {
      const { browserDb, onDbProgress } = await import('./connector.ts');
      const mb = (n: number) => (n / 1e6).toLocaleString(lang === 'en' ? 'en' : 'id', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
      const stop = onDbProgress((loaded, total) => say(message('engine', { loaded: mb(loaded), total: mb(total) })));
      try {
        return await browserDb.query<T>(sql);
      } finally {
        stop();
      }
    },
  };
  let connector: Promise<Connector> | undefined;
  const getConnector = () =>
    (connector ??= (async () => {
      const file = await loadViewFile();
      if (!file) {
        connector = undefined;
        return cachedConnector(engine);
      }
      const { replayConnector } = await import('../lib/db/prerendered.ts');
      return cachedConnector(replayConnector(file, engine));
    })());

  /** Rendered views by width and state: a state seen before is shown without work. */
  const views = new Map<string, Promise<View>>();
  function view(target: AtlasState, w: number): Promise<View> {
    const key = `${w}|${JSON.stringify(Object.entries(target).filter(([, v]) => v !== undefined).sort())}`;
    let hit = views.get(key);
    if (!hit) {
      hit = (async () => {
        const [conn, page] = await Promise.all([getConnector(), PAGES[name]!()]);
        const model = await page.load(conn, { ...target, ...fixed }, province);
        const state = page.stateOf(model);
        for (const k of Object.keys(fixed) as (keyof AtlasState)[]) if (state[k] === fixed[k]) delete state[k];
        return { slots: page.slots(model, { lang, document, base, width: w, province }), state };
      })();
      views.set(key, hit);
      hit.catch(() => views.delete(key));
    }
    return hit;
  }
  kendali.registerPlot({ view });

  // --- warm-up (pages without fragments): right after the first paint, the view file and the
  // page module (~110 KB); with data saver only when the user reaches for a control.
  if (kendali.hasFragments) return;
  const warm = () => {
    void loadViewFile();
    void PAGES[name]!();
  };
  if (savesData()) {
    const onIntent = (e: Event) => (e.target as Element | null)?.closest?.('[data-atlas-control]') && warm();
    for (const type of ['pointerover', 'touchstart', 'focusin']) root.addEventListener(type, onIntent, { passive: true, once: false });
  } else {
    requestAnimationFrame(() => setTimeout(warm, 0));
  }
}
