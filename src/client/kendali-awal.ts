/**
 * The first part of a page's controls, inline in its root before its first control (~3.6 KB, so every page pays
 * little for it): it enables the selects as the parser adds them, and a choice made at once
 * (or a shared link's state) starts the request for its build-time fragments (src/lib/fragmen.ts)
 * before anything else has arrived; the likeliest first choice of each control (the top option
 * other than the one shown, src/lib/likeliest-choice.ts) is asked for at low priority as the script runs (as
 * the build named it: data-likely) or as its select is read (a shared link's state), unless the
 * link is frugal (src/lib/network.ts). It also asks for the rest of the controls
 * (src/client/kendali.ts: swapping the slots, the URL, the status line), one small script that
 * every page shares and a browser keeps: it arrives while the fragment is on its way (it is
 * requested as the page's top is parsed, the fragment of any other choice only on the click), and takes over the
 * choices made before it came.
 */
import { fragHref, lookup, stateKey, type FragIndex } from '../lib/fragmen.ts';
import { fetchGzipText } from '../lib/gz-fetch.ts';
import { likeliestChoice } from '../lib/likeliest-choice.ts';
import { frugalLink } from '../lib/network.ts';
import { parseState, type AtlasState, type StateKey } from '../lib/url-state.ts';
import type { Kendali } from './kendali.ts';

/** What the inline part hands to the rest of the controls (window.__atlasAwal). */
export interface Awal {
  root: HTMLElement;
  index: FragIndex | null;
  /** The state the page was built in. */
  built: AtlasState;
  /** The keys of the page's controls (those parsed so far, or the keys its fragments depend on). */
  controlKeys: Set<StateKey>;
  /** The URL's state for this page's controls. */
  urlState(): AtlasState;
  /** A fragment file's text, requested once per page. */
  fragment(hash: string, priority?: 'high' | 'low'): Promise<string>;
  /** Choices made before the rest of the controls arrived, oldest first (null once it has). */
  early: { key: StateKey; value: string }[] | null;
  /** Enables the page's selects (those parsed so far). */
  enable(): void;
  /** Stops watching the parser (once the page is parsed). */
  done(): void;
  /** Resolves with the controls once they have arrived (for the page module, src/client/upgrade.ts). */
  kendali: Promise<Kendali>;
  /** Called by the rest of the controls when they run. */
  arrived(k: Kendali): void;
}
declare global {
  interface Window {
    __atlasAwal?: Awal;
  }
}

