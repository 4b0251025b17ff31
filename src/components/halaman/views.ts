/**
 * Build-time view files (/views/<name>.bin, gzip JSON): every query result a page's preset controls can
 * need, so the first click answers without DuckDB-WASM (see src/lib/db/prerendered.ts).
 *
 * The states are found by walking the controls: from the built state (no URL parameters), every
 * option of every control gives a next state, as a user changing one control after another, or a
 * shared link, would reach it. `load()` runs for each state through a recording connector; each
 * SQL result is kept once. Both languages share one file (the data do not depend on language).
 */
import type { Connector } from '../../lib/db/connector.ts';
import { siteProvince } from '../../lib/db/manifest.ts';
import { encodeRows, sqlKey, VIEW_FORMAT, type ViewFile } from '../../lib/db/prerendered.ts';
import type { AtlasState, StateKey } from '../../lib/url-state.ts';
import { page as cakupan, type CakupanModel } from './cakupan.ts';
import { page as duaAngka, surveiKey, type DuaAngkaModel } from './dua-angka.ts';
import { areasWithProfile } from './paths.ts';
import { measuresFor, page as prioritas, type PrioritasModel } from './prioritas.ts';
import { page as profil, type ProfilModel } from './profil.ts';
import { page as ringkasan, type RingkasanModel } from './ringkasan.ts';
import { buildDb } from './ssr.ts';
import type { PageModule } from './types.ts';

export type Controls = Partial<Record<StateKey, readonly string[]>>;

export interface Preset<M> {
  page: PageModule<M>;
  /** State fixed by the page's path (e.g. the area of a profile). */
  fixed?: AtlasState;
  /** The option values of each control of the page for a model (as its <select>s offer them). */
  controls(model: M): Controls;
}

const preset = <M,>(p: Preset<M>): Preset<unknown> => p as unknown as Preset<unknown>;

/** Presets of the pages with a fixed name; profiles are `wilayah-<kode>`. */
const PRESETS: Record<string, Preset<unknown>> = {
  ringkasan: preset<RingkasanModel>({ page: ringkasan, controls: (m) => ({ period: m.periods }) }),
  'dua-angka': preset<DuaAngkaModel>({ page: duaAngka, controls: (m) => ({ period: m.periods, tab: m.surveys.map(surveiKey) }) }),
  cakupan: preset<CakupanModel>({ page: cakupan, controls: (m) => ({ indicator: m.programs.map((p) => p.program.toLowerCase()), period: m.periods }) }),
  prioritas: preset<PrioritasModel>({
    page: prioritas,
    controls: (m) => ({ period: m.periods, indicator: measuresFor(m.kabupaten), area: m.kabupaten.map((k) => k.kode_wilayah), tab: m.surveys.map(surveiKey) }),
  }),
};

export function presetFor(name: string): Preset<unknown> | undefined {
  const kode = /^wilayah-([\d.]+)$/.exec(name)?.[1];
  if (kode) return preset<ProfilModel>({ page: profil, fixed: { area: kode }, controls: (m) => ({ period: m.periods }) });
  return PRESETS[name];
}

/** Names of every page with a view file. */
export async function viewNames(): Promise<string[]> {
  const areas = await areasWithProfile();
  return [...Object.keys(PRESETS), ...areas.map((a) => `wilayah-${a.kode_wilayah}`)];
}

const stateKey = (s: AtlasState) => JSON.stringify(Object.entries(s).sort(([a], [b]) => a.localeCompare(b)));

/**
 * Every state a page's preset controls can reach, from the built state (no URL parameters): each
 * option of each control gives a next state, as a user changing one control after another, or a
 * shared link, would reach it. `load()` runs for each state through `conn`.
 */
export async function presetStates(name: string, conn: Connector = buildDb()): Promise<AtlasState[]> {
  const p = presetFor(name);
  if (!p) throw new Error(`no view preset for page "${name}"`);
  const province = siteProvince();
  const seen = new Map<string, AtlasState>();
  const todo: AtlasState[] = [{}];
  while (todo.length) {
    const state = todo.pop()!;
    const key = stateKey(state);
    if (seen.has(key)) continue;
    seen.set(key, state);
    const model = await p.page.load(conn, { ...state, ...p.fixed }, province);
    for (const [control, values] of Object.entries(p.controls(model)) as [StateKey, readonly string[]][]) {
      for (const value of values) {
        const next = { ...state, [control]: value };
        if (!seen.has(stateKey(next))) todo.push(next);
      }
    }
  }
  return [...seen.values()];
}

/** Walks the states of one page and returns its view file and the number of states seen. */
export async function buildViewFile(name: string, conn: Connector = buildDb()): Promise<{ file: ViewFile; states: number }> {
  const used = new Map<string, Record<string, unknown>[]>();
  const recording: Connector = {
    async query<T>(sql: string): Promise<T[]> {
      const rows = await conn.query<Record<string, unknown>>(sql);
      used.set(sql, rows);
      return rows as T[];
    },
  };
  const states = await presetStates(name, recording);
  const q: ViewFile['q'] = {};
  const texts = new Map<string, string>();
  for (const [sql, rows] of used) {
    const k = sqlKey(sql);
    if (texts.has(k)) throw new Error(`view file ${name}: two queries share the key ${k}:\n${texts.get(k)}\n${sql}`);
    texts.set(k, sql);
    q[k] = encodeRows(rows);
  }
  return { file: { v: VIEW_FORMAT, q }, states: states.length };
}
