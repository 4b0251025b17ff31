/**
 * Client-side upgrade of a page rendered at build time. Small on purpose: it only wires the
 * selectors to the URL state. The heavy parts (DuckDB-WASM, Plot, the page module with its
 * queries and charts) are imported on the first interaction, or at once when the URL asks for a
 * view other than the one built into the HTML. After each re-render: performance.mark('chart-updated').
 */
import { getState, onStateChange, setState, type AtlasState, type StateKey } from '../lib/url-state.ts';
import type { Lang } from '../lib/i18n.ts';
import type { PageModule } from '../components/halaman/types.ts';
import type { Connector } from '../lib/db/connector.ts';
import type { Province } from '../lib/province.ts';

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
const queryCache = new Map<string, Promise<unknown[]>>();
function cachedConnector(conn: Connector): Connector {
  return {
    query<T>(sql: string): Promise<T[]> {
      let hit = queryCache.get(sql);
      if (!hit) {
        hit = conn.query(sql);
        queryCache.set(sql, hit);
        hit.catch(() => queryCache.delete(sql));
      }
      return hit as Promise<T[]>;
    },
  };
}

const root = document.querySelector<HTMLElement>('[data-page]');
if (root && PAGES[root.dataset.page!]) start(root);

function start(root: HTMLElement) {
  const name = root.dataset.page!;
  const lang = (document.documentElement.lang === 'en' ? 'en' : 'id') as Lang;
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const built: AtlasState = JSON.parse(root.dataset.state ?? '{}');
  /** Fixed parts of the state (e.g. the area of a profile page), not in the URL. */
  const fixed: AtlasState = JSON.parse(root.dataset.fixed ?? '{}');
  /** The province of the data, as the build read it from the manifest. */
  const province: Province = JSON.parse(root.dataset.province!);
  const selects = [...document.querySelectorAll<HTMLSelectElement>('select[data-atlas-control]')];
  const status = document.querySelector<HTMLElement>('[data-status]');
  let current: AtlasState = { ...built };
  const shown = new WeakMap<Element, string>();
  let token = 0;

  const same = (a: AtlasState, b: AtlasState) => selects.every((s) => (a[s.dataset.atlasControl as StateKey] ?? '') === (b[s.dataset.atlasControl as StateKey] ?? ''));
  const syncSelects = (state: AtlasState) => {
    for (const s of selects) {
      const v = state[s.dataset.atlasControl as StateKey];
      if (v !== undefined && [...s.options].some((o) => o.value === v)) s.value = v;
    }
  };

  type View = { slots: Record<string, string>; state: AtlasState };
  /** Rendered views by state: a state seen (or prefetched) before is shown without work. */
  const views = new Map<string, Promise<View>>();
  const width = () => Math.min(root.clientWidth || 680, 900);

  function view(target: AtlasState): Promise<View> {
    const w = width();
    const key = `${w}|${JSON.stringify(Object.entries(target).filter(([, v]) => v !== undefined).sort())}`;
    let hit = views.get(key);
    if (!hit) {
      hit = (async () => {
        const [{ browserDb }, page] = await Promise.all([import('./connector.ts'), PAGES[name]!()]);
        const model = await page.load(cachedConnector(browserDb), target, province);
        return { slots: page.slots(model, { lang, document, base, width: w, province }), state: page.stateOf(model) };
      })();
      views.set(key, hit);
      hit.catch(() => views.delete(key));
    }
    return hit;
  }

  async function render(wanted: AtlasState) {
    const my = ++token;
    root.setAttribute('aria-busy', 'true');
    if (status) status.textContent = '…';
    try {
      // Only what the URL says: the page resolves every other choice to its default (e.g. the
      // routine month paired with a newly chosen survey), exactly as the build did.
      const { slots, state } = await view({ ...wanted, ...fixed });
      if (my !== token) return;
      for (const [key, html] of Object.entries(slots)) {
        for (const el of root.querySelectorAll<HTMLElement>(`[data-slot="${key}"]`)) {
          if (shown.get(el) === html) continue; // unchanged figure: keep the DOM as it is
          el.innerHTML = html;
          shown.set(el, html);
        }
      }
      current = state;
      syncSelects(current);
      root.dataset.rendered = JSON.stringify(current);
      if (status) status.textContent = '';
      performance.mark('chart-updated');
      document.dispatchEvent(new CustomEvent('atlas:updated', { detail: current }));
      prefetchNeighbours(my);
    } catch (err) {
      console.warn('[atlas] update failed', err);
      if (status) status.textContent = status.dataset.failed ?? '';
    } finally {
      if (my === token) root.removeAttribute('aria-busy');
    }
  }

  /**
   * While the browser is idle, prepare the views one step away on the period control (the
   * previous and next option), so the next likely change is only a DOM swap.
   */
  function prefetchNeighbours(my: number) {
    const select = selects.find((s) => s.dataset.atlasControl === 'period');
    if (!select) return;
    const i = select.selectedIndex;
    const targets = [select.options[i + 1], select.options[i - 1]].filter(Boolean).map((o) => ({ ...getState(), period: o!.value, ...fixed }));
    const idle = (fn: () => void) => ('requestIdleCallback' in window ? window.requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 200));
    const next = () => {
      const target = targets.shift();
      if (!target || my !== token) return;
      idle(() => void view(target).then(next, () => undefined));
    };
    next();
  }

  // Warm up on intent: the engine (platform) and this page's module with its charts.
  void import('./connector.ts').then((m) => m.startDbOnIntent(root));
  const warm = () => void PAGES[name]!();
  const onControl = (e: Event) => (e.target as Element | null)?.closest?.('[data-atlas-control]') && warm();
  root.addEventListener('pointerover', onControl, { passive: true });
  root.addEventListener('focusin', onControl);
  for (const s of selects) {
    s.disabled = false;
    s.addEventListener('change', () => setState({ [s.dataset.atlasControl!]: s.value }));
  }
  onStateChange((state) => {
    // Back to the built view (no state in the URL) renders the built defaults again.
    syncSelects({ ...current, ...state });
    void render(state);
  });
  const initial = getState();
  if (!same({ ...built, ...initial }, built)) {
    syncSelects({ ...built, ...initial });
    void render(initial);
  }
}