export function begin(root: HTMLElement): Awal {
  const indexEl = root.querySelector('script[data-frag-index]');
  const index: FragIndex | null = indexEl ? JSON.parse(indexEl.textContent!) : null;
  const built: AtlasState = JSON.parse(root.dataset.state ?? '{}');
  const controlKeys = new Set<StateKey>(index?.g.flatMap(([keys]) => keys) ?? []);
  const urlState = (): AtlasState => Object.fromEntries(Object.entries(parseState(location.search)).filter(([k]) => controlKeys.has(k as StateKey)));
  const files = new Map<string, Promise<string>>();
  const fragment = (hash: string, priority: 'high' | 'low' = 'high') => {
    let hit = files.get(hash);
    if (!hit) {
      files.set(hash, (hit = fetchGzipText(fragHref(index!, hash), priority)));
      hit.catch(() => files.delete(hash));
    }
    return hit;
  };
  /** Requests the fragment files of a state (nothing when the index does not hold it). */
  const request = (state: AtlasState, priority: 'high' | 'low' = 'high') => {
    const hit = index && lookup(index, state, built);
    if (hit && stateKey(hit.state) !== stateKey(built)) for (const [, { hash }] of hit.files) if (hash) fragment(hash, priority).catch(() => undefined);
  };
  // The likeliest first choice of each control is on its way before it is made: the top option
  // other than the one shown (src/lib/likeliest-choice.ts). One state per control, a few KB, at
  // low priority; nothing on a link that saves data or is 2G.
  const frugal = frugalLink();
  const neighboured = new WeakSet<HTMLSelectElement>();
  const neighbour = (s: HTMLSelectElement) => {
    if (frugal || neighboured.has(s)) return;
    const key = s.dataset.atlasControl as StateKey;
    const state = urlState();
    const next = likeliestChoice([...s.options].map((o) => ({ value: o.value, shown: state[key] !== undefined ? o.value === state[key] : o.defaultSelected, disabled: o.disabled })));
    if (next === undefined) return; // its options are still being read: asked again as they come
    neighboured.add(s);
    request({ ...state, [key]: next }, 'low');
  };
  // As built, the build named each control's choice (data-likely): all are asked for now, so that
  // of a control far down the page (the Prioritas page's survey) is not waiting for its select to
  // be read. Its select asks again as it is read: the same files, fetched once.
  if (!frugal) {
    const state = urlState();
    for (const [key, value] of Object.entries(JSON.parse(root.dataset.likely ?? '{}') as AtlasState)) if (state[key as StateKey] === undefined) request({ ...state, [key]: value }, 'low');
  }
  let arrived!: (k: Kendali) => void;
  const awal: Awal = {
    root,
    index,
    built,
    controlKeys,
    urlState,
    fragment,
    early: [],
    enable: () => root.querySelectorAll<HTMLSelectElement>('select[data-atlas-control]').forEach(enableOne),
    done: () => parsing.disconnect(),
    kendali: new Promise((done) => (arrived = done)),
    arrived: (k) => {
      awal.early = null;
      arrived(k);
    },
  };
  const enableOne = (s: HTMLSelectElement) => {
    s.disabled = false;
    controlKeys.add(s.dataset.atlasControl as StateKey);
  };
  // The parser reports each element it adds: only those are looked at (not the whole page each time).
  const parsing = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) if (n instanceof HTMLSelectElement && n.dataset.atlasControl) enableOne(n), neighbour(n);
      if (r.target instanceof HTMLSelectElement && r.target.dataset.atlasControl) neighbour(r.target);
    }
  });
  parsing.observe(root, { childList: true, subtree: true });
  awal.enable();
  root.querySelectorAll<HTMLSelectElement>('select[data-atlas-control]').forEach(neighbour);
  // A choice is asked for at once; the rest of the controls show it when they and it are there.
  root.addEventListener('change', (e) => {
    const s = e.target;
    if (!(s instanceof HTMLSelectElement) || !s.dataset.atlasControl) return;
    const key = s.dataset.atlasControl as StateKey;
    request({ ...urlState(), [key]: s.value });
    awal.early?.push({ key, value: s.value });
    if (missing) tell();
  });
  // A shared link's state is requested while the page is still being read.
  request(urlState());
  // The rest of the controls: requested now, as the page's top is parsed.
  // Without it (offline and not kept) a choice says that it cannot be shown.
  let missing = false;
  const tell = () => {
    const el = root.querySelector<HTMLElement>('[data-status]');
    if (el) (el.textContent = el.dataset.offline ?? ''), (el.dataset.kind = 'error');
    // the selects go back to what is shown
    for (const s of root.querySelectorAll<HTMLSelectElement>('select[data-atlas-control]')) {
      const shown = [...s.options].find((o) => o.defaultSelected);
      if (shown) s.value = shown.value;
    }
  };
  const script = document.createElement('script');
  script.src = root.dataset.kendali!;
  script.fetchPriority = 'high';
  script.onerror = () => {
    missing = true;
    if (awal.early?.length) tell();
  };
  document.head.append(script);
  return awal;
}

// From file:// (the portable edition) nothing can be fetched: the selects stay as built (disabled)
// and the page's note says that the choices need the online site.
// The script sits in the page root after its heading and lead, before its first control (see
// Halaman.astro), so the root is there already.
const root = document.querySelector<HTMLElement>('[data-page]');
if (root && location.protocol !== 'file:') window.__atlasAwal = begin(root);
