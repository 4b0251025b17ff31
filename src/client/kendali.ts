/**
 * The controls of an interactive page: wire the selects to the URL state and swap the page's
 * slots for a new state. One script for every page (cached), asked for by the inline part at the
 * top of each page (src/client/kendali-awal.ts), which has already enabled the selects, requested
 * the fragments of a choice made before this arrived and of a shared link's state; this takes
 * those choices over.
 *
 * A preset state is shown from build-time HTML (src/lib/fragmen.ts): the page's index is in its
 * HTML, the changed slots' HTML for that state is a small gzip file (one per group of slots that
 * depend on the same controls, one or two: a profile page's own and its siblings' shared ranking; a group with small files, e.g. a village's periods,
 * has one packed file for all its states) fetched on the change, so a click needs one round trip
 * and no module script. The states of any select are prefetched when the user reaches for it.
 * A state the index does not hold (or fragments that cannot be had) goes to the page module that
 * src/client/upgrade.ts registers (Plot, the page's view file, DuckDB-WASM for anything else).
 * The slots are swapped once the page is parsed (their built HTML is needed to decode the fragments).
 *
 * The controls and the URL never disagree with the numbers: while a view is being prepared the
 * selects keep showing the state that is on screen and the status line says what is shown and
 * what is coming; the selects and the URL move when the new view is in the DOM; on failure they
 * stay (or go back) and the status line says why. An unknown value in a shared link is named.
 * After each redraw: performance.mark('chart-updated') and an 'atlas:updated' event.
 */
import { decodeFragment, fragFileOf, lookup, stateKey, type FragPatch } from '../lib/fragmen.ts';
import { domShape, slotSwapper } from './patch.ts';
import { savesData } from '../lib/network.ts';
import type { Awal } from './kendali-awal.ts';
import { applyPatch, STATE_KEYS, type AtlasState, type StateKey, type StatePatch } from '../lib/url-state.ts';

/** A view: each slot's HTML, or a patch of its built DOM (with a key that names it: the same key, the same patch). */
export type View = { slots: Record<string, string | FragPatch>; state: AtlasState; keys?: Record<string, string> };
/** A view and, when the page module drew it, the width it was drawn for. */
type Shown = View & { width?: number };
/** What upgrade.ts registers: the page module's own rendering, at a width. */
export interface PlotPath {
  view(target: AtlasState, width: number): Promise<View>;
}
export interface Kendali {
  /** Called by upgrade.ts once the page module path can be used. */
  registerPlot(plot: PlotPath): void;
  say(text: string, kind?: 'info' | 'error'): void;
  message(key: 'loading' | 'failed' | 'unknown' | 'engine' | 'offline', params?: Record<string, string>): string;
  /** True when the page has fragments (upgrade.ts then warms nothing). */
  hasFragments: boolean;
}

/** The id of a slot element's built DOM (a view's key for a slot shown as built). */
const BUILT = '#built';
const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

