/**
 * Client-side upgrade of a page rendered at build time: wires the selectors to the URL state and
 * redraws the page's slots for a new state.
 *
 * No control waits for DuckDB-WASM: the build wrote every query result the page's controls can
 * need into /views/<page>.json (src/components/halaman/views.ts). Right after the first paint the
 * page fetches that file and its page module (queries + Plot charts); a change runs the module's
 * own load() against those results and draws the charts for the container's width. Only SQL the
 * build never saw goes to DuckDB-WASM, with its download progress in the status line.
 *
 * The controls and the URL never disagree with the numbers: while a view is being prepared the
 * selects keep showing the state that is on screen and the status line says what is shown and
 * what is coming; the selects and the URL move when the new view is in the DOM; on failure they
 * stay (or go back) and the status line says why. An unknown value in a shared link is named.
 * After each redraw: performance.mark('chart-updated') and an 'atlas:updated' event.
 */
import { getState, onStateChange, setState, STATE_KEYS, type AtlasState, type StateKey } from '../lib/url-state.ts';
import type { Lang } from '../lib/i18n.ts';
import type { PageModule } from '../components/halaman/types.ts';
import type { Connector } from '../lib/db/connector.ts';
import type { ViewFile } from '../lib/db/prerendered.ts';
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

const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

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

  const keyOf = (s: HTMLSelectElement) => s.dataset.atlasControl as StateKey;
  const optionFor = (s: HTMLSelectElement, value: string | undefined) => [...s.options].find((o) => o.value === value);
  const syncSelects = (state: AtlasState) => {
    for (const s of selects) {
      const v = state[keyOf(s)];
      if (v !== undefined && optionFor(s, v)) s.value = v;
    }
  };
  /** A state in the words of the page's own options ("Agustus 2025, Prevalensi"). */
  const describe = (state: AtlasState, only?: readonly StateKey[]) =>
    selects
      .filter((s) => !only || only.includes(keyOf(s)))
      .map((s) => optionFor(s, state[keyOf(s)])?.textContent?.trim())
      .filter(Boolean)
      .join(', ');
  const say = (text: string, kind: 'info' | 'error' = 'info') => {
    if (!status) return;
    status.textContent = text;
    status.dataset.kind = kind;
  };
  const message = (key: 'loading' | 'failed' | 'unknown' | 'engine' | 'offline', params: Record<string, string> = {}) => fill(status?.dataset[key] ?? '', params);

  // --- data: the page's prerendered results, DuckDB-WASM only for what they do not hold --------
  let viewFile: Promise<ViewFile | null> | undefined;
  const loadViewFile = () =>
    (viewFile ??= root.dataset.views
      ? fetch(root.dataset.views).then((r) => (r.ok ? (r.json() as Promise<ViewFile>) : Promise.reject(new Error(`HTTP ${r.status}`)))).catch((error: unknown) => {
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

  type View = { slots: Record<string, string>; state: AtlasState };
  /** Rendered views by width and state: a state seen before is shown without work. */
  const views = new Map<string, Promise<View>>();
  /** Width of the charts' container (the first figure's body, e.g. a panel of a two-column grid). */
  const width = () => Math.round(root.querySelector<HTMLElement>('figure.chart .chart-body')?.clientWidth || root.clientWidth || 680);

  function view(target: AtlasState, w: number): Promise<View> {
    const key = `${w}|${JSON.stringify(Object.entries(target).filter(([, v]) => v !== undefined).sort())}`;
    let hit = views.get(key);
    if (!hit) {
      hit = (async () => {
        const [conn, page] = await Promise.all([getConnector(), PAGES[name]!()]);
        const model = await page.load(conn, target, province);
        return { slots: page.slots(model, { lang, document, base, width: w, province }), state: page.stateOf(model) };
      })();
      views.set(key, hit);
      hit.catch(() => views.delete(key));
    }
    return hit;
  }

  let drawnWidth: number | undefined;

  /**
   * Shows the view for `wanted` (the URL's state). `push`: the state a control asked for, written
   * to the URL once its view is on screen. `source` says where the wish came from.
   */
  async function render(wanted: AtlasState, source: 'control' | 'history' | 'link' | 'resize', push?: Partial<AtlasState>) {
    const my = ++token;
    syncSelects(current); // the selects show what is on screen until the new view is there
    const changed = STATE_KEYS.filter((k) => wanted[k] !== undefined && wanted[k] !== current[k]);
    const slow = setTimeout(() => {
      if (my !== token) return;
      root.setAttribute('aria-busy', 'true');
      if (source !== 'resize') say(message('loading', { shown: describe(current), next: describe({ ...current, ...wanted }, changed) || describe(wanted) }));
    }, 120);
    const w = width();
    try {
      const { slots, state } = await view({ ...wanted, ...fixed }, w);
      if (my !== token) return;
      for (const [key, html] of Object.entries(slots)) {
        for (const el of root.querySelectorAll<HTMLElement>(`[data-slot="${key}"]`)) {
          if (shown.get(el) === html) continue; // unchanged figure: keep the DOM as it is
          el.innerHTML = html;
          shown.set(el, html);
        }
      }
      drawnWidth = w;
      current = state;
      if (push) setState(push);
      syncSelects(current);
      root.dataset.rendered = JSON.stringify(current);
      say('');
      performance.mark('chart-updated');
      document.dispatchEvent(new CustomEvent('atlas:updated', { detail: current }));
    } catch (err) {
      if (my !== token) return;
      console.warn('[atlas] update failed', err);
      syncSelects(current);
      // The URL goes back to what is shown (a link or back/forward had moved it).
      if (source === 'history' || source === 'link') setState(Object.fromEntries(changed.map((k) => [k, current[k] ?? null])), { replace: true });
      const reason = navigator.onLine === false || err instanceof TypeError ? message('offline') : String((err as Error)?.message ?? err);
      say(message('failed', { next: describe({ ...current, ...wanted }, changed) || describe(wanted), shown: describe(current), reason }), 'error');
    } finally {
      clearTimeout(slow);
      if (my === token) root.removeAttribute('aria-busy');
    }
  }

  // --- warm-up: right after the first paint, the view file and the page module (~110 KB) ------
  const warm = () => {
    void loadViewFile();
    void PAGES[name]!();
  };
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData) {
    // Data saver: only when the user reaches for a control.
    const onIntent = (e: Event) => (e.target as Element | null)?.closest?.('[data-atlas-control]') && warm();
    for (const type of ['pointerover', 'touchstart', 'focusin']) root.addEventListener(type, onIntent, { passive: true, once: false });
  } else {
    requestAnimationFrame(() => setTimeout(warm, 0));
  }

  for (const s of selects) {
    s.disabled = false;
    s.addEventListener('change', () => {
      const key = keyOf(s);
      const value = s.value;
      void render({ ...getState(), [key]: value }, 'control', { [key]: value });
    });
  }
  onStateChange((state, source) => {
    if (source === 'popstate') void render(state, 'history'); // back/forward: the URL already moved
  });

  // A redrawn chart is drawn for its container; when the container changes much (rotation),
  // draw it again.
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (drawnWidth && Math.abs(width() - drawnWidth) > 0.12 * drawnWidth) void render(current, 'resize');
    }, 250);
  });

  // --- a shared link: its state, or a note naming what it asks for that does not exist ---------
  const raw = new URLSearchParams(location.search);
  const initial = getState();
  const unknown: { key: StateKey; label: string; value: string }[] = [];
  for (const s of selects) {
    const key = keyOf(s);
    const value = raw.get(key);
    if (value === null || optionFor(s, value)) continue;
    unknown.push({ key, value, label: (s.closest('label')?.firstChild?.textContent?.trim() || key).toLowerCase() });
    delete initial[key];
  }
  if (unknown.length) setState(Object.fromEntries(unknown.map((u) => [u.key, null])), { replace: true });
  const note = () => {
    if (unknown.length) say(unknown.map((u) => message('unknown', { key: u.label, value: u.value, shown: describe(current) })).join(' '), 'error');
  };
  const same = selects.every((s) => ({ ...built, ...initial })[keyOf(s)] === built[keyOf(s)]);
  if (same) note();
  else void render(initial, 'link').then(note);
}
