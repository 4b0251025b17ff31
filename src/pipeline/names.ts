import type { Area, Gazetteer } from './gazetteer.ts';
import type { Tingkat } from '../lib/schema.ts';

/**
 * Matching area NAMES (as e-PPGBM exports them) to Kemendagri codes, level by level:
 * province, then regency within it, district within that, village within that. Case, the
 * "Kab."/"Kabupaten"/"Kota"/"Kec."/"Desa"/"Kel." prefixes, punctuation, apostrophes and spacing
 * are ignored. A crosswalk (names -> code) fixes a spelling once.
 */

const PREFIX: Record<Tingkat, RegExp> = {
  provinsi: /^(provinsi|prov)\b\.?\s*/,
  kabupaten_kota: /^(kabupaten|kab|kota|kot)\b\.?\s*/,
  kecamatan: /^(kecamatan|kec)\b\.?\s*/,
  desa_kelurahan: /^(desa|kelurahan|kel|ds)\b\.?\s*/,
};

/** The comparison key of a name at a level: "KAB. KUTAI  TIMUR" -> "kutaitimur". */
export function nameKey(name: string, level: Tingkat): string {
  const lower = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
  return lower.replace(PREFIX[level], '').replace(/[^a-z0-9]/g, '');
}

/**
 * The kind written before a name, to tell apart two areas whose names match: Kota Bogor from Kabupaten
 * Bogor, or the desa and the kelurahan of one name in one district. Regencies default to Kabupaten.
 */
function writtenType(name: string, level: Tingkat): string | null {
  const l = name.trim().toLowerCase();
  if (level === 'kabupaten_kota') return /^kota\b/.test(l) ? 'Kota' : 'Kabupaten';
  if (level === 'desa_kelurahan') return /^(kelurahan|kel)\b/.test(l) ? 'Kelurahan' : /^(desa|ds)\b/.test(l) ? 'Desa' : null;
  return null;
}

/** The name as written, only case and spacing ignored: the last tie-break ("Lubuk Pakam I,II" vs "III"). */
const looseName = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export const LEVELS: Tingkat[] = ['provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan'];
export const LEVEL_LABEL: Record<Tingkat, string> = { provinsi: 'Prov', kabupaten_kota: 'Kab/Kota', kecamatan: 'Kec', desa_kelurahan: 'Desa/Kel' };

export type NameTuple = [string, string, string, string];

export type MatchResult =
  | { ok: true; kode: string }
  | { ok: true; excluded: true; kode: null }
  | { ok: false; level: Tingkat; name: string; parent: Area | null; suggestions: string[]; ambiguous?: string[] };

export interface CrosswalkEntry {
  names: string[]; // 1..4 names, province first
  kode: string; // dotted, or '-' to exclude
}

export class NameMatcher {
  private index = new Map<string, Map<string, Area[]>>(); // parent code ('' for top) -> key -> areas
  private crosswalk = new Map<string, string>();
  private g: Gazetteer;

  constructor(g: Gazetteer, crosswalk: CrosswalkEntry[] = []) {
    this.g = g;
    for (const a of g.areas.values()) {
      const parent = a.induk ?? '';
      let m = this.index.get(parent);
      if (!m) this.index.set(parent, (m = new Map()));
      const k = nameKey(a.nama, a.tingkat);
      m.set(k, [...(m.get(k) ?? []), a]);
    }
    for (const e of crosswalk) this.crosswalk.set(this.cwKey(e.names), e.kode);
  }

  private cwKey(names: string[]): string {
    return names.map((n, i) => nameKey(n, LEVELS[i])).join('|');
  }

  match(names: NameTuple): MatchResult {
    let parent: Area | null = null;
    let start = 0;
    // The deepest crosswalk line that names this row wins, whatever is misspelt above it.
    for (let depth = 4; depth >= 1; depth--) {
      const cw = this.crosswalk.get(this.cwKey(names.slice(0, depth)));
      if (cw === undefined) continue;
      if (cw === '-') return { ok: true, excluded: true, kode: null };
      const area = this.g.areas.get(cw);
      if (!area) break;
      if (area.tingkat === 'desa_kelurahan') return { ok: true, kode: area.kode };
      parent = area;
      start = LEVELS.indexOf(area.tingkat) + 1;
      break;
    }
    for (let i = start; i < 4; i++) {
      const level = LEVELS[i];
      const cw = this.crosswalk.get(this.cwKey(names.slice(0, i + 1)));
      if (cw === '-') return { ok: true, excluded: true, kode: null };
      let found: Area | undefined = cw ? this.g.areas.get(cw) : undefined;
      if (!found) {
        const candidates: Area[] = this.index.get(parent?.kode ?? '')?.get(nameKey(names[i], level)) ?? [];
        let pool: Area[] = candidates.filter((a) => a.tingkat === level);
        if (pool.length > 1) {
          const type = writtenType(names[i], level);
          if (type) pool = pool.filter((a) => a.jenis === type);
        }
        if (pool.length > 1) {
          const exact = pool.filter((a) => looseName(a.nama) === looseName(names[i]).replace(PREFIX[level], ''));
          if (exact.length === 1) pool = exact;
        }
        if (pool.length !== 1) {
          return {
            ok: false,
            level,
            name: names[i],
            parent,
            suggestions: pool.length > 1 ? [] : this.suggest(names[i], level, parent),
            ambiguous: pool.length > 1 ? pool.map((a) => `${a.nama} (${a.kode})`) : undefined,
          };
        }
        found = pool[0];
      }
      if (!found) break;
      if (found.tingkat === 'desa_kelurahan' || i === 3) return { ok: true, kode: found.kode };
      parent = found;
      // a crosswalk entry may point below the level it names (e.g. straight to a village)
      i = LEVELS.indexOf(found.tingkat);
    }
    return { ok: true, kode: parent!.kode };
  }

  /** The closest known names among the siblings, best first. */
  suggest(name: string, level: Tingkat, parent: Area | null, n = 3): string[] {
    const key = nameKey(name, level);
    const siblings = (this.g.children.get(parent?.kode ?? null) ?? []).filter((a) => a.tingkat === level);
    return siblings
      .map((a) => ({ a, d: editDistance(key, nameKey(a.nama, level)) }))
      .filter(({ d }) => d <= Math.max(2, Math.ceil(key.length * 0.4)))
      .sort((x, y) => x.d - y.d || x.a.nama.localeCompare(y.a.nama))
      .slice(0, n)
      .map(({ a }) => a.nama);
  }
}

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (!m || !n) return m + n;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}