export function start(awal: Awal) {
  const { root, index, built, controlKeys, urlState, fragment } = awal;
  /** The page's selects (those parsed so far, before the page is parsed). */
  const controls = () => [...root.querySelectorAll<HTMLSelectElement>('select[data-atlas-control]')];
  const status = () => root.querySelector<HTMLElement>('[data-status]');
  let current: AtlasState = { ...built };
  /**
   * What each slot element shows: no entry while it shows its built DOM, else the id of its view
   * (its HTML, or a patch's key).
   */
  const shown = new Map<Element, string>();
  /** Each slot's built HTML as the browser holds it: read from an element still showing it, when first needed. */
  const original = new Map<string, string>();
  const builtHtml = (slot: string): string => {
    let html = original.get(slot);
    if (html === undefined) {
      const el = [...root.querySelectorAll(`[data-slot="${slot}"]`)].find((e) => !shown.has(e));
      original.set(slot, (html = el?.innerHTML ?? ''));
    }
    return html;
  };
  /** Resolves once the page is parsed: its slots are all there. */
  const parsed = new Promise<void>((done) => {
    const check = () => {
      if (document.readyState === 'loading') return false;
      done();
      return true;
    };
    if (!check()) document.addEventListener('readystatechange', check);
  });
  let token = 0;
  let plot: PlotPath | undefined;
  let plotWaiters: ((p: PlotPath) => void)[] = [];
  const plotPath = () => (plot ? Promise.resolve(plot) : new Promise<PlotPath>((done) => plotWaiters.push(done)));

  const keyOf = (s: HTMLSelectElement) => s.dataset.atlasControl as StateKey;
  const optionFor = (s: HTMLSelectElement, value: string | undefined) => [...s.options].find((o) => o.value === value);
  const syncSelects = (state: AtlasState) => {
    for (const s of controls()) {
      const v = state[keyOf(s)];
      if (v !== undefined && optionFor(s, v)) s.value = v;
    }
  };
  /** A state in the words of the page's own options ("Agustus 2025, Prevalensi"). */
  const describe = (state: AtlasState, only?: readonly StateKey[]) =>
    controls()
      .filter((s) => !only || only.includes(keyOf(s)))
      .map((s) => optionFor(s, state[keyOf(s)])?.textContent?.trim())
      .filter(Boolean)
      .join(', ');
  const say = (text: string, kind: 'info' | 'error' = 'info') => {
    const el = status();
    if (!el) return;
    el.textContent = text;
    el.dataset.kind = kind;
  };
  const message: Kendali['message'] = (key, params = {}) => fill(status()?.dataset[key] ?? '', params);
  const setUrl = (patch: StatePatch, replace = false) => {
    const search = applyPatch(location.search, patch);
    if (search === location.search || (search === '' && location.search === '?')) return;
    const url = `${location.pathname}${search}${location.hash}`;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  };

  // --- views: build-time fragments first, the page module (Plot) for anything else -----------
  /** Fetches the fragments of every state one change of `s` away (a click then needs no round trip). */
  const prefetch = (s: HTMLSelectElement) => {
    if (!index) return;
    for (const o of s.options) {
      const hit = lookup(index, { ...urlState(), [keyOf(s)]: o.value }, built);
      for (const [, { hash }] of hit?.files ?? []) if (hash) fragment(hash, 'low').catch(() => undefined);
    }
  };
  const swapper = slotSwapper();
  const builtShapes = new Map<string, string>();
  /** The shape hash of a slot's built DOM (read from an element that still shows it, else from its HTML). */
  const builtShape = (slot: string): string => {
    let hash = builtShapes.get(slot);
    if (hash === undefined) {
      const el = [...root.querySelectorAll(`[data-slot="${slot}"]`)].find((e) => !shown.has(e));
      if (el) hash = swapper.adopt(el);
      else {
        const t = document.createElement('template');
        t.innerHTML = builtHtml(slot);
        hash = domShape(t.content).hash;
      }
      builtShapes.set(slot, hash);
    }
    return hash;
  };
  // What a first click would otherwise do before its swap (each slot's built HTML and shape: a
  // regency map's ~120 KB at 4x CPU costs ~100 ms), done while the page is idle, a slot at a time.
  const idle = (f: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(() => f(), { timeout: 2000 }) : setTimeout(f, 50));
  void parsed.then(() => {
    if (!index) return;
    // One read per callback (a slot's HTML, then its shape): for a regency's map the two together
    // made one of the page's long tasks in Lighthouse (kendali.js, up to ~350 ms simulated).
    const queue = [...new Set(index.g.flatMap(([, slots]) => slots))].flatMap((slot) => [() => builtHtml(slot), () => builtShape(slot)]);
    const step = () => {
      const read = queue.shift();
      if (read === undefined) return;
      read();
      idle(step);
    };
    idle(step);
  });
  async function fragmentView(target: AtlasState): Promise<View | null> {
    const hit = index && lookup(index, target, built);
    if (!hit) return null;
    const keys: Record<string, string> = {};
    const entries = await Promise.all(
      hit.files.map(async ([slots, ref]) => {
        const { hash } = ref;
        const file = hash ? fragFileOf(await fragment(hash), ref) : {};
        await parsed; // decoding needs the slots' built HTML
        return slots.map((slot) => {
          const value = file[slot];
          if (value === undefined) {
            keys[slot] = BUILT; // as built: an element that shows its built DOM is left as it is
            return [slot, builtHtml(slot)] as const;
          }
          if (typeof value !== 'string') {
            if (builtShape(slot) !== value.s) throw new Error(`fragment ${hash}: the page's ${slot} has another shape`);
            keys[slot] = `patch:${hash}:${ref.entry ?? ''}:${slot}`;
            return [slot, value] as const;
          }
          const html = decodeFragment(value, builtHtml(slot));
          if (html === null) throw new Error(`fragment ${hash}: the page's ${slot} holds other shapes`);
          return [slot, html] as const;
        });
      }),
    );
    return { slots: Object.fromEntries(entries.flat()), state: hit.state, keys };
  }
  const width = () => Math.round(root.querySelector<HTMLElement>('figure.chart .chart-body')?.clientWidth || root.clientWidth || 680);
  /** The page module's drawing at the container's width (measured once the page is parsed). */
  async function plotView(target: AtlasState): Promise<Shown> {
    const p = await plotPath();
    await parsed;
    const w = width();
    return { ...(await p.view(target, w)), width: w };
  }
  async function view(target: AtlasState): Promise<Shown> {
    try {
      const v = await fragmentView(target);
      if (v) return v;
    } catch (error) {
      console.warn('[atlas] fragment', error); // the page module can still draw it
    }
    return plotView(target);
  }

  /**
   * Shows the view for `target` (the URL's state with a change: only the keys the user chose, so a
   * default that follows another control keeps following it). `push`: the state a control asked for, written
   * to the URL once its view is on screen. `source` says where the wish came from.
   */
  async function render(target: AtlasState, source: 'control' | 'history' | 'link' | 'resize', push?: StatePatch) {
    const my = ++token;
    syncSelects(current); // the selects show what is on screen until the new view is there
    const changed = STATE_KEYS.filter((k) => target[k] !== undefined && target[k] !== current[k]);
    const loading = () => {
      if (my !== token) return;
      root.setAttribute('aria-busy', 'true');
      if (source !== 'resize') say(message('loading', { shown: describe(current), next: describe(target, changed) || describe(target) }));
    };
    // A shared link says at once that its own state is coming; a click after 120 ms.
    const slow = source === 'link' ? (loading(), undefined) : setTimeout(loading, 120);
    try {
      const { slots, state, keys, width: drawnFor } = source === 'resize' ? await plotView(target) : await view(target);
      await parsed;
      if (my !== token) return;
      for (const [key, value] of Object.entries(slots)) {
        const id = keys?.[key] ?? (value as string);
        for (const el of root.querySelectorAll<HTMLElement>(`[data-slot="${key}"]`)) {
          if ((shown.get(el) ?? BUILT) === id) continue; // unchanged figure: keep the DOM as it is
          // the built HTML is kept before the first change: a later view may be the built one again
          swapper.show(el, builtHtml(key), value);
          if (id === BUILT) shown.delete(el);
          else shown.set(el, id);
        }
      }
      drawnWidth = drawnFor; // no layout is forced for a build-time view (it fits by CSS)
      current = state;
      const url = urlState();
      const patch: StatePatch = { ...push };
      for (const k of STATE_KEYS) if (url[k] !== undefined && url[k] !== state[k] && !(k in patch)) patch[k] = state[k] ?? null;
      if (push) for (const k of Object.keys(push) as StateKey[]) patch[k] = state[k] ?? null;
      // A control's choice is a new history entry; a link or back/forward only corrects the URL.
      if (Object.keys(patch).length) setUrl(patch, source !== 'control');
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
      if (source === 'history' || source === 'link') setUrl(Object.fromEntries(changed.map((k) => [k, current[k] ?? null])), true);
      const reason = navigator.onLine === false || err instanceof TypeError ? message('offline') : String((err as Error)?.message ?? err);
      say(message('failed', { next: describe(target, changed) || describe(target), shown: describe(current), reason }), 'error');
    } finally {
      clearTimeout(slow);
      if (my === token) root.removeAttribute('aria-busy');
    }
  }
  let drawnWidth: number | undefined;

  const kendali: Kendali = {
    registerPlot(p) {
      plot = p;
      for (const done of plotWaiters) done(p);
      plotWaiters = [];
    },
    say,
    message,
    hasFragments: !!index,
  };

  // Prefetch: a select the user reaches for (pointer, touch, focus) gets the fragments of its
  // options' states while the native list is open. Beyond the likeliest choice (asked for by the
  // inline part as the page is read), nothing is fetched unasked: on a slow link prefetching every
  // state of a control would delay the one the user picks (they share the link).
  // With data saver on, only the state picked is fetched.
  const reached = new WeakSet<HTMLSelectElement>();
  const control = (e: Event) => (e.target instanceof HTMLSelectElement && e.target.dataset.atlasControl ? e.target : null);
  if (!savesData())
    for (const type of ['pointerdown', 'touchstart', 'focusin'])
      root.addEventListener(
        type,
        (e) => {
          const s = control(e);
          if (s && !reached.has(s)) reached.add(s), prefetch(s);
        },
        { passive: true },
      );
  const choose = (key: StateKey, value: string) => void render({ ...urlState(), [key]: value }, 'control', { [key]: value });
  root.addEventListener('change', (e) => {
    const s = control(e);
    if (s) choose(keyOf(s), s.value);
  });
  // Choices made before this script arrived (their fragments were requested then), in order.
  const early = awal.early ?? [];
  awal.arrived(kendali);
  for (const { key, value } of early) choose(key, value);
  window.addEventListener('popstate', () => void render(urlState(), 'history')); // the URL already moved

  // A redrawn chart is drawn for its container; when the container changes much (rotation),
  // draw it again. Build-time drawings need nothing: CSS picks the phone or the desktop one.
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (drawnWidth && plot && Math.abs(width() - drawnWidth) > 0.12 * drawnWidth && !(index && lookup(index, current, built))) void render(current, 'resize');
    }, 250);
  });

  // --- a shared link: its state, or a note naming what it asks for that does not exist ---------
  // (its fragments were requested by the inline part while the page was being read)
  void parsed.then(() => {
    awal.done();
    awal.enable();
    controlKeys.clear();
    for (const s of controls()) controlKeys.add(keyOf(s));
    const raw = new URLSearchParams(location.search);
    const initial = urlState();
    const unknown: { key: StateKey; label: string; value: string }[] = [];
    for (const s of controls()) {
      const key = keyOf(s);
      const value = raw.get(key);
      if (value === null || optionFor(s, value)) continue;
      unknown.push({ key, value, label: (s.closest('label')?.firstChild?.textContent?.trim() || key).toLowerCase() });
      delete initial[key];
    }
    if (unknown.length) setUrl(Object.fromEntries(unknown.map((u) => [u.key, null])), true);
    const note = () => {
      if (unknown.length) say(unknown.map((u) => message('unknown', { key: u.label, value: u.value, shown: describe(current) })).join(' '), 'error');
    };
    // A choice made while the page was parsed is already on its way (its render has the newest token).
    if (token > 0 || stateKey({ ...built, ...initial }) === stateKey(built)) note();
    else void render(initial, 'link').then(note);
  });
}

// Requested by the inline part (src/client/kendali-awal.ts), which is there whenever this runs.
const awal = window.__atlasAwal;
if (awal) start(awal);
