/**
 * Client-side upgrade of a page rendered at build time. Small on purpose: it only wires the
 * selectors to the URL state. The heavy parts (DuckDB-WASM, Plot, the page module with its
 * queries and charts) are imported on the first interaction, or at once when the URL asks for a
 * view other than the one built into the HTML. After each re-render: performance.mark('chart-updated').
 */
import { getState, onStateChange, setState, type AtlasState, type StateKey } from '../lib/url-state.ts';
import type { Lang } from '../lib/i18n.ts';
import type { PageModule } from '../components/halaman/types.ts';

const PAGES: Record<string, () => Promise<PageModule<unknown>>> = {
  ringkasan: () => import('../components/halaman/ringkasan.ts').then((m) => m.page as PageModule<unknown>),
  'dua-angka': () => import('../components/halaman/dua-angka.ts').then((m) => m.page as PageModule<unknown>),
  prioritas: () => import('../components/halaman/prioritas.ts').then((m) => m.page as PageModule<unknown>),
  cakupan: () => import('../components/halaman/cakupan.ts').then((m) => m.page as PageModule<unknown>),
  wilayah: () => import('../components/halaman/profil.ts').then((m) => m.page as PageModule<unknown>),
};

const root = document.querySelector<HTMLElement>('[data-page]');
if (root && PAGES[root.dataset.page!]) start(root);

function start(root: HTMLElement) {
  const name = root.dataset.page!;
  const lang = (document.documentElement.lang === 'en' ? 'en' : 'id') as Lang;
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const built: AtlasState = JSON.parse(root.dataset.state ?? '{}');
  /** Fixed parts of the state (e.g. the area of a profile page), not in the URL. */
  const fixed: AtlasState = JSON.parse(root.dataset.fixed ?? '{}');
  const selects = [...document.querySelectorAll<HTMLSelectElement>('select[data-atlas-control]')];
  const status = document.querySelector<HTMLElement>('[data-status]');
  let current: AtlasState = { ...built };
  let token = 0;

  const same = (a: AtlasState, b: AtlasState) => selects.every((s) => (a[s.dataset.atlasControl as StateKey] ?? '') === (b[s.dataset.atlasControl as StateKey] ?? ''));
  const syncSelects = (state: AtlasState) => {
    for (const s of selects) {
      const v = state[s.dataset.atlasControl as StateKey];
      if (v !== undefined && [...s.options].some((o) => o.value === v)) s.value = v;
    }
  };

  async function render(wanted: AtlasState) {
    const my = ++token;
    root.setAttribute('aria-busy', 'true');
    if (status) status.textContent = '…';
    try {
      const [{ browserDb: conn }, page] = await Promise.all([import('./connector.ts'), PAGES[name]!()]);
      const model = await page.load(conn, { ...current, ...wanted, ...fixed });
      if (my !== token) return;
      const width = Math.min(root.clientWidth || 680, 900);
      const slots = page.slots(model, { lang, document, base, width });
      for (const [key, html] of Object.entries(slots)) {
        for (const el of root.querySelectorAll<HTMLElement>(`[data-slot="${key}"]`)) el.innerHTML = html;
      }
      current = page.stateOf(model);
      syncSelects(current);
      root.dataset.rendered = JSON.stringify(current);
      if (status) status.textContent = '';
      performance.mark('chart-updated');
      document.dispatchEvent(new CustomEvent('atlas:updated', { detail: current }));
    } catch (err) {
      console.warn('[atlas] update failed', err);
      if (status) status.textContent = status.dataset.failed ?? '';
    } finally {
      if (my === token) root.removeAttribute('aria-busy');
    }
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
    // Back to the built view (no state in the URL) means the built defaults.
    const wanted: AtlasState = { ...built, ...state };
    syncSelects(wanted);
    void render(wanted);
  });
  const initial = getState();
  const wanted = { ...built, ...initial };
  if (!same(wanted, built)) {
    syncSelects(wanted);
    void render(wanted);
  }
}
