/**
 * Share cards (Open Graph images, 1200×630 PNG) of the province, regency and district profiles,
 * rendered at build time: an SVG composed here (area name, headline routine prevalence with its
 * numerator and denominator in words, period, source, DATA SINTETIS / INTERNAL) drawn by resvg
 * with the Inter font bundled from npm (@expo-google-fonts/inter, SIL Open Font License 1.1):
 * system fonts are never used, so every machine draws the same bytes. PNGs are cached by the hash
 * of their SVG (node_modules/.cache/atlas-kartu/), so a rebuild with the same data renders nothing;
 * after each build the cache keeps only the cards that build published and those another build of
 * the same checkout used within a day (pruneKartuCache), so it does not grow with every data update.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { encodePalettePng } from './png.ts';
import { formatNumber, formatPercent, formatPeriod, t, type Lang } from '../lib/i18n.ts';
import { rateHidden } from '../lib/domain/suppression.ts';

export const KARTU_WIDTH = 1200;
export const KARTU_HEIGHT = 630;
/** Every card of a build together must stay under this (bytes). */
export const KARTU_BUDGET = 15 * 1024 * 1024;

export interface KartuData {
  lang: Lang;
  /** "Atlas Stunting Kalimantan Timur". */
  site: string;
  /** The area's name as its page titles it ("Kabupaten Paser", "Kecamatan Batu Sopang"). */
  nama: string;
  /** Level in words and the parent ("Kabupaten/kota · Kalimantan Timur"). */
  konteks: string;
  periode: string | undefined;
  prevalensi: number | null;
  stunting: number | null;
  diukur: number | null;
  ditekan: boolean;
  /** false: an incomplete month (reporting villages only). */
  lengkap: boolean;
  demo: boolean;
  internal: boolean;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Greedy wrap at an estimated Inter advance (0.56 em, bold 0.6 em); at most `max` lines, the last one cut with "…". */
function wrapText(text: string, px: number, width: number, max: number, bold = false): string[] {
  const perLine = Math.max(8, Math.floor(width / (px * (bold ? 0.6 : 0.56))));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > max) {
    const kept = lines.slice(0, max);
    kept[max - 1] = `${kept[max - 1]!.slice(0, perLine - 1)}…`;
    return kept;
  }
  return lines;
}

/** The words of the card, separate from the drawing so tests can read what a card says. */
export function kartuTeks(d: KartuData) {
  const { lang } = d;
  const p = formatPeriod(lang, d.periode);
  const n = (v: number | null) => (v === null && d.ditekan ? t(lang, 'chart.suppressed') : formatNumber(lang, v));
  // hidden only with one of its counts; a month with children measured but too few for a rate says so (not "no report")
  const hidden = rateHidden(d.prevalensi, d.ditekan, [d.stunting, d.diukur]);
  const angka = hidden ? t(lang, 'chart.suppressed') : formatPercent(lang, d.prevalensi);
  const tanpa = hidden ? t(lang, 'kartu.ditekan') : d.diukur ? t(lang, 'kartu.terlaluSedikit', { diukur: formatNumber(lang, d.diukur) }) : t(lang, 'kartu.tanpaAngka');
  return {
    site: d.site,
    nama: d.nama,
    konteks: d.konteks,
    ukuran: `${t(lang, d.lengkap ? 'card.prevalensi' : 'lengkap.cardPrevalensi')} (${t(lang, 'kartu.ukuran')})`,
    angka,
    penyebut: d.prevalensi !== null ? t(lang, 'card.prevalensiDetail', { stunting: n(d.stunting), diukur: n(d.diukur) }) : tanpa,
    definisi: t(lang, 'kartu.definisi'),
    sumber: d.lengkap ? t(lang, 'src.rutin', { periode: p }) : t(lang, 'lengkap.cardSource', { periode: p }),
    tanda: d.internal ? t(lang, 'banner.internal') : d.demo ? t(lang, 'dl.demo') : '',
    tandaDetail: d.internal ? '' : d.demo ? t(lang, 'kartu.demoDetail') : '',
  };
}

