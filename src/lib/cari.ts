/**
 * Finding an area by name: a small static index (built with the site, served as cari.json) and a
 * typo-tolerant matcher, so the search box of every page works without a server or the data engine.
 *
 *   const index = buildIndex(rows);                 // build time: [kode, nama] of every area
 *   const hits = cariWilayah(index, 'kutai timr');  // browser: best matches first
 *
 * Matching, per query word against the words of a name: exact, prefix, or within a small edit
 * distance (one typo from 4 letters, two from 8: swapped, missing, extra or wrong letters). All
 * query words must match. Accents and punctuation are ignored; "kab", "kabupaten", "kota", "desa"
 * and the like are optional.
 */

/** The index as published: [kode, nama] by code. The level and the parents follow from the code. */
export interface CariIndex {
  v: 1;
  areas: [string, string][];
}

export interface CariHit {
  kode: string;
  nama: string;
  /** Names of the parents, nearest first (district, regency, province). */
  induk: string[];
  score: number;
}

export function buildIndex(rows: readonly { kode_wilayah: string; nama_wilayah: string }[]): CariIndex {
  return { v: 1, areas: [...rows].sort((a, b) => (a.kode_wilayah < b.kode_wilayah ? -1 : 1)).map((r) => [r.kode_wilayah, r.nama_wilayah]) };
}

/** Words that name a kind of area: typed or not, they never decide a match. */
const KIND_WORDS = new Set(['kab', 'kabupaten', 'kota', 'kec', 'kecamatan', 'desa', 'kel', 'kelurahan', 'prov', 'provinsi', 'kampung']);

export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const words = (text: string) => normalise(text).split(' ').filter((w) => w && !KIND_WORDS.has(w));

/** Typos allowed in a word of this length. */
const allowed = (n: number) => (n >= 8 ? 2 : n >= 4 ? 1 : 0);

/** Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps), capped. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
    if (rowMin > cap) return cap + 1;
  }
  return prev[b.length]!;
}

/** Cost of one query word against a name's words: 0 exact or prefix, n typos, or null. */
function wordCost(q: string, nameWords: readonly string[]): number | null {
  let best: number | null = null;
  for (const w of nameWords) {
    if (w === q) return 0;
    if (w.startsWith(q)) {
      best = best === null ? 0.5 : Math.min(best, 0.5);
      continue;
    }
    const limit = allowed(q.length);
    if (!limit) continue;
    // a typo anywhere in the word, or in what has been typed of it so far
    const d = Math.min(editDistance(q, w, limit), q.length < w.length ? editDistance(q, w.slice(0, q.length), limit) : limit + 1);
    if (d <= limit) best = best === null ? 1 + d : Math.min(best, 1 + d);
  }
  return best;
}

const depth = (kode: string) => kode.split('.').length;

/** Best matches for `query`, at most `limit`: better matches first, then higher levels, then by code. */
export function cariWilayah(index: CariIndex, query: string, limit = 8): CariHit[] {
  const q = words(query);
  const qJoined = q.join('');
  if (!q.length || qJoined.length < 2) return [];
  const names = new Map(index.areas);
  const hits: CariHit[] = [];
  for (const [kode, nama] of index.areas) {
    const nw = words(nama);
    let score: number | null = null;
    const joined = nw.join('');
    if (joined === qJoined) score = 100;
    else if (joined.startsWith(qJoined)) score = 90;
    else {
      let cost = 0;
      for (const w of q) {
        const c = wordCost(w, nw);
        if (c === null) {
          cost = -1;
          break;
        }
        cost += c;
      }
      if (cost >= 0) score = 80 - 10 * cost;
      else if (qJoined.length >= 6 && editDistance(qJoined, joined, allowed(qJoined.length)) <= allowed(qJoined.length)) score = 40; // words run together
    }
    if (score === null) continue;
    const parts = kode.split('.');
    const induk = parts.slice(0, -1).map((_, i) => names.get(parts.slice(0, parts.length - 1 - i).join('.'))).filter((n): n is string => !!n);
    hits.push({ kode, nama, induk, score });
  }
  hits.sort((a, b) => b.score - a.score || depth(a.kode) - depth(b.kode) || a.nama.length - b.nama.length || (a.kode < b.kode ? -1 : 1));
  return hits.slice(0, limit);
}
