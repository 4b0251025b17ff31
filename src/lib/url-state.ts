/**
 * Interactive state in the query string, so every view has a link and back/forward work:
 *   ?period=2024-02&level=kecamatan&area=64.08&indicator=prevalensi_stunting&tab=tabel
 *   &layer=kecamatan&scale=kuantil      (the maps' layer and colour classes, src/client/peta.ts)
 *
 *   import { getState, setState, onStateChange } from '../lib/url-state.ts';
 *   onStateChange((state) => redraw(state));     // after setState() and on back/forward
 *   select.onchange = () => setState({ period: select.value });   // pushes a history entry
 *
 * Invalid values in a hand-edited URL are ignored (getState() leaves them out). Other query
 * parameters and the hash are kept untouched.
 */
import { TINGKAT, type Tingkat } from './tingkat.ts';

export interface AtlasState {
  /** "2024-02", "2024-S1", "2024-Q3" or "2024". */
  period?: string;
  level?: Tingkat;
  /** Dotted Kemendagri code: "64", "64.08", "64.08.01", "64.08.01.2001". */
  area?: string;
  indicator?: string;
  tab?: string;
  /** The maps' layer when not the default (e.g. "kecamatan": districts instead of villages). */
  layer?: string;
  /** The maps' colour classes when not the WHO bands: "kuantil" (quantiles). */
  scale?: string;
}
export type StateKey = keyof AtlasState;
/** A change: a string sets the key, null or undefined removes it, absent keys stay as they are. */
export type StatePatch = { [K in StateKey]?: AtlasState[K] | string | null };
export type StateSource = 'set' | 'popstate';
export type StateListener = (state: AtlasState, source: StateSource) => void;

/** Canonical order of the keys in the URL. */
export const STATE_KEYS: readonly StateKey[] = ['period', 'level', 'area', 'indicator', 'tab', 'layer', 'scale'];

const VALID: Record<StateKey, (v: string) => boolean> = {
  period: (v) => /^\d{4}(-(0[1-9]|1[0-2]|S[12]|Q[1-4]))?$/.test(v),
  level: (v) => (TINGKAT as readonly string[]).includes(v),
  area: (v) => /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(v),
  indicator: (v) => /^[a-z0-9_-]{1,60}$/.test(v),
  tab: (v) => /^[a-z0-9_-]{1,60}$/.test(v),
  layer: (v) => /^[a-z0-9_-]{1,30}$/.test(v),
  scale: (v) => v === 'who' || v === 'kuantil',
};

export const isValid = (key: StateKey, value: string): boolean => VALID[key](value);

/** State from a query string ("?a=b" or "a=b"), dropping invalid values. */
export function parseState(search: string): AtlasState {
  const params = new URLSearchParams(search);
  const state: Record<string, string> = {};
  for (const key of STATE_KEYS) {
    const value = params.get(key);
    if (value !== null && VALID[key](value)) state[key] = value;
  }
  return state as AtlasState;
}

/**
 * Query string ("?..." or "") for `search` with the patch applied: state keys in canonical order
 * first, other parameters after them unchanged. Invalid values in the patch throw.
 */
export function applyPatch(search: string, patch: StatePatch): string {
  const params = new URLSearchParams(search);
  const next = { ...parseState(search) } as Record<string, string | undefined>;
  for (const [key, value] of Object.entries(patch) as [StateKey, string | null | undefined][]) {
    if (!(STATE_KEYS as string[]).includes(key)) throw new Error(`unknown state key: ${key}`);
    if (value === null || value === undefined || value === '') delete next[key];
    else if (!VALID[key](value)) throw new Error(`invalid ${key}: ${value}`);
    else next[key] = value;
  }
  const out = new URLSearchParams();
  for (const key of STATE_KEYS) if (next[key] !== undefined) out.set(key, next[key]!);
  for (const [key, value] of params) if (!(STATE_KEYS as string[]).includes(key)) out.append(key, value);
  const text = out.toString();
  return text ? `?${text}` : '';
}

/** The parts of `window` this module uses (injectable for tests). */
export interface UrlEnv {
  location: { pathname: string; search: string; hash: string };
  history: { pushState(data: unknown, unused: string, url?: string): void; replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

export interface UrlState {
  getState(): AtlasState;
  /** Applies the patch; pushes a history entry (replace: true replaces it). Returns the new state. */
  setState(patch: StatePatch, options?: { replace?: boolean }): AtlasState;
  /** Calls `listener` after setState() changes the URL and on back/forward. Returns unsubscribe. */
  onStateChange(listener: StateListener): () => void;
  /** Link to the current page with the patch applied (for <a href>, share buttons). */
  href(patch?: StatePatch): string;
}

export function createUrlState(env: UrlEnv): UrlState {
  const listeners = new Set<StateListener>();
  const emit = (source: StateSource) => {
    const state = parseState(env.location.search);
    for (const listener of [...listeners]) listener(state, source);
  };
  const onPop = () => emit('popstate');
  const href = (patch: StatePatch = {}) => `${env.location.pathname}${applyPatch(env.location.search, patch)}${env.location.hash}`;

  return {
    getState: () => parseState(env.location.search),
    setState(patch, options = {}) {
      const search = applyPatch(env.location.search, patch);
      if (search !== env.location.search && !(search === '' && env.location.search === '?')) {
        const url = `${env.location.pathname}${search}${env.location.hash}`;
        if (options.replace) env.history.replaceState(null, '', url);
        else env.history.pushState(null, '', url);
        emit('set');
      }
      return parseState(env.location.search);
    },
    onStateChange(listener) {
      if (listeners.size === 0) env.addEventListener('popstate', onPop);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) env.removeEventListener('popstate', onPop);
      };
    },
    href,
  };
}

let browserState: UrlState | undefined;
function browser(): UrlState {
  if (typeof window === 'undefined') throw new Error('url-state: no window (call it from a browser script)');
  return (browserState ??= createUrlState(window));
}

export const getState = (): AtlasState => browser().getState();
export const setState = (patch: StatePatch, options?: { replace?: boolean }): AtlasState => browser().setState(patch, options);
export const onStateChange = (listener: StateListener): (() => void) => browser().onStateChange(listener);
export const stateHref = (patch?: StatePatch): string => browser().href(patch);