/** The card as an SVG document (1200×630). */
export function kartuSvg(d: KartuData): string {
  const w = kartuTeks(d);
  const x = 72;
  const inner = KARTU_WIDTH - 2 * x;
  const out: string[] = [];
  const text = (y: number, px: number, s: string, attrs = '') => out.push(`<text x="${x}" y="${y}" font-size="${px}" ${attrs}>${esc(s)}</text>`);
  out.push(`<rect width="${KARTU_WIDTH}" height="${KARTU_HEIGHT}" fill="#ffffff"/><rect width="${KARTU_WIDTH}" height="14" fill="#005a66"/>`);
  text(82, 30, w.site, 'font-weight="700" fill="#005a66"');
  const nama = wrapText(w.nama, 62, inner - (w.tanda ? 260 : 0), 2, true);
  let y = 168;
  for (const line of nama) {
    text(y, 62, line, 'font-weight="700" fill="#1b1f24"');
    y += 70;
  }
  text(y - 18, 28, w.konteks, 'fill="#4a5260"');
  y += 132;
  // a figure in large type; a word ("disembunyikan", "suppressed") smaller
  const px = d.prevalensi === null ? 84 : 128;
  text(y, px, w.angka, 'font-weight="700" fill="#1b1f24"');
  // measure and denominator beside the figure when it is short, else under it
  const numberWidth = w.angka.length * px * 0.6;
  const beside = numberWidth < 430;
  const lx = beside ? x + numberWidth + 36 : x;
  const ly = beside ? y - 64 : y + 48;
  const ukuran = wrapText(w.ukuran, 30, KARTU_WIDTH - lx - x, 2, true);
  ukuran.forEach((line, i) => out.push(`<text x="${lx}" y="${ly + i * 36}" font-size="30" font-weight="700" fill="#1b1f24">${esc(line)}</text>`));
  const detail = wrapText(`${w.penyebut}. ${w.definisi}`, 26, KARTU_WIDTH - lx - x, 2);
  detail.forEach((line, i) => out.push(`<text x="${lx}" y="${ly + ukuran.length * 36 + 4 + i * 32}" font-size="26" fill="#4a5260">${esc(line)}</text>`));
  const sumber = wrapText(w.sumber, 24, inner, 2);
  sumber.forEach((line, i) => text(KARTU_HEIGHT - 40 - (sumber.length - 1 - i) * 30, 24, line, 'fill="#4a5260"'));
  out.push(`<rect x="0" y="${KARTU_HEIGHT - 116}" width="${KARTU_WIDTH}" height="1.5" fill="#d5dae0"/>`);
  if (w.tanda) {
    const internal = d.internal;
    const bw = Math.max(220, w.tanda.length * 34 * 0.64 + 40);
    out.push(`<rect x="${KARTU_WIDTH - x - bw}" y="44" width="${bw}" height="58" rx="6" fill="${internal ? '#8f1111' : '#fff1bf'}" stroke="${internal ? '#8f1111' : '#8a6a00'}" stroke-width="3"/>`);
    out.push(`<text x="${KARTU_WIDTH - x - bw / 2}" y="85" font-size="32" font-weight="700" text-anchor="middle" fill="${internal ? '#ffffff' : '#6b5200'}">${esc(w.tanda)}</text>`);
    if (w.tandaDetail) out.push(`<text x="${KARTU_WIDTH - x}" y="130" font-size="22" text-anchor="end" fill="#6b5200">${esc(w.tandaDetail)}</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${KARTU_WIDTH}" height="${KARTU_HEIGHT}" viewBox="0 0 ${KARTU_WIDTH} ${KARTU_HEIGHT}" font-family="Inter">${out.join('')}</svg>`;
}

const require = createRequire(import.meta.url);

/** The bundled font files (Inter regular and bold); a clear error when the package is missing. */
let fontCache: { files: string[]; key: string } | undefined;
export function kartuFonts(): string[] {
  return fonts().files;
}

function fonts(): { files: string[]; key: string } {
  if (fontCache) return fontCache;
  try {
    const dir = dirname(require.resolve('@expo-google-fonts/inter/package.json'));
    const files = [join(dir, '400Regular', 'Inter_400Regular.ttf'), join(dir, '700Bold', 'Inter_700Bold.ttf')];
    const missing = files.filter((f) => !existsSync(f));
    if (missing.length) throw new Error(`missing ${missing.join(', ')}`);
    const key = createHash('sha256');
    for (const f of files) key.update(readFileSync(f));
    fontCache = { files, key: key.digest('hex') };
    return fontCache;
  } catch (error) {
    throw new Error(`share cards: the bundled font (npm package @expo-google-fonts/inter) is not installed (${(error as Error).message}). Run npm install; the cards never fall back to system fonts.`);
  }
}

type Resvg = typeof import('@resvg/resvg-js').Resvg;
let resvg: Resvg | undefined;

function loadResvg(): Resvg {
  if (resvg) return resvg;
  try {
    resvg = (require('@resvg/resvg-js') as typeof import('@resvg/resvg-js')).Resvg;
    return resvg;
  } catch (error) {
    throw new Error(`share cards: @resvg/resvg-js (and its platform binary, e.g. @resvg/resvg-js-linux-x64-gnu) could not be loaded: ${(error as Error).message}. Run npm install.`);
  }
}

export const kartuCacheDir = () => join(process.cwd(), 'node_modules', '.cache', 'atlas-kartu');

/** PNG bytes of an SVG card, from the cache when the same SVG (and font) was drawn before. */
export function kartuPng(svg: string, cacheDir: string | null = kartuCacheDir()): Uint8Array {
  const font = fonts();
  const key = createHash('sha256').update(svg).update(font.key).digest('hex').slice(0, 32);
  const hit = cacheDir ? join(cacheDir, `${key}.png`) : '';
  if (hit && existsSync(hit)) {
    try {
      const png = readFileSync(hit);
      // marks the entry used (pruneKartuCache keeps what other builds used recently)
      const now = new Date();
      utimesSync(hit, now, now);
      return png;
    } catch {
      // pruned by another build in between: draw it again
    }
  }
  const Resvg = loadResvg();
  const image = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { fontFiles: font.files, loadSystemFonts: false, defaultFontFamily: 'Inter', sansSerifFamily: 'Inter' },
  }).render();
  const png = encodePalettePng(image.pixels, image.width, image.height);
  if (cacheDir) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(`${hit}.tmp`, png);
    renameSync(`${hit}.tmp`, hit);
  }
  return png;
}

