import { describe, expect, it } from 'vitest';
import { applyPatch, createUrlState, parseState, type UrlEnv } from '../../src/lib/url-state.ts';

/** A minimal browser history: entries, pushState/replaceState, back()/forward() firing popstate. */
function fakeWindow(start: string) {
  const entries = [start];
  let index = 0;
  const listeners = new Set<() => void>();
  const location = { pathname: '', search: '', hash: '' };
  const sync = () => {
    const u = new URL(entries[index], 'http://localhost');
    Object.assign(location, { pathname: u.pathname, search: u.search, hash: u.hash });
  };
  sync();
  const env: UrlEnv & { back(): void; forward(): void; entries: string[]; listenerCount(): number } = {
    location,
    history: {
      pushState(_d, _u, url) { entries.splice(index + 1, Infinity, url!); index++; sync(); },
      replaceState(_d, _u, url) { entries[index] = url!; sync(); },
    },
    addEventListener: (_t, l) => listeners.add(l),
    removeEventListener: (_t, l) => listeners.delete(l),
    back() { index--; sync(); listeners.forEach((l) => l()); },
    forward() { index++; sync(); listeners.forEach((l) => l()); },
    entries,
    listenerCount: () => listeners.size,
  };
  return env;
}

describe('parseState', () => {
  it('reads valid keys and drops invalid ones', () => {
    expect(parseState('?period=2024-02&level=kecamatan&area=64.08&indicator=prevalensi_stunting&tab=tabel')).toEqual({
      period: '2024-02', level: 'kecamatan', area: '64.08', indicator: 'prevalensi_stunting', tab: 'tabel',
    });
    expect(parseState('?period=2024-13&level=negara&area=64.8&tab=<x>')).toEqual({});
    expect(parseState('period=2024-S1&area=64.74.01.1003')).toEqual({ period: '2024-S1', area: '64.74.01.1003' });
  });
  it("reads the maps' layer and colour classes; an unknown class is dropped", () => {
    expect(parseState('?scale=kuantil&layer=kecamatan&period=2024-08')).toEqual({ period: '2024-08', layer: 'kecamatan', scale: 'kuantil' });
    expect(parseState('?scale=jenks&layer=<x>')).toEqual({});
    expect(applyPatch('?layer=kecamatan', { scale: 'kuantil', period: '2024-08' })).toBe('?period=2024-08&layer=kecamatan&scale=kuantil');
  });
});

describe('applyPatch', () => {
  it('orders state keys, keeps other params, removes with null', () => {
    expect(applyPatch('?utm=x&area=64.08', { period: '2024-02' })).toBe('?period=2024-02&area=64.08&utm=x');
    expect(applyPatch('?period=2024-02', { period: null })).toBe('');
    expect(() => applyPatch('', { level: 'negara' })).toThrow('invalid level: negara');
  });
});

describe('createUrlState', () => {
  it('pushes history entries, notifies listeners, and follows back/forward', () => {
    const win = fakeWindow('/wilayah/64.08/?x=1#peta');
    const s = createUrlState(win);
    const seen: [string | undefined, string][] = [];
    const off = s.onStateChange((state, source) => seen.push([state.period, source]));

    expect(s.setState({ period: '2024-01' })).toEqual({ period: '2024-01' });
    s.setState({ period: '2024-02', area: '64.08.01' });
    s.setState({ period: '2024-02' }); // no change: no entry, no event
    expect(win.entries).toEqual(['/wilayah/64.08/?x=1#peta', '/wilayah/64.08/?period=2024-01&x=1#peta', '/wilayah/64.08/?period=2024-02&area=64.08.01&x=1#peta']);

    win.back();
    expect(s.getState()).toEqual({ period: '2024-01' });
    win.forward();
    expect(s.getState()).toEqual({ period: '2024-02', area: '64.08.01' });
    expect(seen).toEqual([['2024-01', 'set'], ['2024-02', 'set'], ['2024-01', 'popstate'], ['2024-02', 'popstate']]);

    s.setState({ tab: 'tabel' }, { replace: true });
    expect(win.entries).toHaveLength(3);
    expect(s.href({ tab: null, level: 'desa_kelurahan' })).toBe('/wilayah/64.08/?period=2024-02&level=desa_kelurahan&area=64.08.01&x=1#peta');

    off();
    expect(win.listenerCount()).toBe(0);
  });
});
