/**
 * Links that keep the chosen state: the language switch keeps all of it (same page), the
 * navigation keeps the keys the target page understands (`carry`, e.g. "period area").
 *
 *   carriedHref('/en/', { period: '2024-08', indicator: 'stunting' }, '#x', 'all')  → '/en/?period=2024-08&indicator=stunting#x'
 *   carriedHref('/prioritas/', { period: '2024-08', indicator: 'x' }, '', 'period area') → '/prioritas/?period=2024-08'
 *   carriedHref('/wilayah/', { period: '2024-08', area: '64.08' }, '', 'profil')  → '/wilayah/64.08/?period=2024-08'
 * "profil": to the chosen area's profile page (with the period) when there is one.
 */
import { STATE_KEYS, applyPatch, type AtlasState, type StateKey } from './url-state.ts';

export function carriedHref(href: string, state: AtlasState, hash: string, carry: string): string {
  if (carry === 'profil') {
    const [path] = href.split(/[?#]/);
    return state.area ? `${path!.replace(/\/?$/, '/')}${state.area}/${applyPatch('', { period: state.period })}` : path!;
  }
  const keys = carry === 'all' ? STATE_KEYS : (carry.split(/\s+/).filter((k) => (STATE_KEYS as readonly string[]).includes(k)) as StateKey[]);
  const patch: Partial<Record<StateKey, string>> = {};
  for (const k of keys) if (state[k] !== undefined) patch[k] = state[k]!;
  const [path] = href.split(/[?#]/);
  return `${path}${applyPatch('', patch)}${carry === 'all' ? hash : ''}`;
}