/** Names of the files the card cache owns: `<32 hex>.png` and its interrupted writes `<32 hex>.png.tmp`. */
const CACHE_ENTRY = /^[0-9a-f]{32}\.png(\.tmp)?$/;
/** A cache entry another build of the same checkout used this recently is kept (ms): see pruneKartuCache. */
export const KARTU_CACHE_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * After a build: removes the cache entries (only files named as the cache names them) that the
 * build in `dist` did not publish (its og/ PNGs, compared by content) and that no build used within
 * `graceMs`: two builds of one checkout (the suite builds the site and a second province) would
 * otherwise evict each other's cards, and each would draw them all again (~0.2 s a card).
 * Interrupted writes (.tmp) older than an hour go too.
 */
export function pruneKartuCache(dist: string, cacheDir: string = kartuCacheDir(), graceMs = KARTU_CACHE_GRACE_MS, now = Date.now()): { kept: number; removed: number; bytes: number } {
  const out = { kept: 0, removed: 0, bytes: 0 };
  if (!existsSync(cacheDir)) return out;
  const digest = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const published = new Set<string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.png')) published.add(digest(readFileSync(full)));
    }
  };
  walk(join(dist, 'og'));
  for (const name of readdirSync(cacheDir)) {
    if (!CACHE_ENTRY.test(name)) continue;
    const full = join(cacheDir, name);
    try {
      const st = statSync(full);
      if (!st.isFile()) continue;
      const age = now - st.mtimeMs;
      const keep = name.endsWith('.tmp') ? age < 60 * 60 * 1000 : age < graceMs || published.has(digest(readFileSync(full)));
      if (keep) out.kept++;
      else {
        unlinkSync(full);
        out.removed++;
        out.bytes += st.size;
      }
    } catch {
      // removed meanwhile (another build pruning): nothing to do
    }
  }
  return out;
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** Files and bytes of every card under a built site's og/ folder (for the build log and the budget). */
export function kartuTotal(dist: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.png')) {
        files++;
        bytes += statSync(full).size;
      }
    }
  };
  walk(join(dist, 'og'));
  return { files, bytes };
}
