/** Share cards: what they say (page language's numbers, measure and denominator, marks), their size, determinism and cache. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { KARTU_BUDGET, KARTU_CACHE_GRACE_MS, kartuPng, kartuSvg, kartuTeks, pngSize, pruneKartuCache, type KartuData } from '../../src/build/kartu.ts';
import { encodePalettePng } from '../../src/build/png.ts';

const base: KartuData = {
  lang: 'id', site: 'Atlas Stunting Kalimantan Timur', nama: 'Kabupaten Penajam Paser Utara', konteks: 'Kabupaten/kota · Kalimantan Timur',
  periode: '2025-08', prevalensi: 21.73, stunting: 1234, diukur: 5678, ditekan: false, lengkap: true, demo: true, internal: false,
};
mkdirSync(join(process.cwd(), 'tmp'), { recursive: true });
const tmp = mkdtempSync(join(process.cwd(), 'tmp', 'kartu-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('kartuSvg', () => {
  it('names the area and gives the figure with its measure, denominator, period and source, in Indonesian format', () => {
    const svg = kartuSvg(base);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630"/);
    expect(svg).toContain('Kabupaten Penajam');
    expect(svg).toContain('21,7%');
    expect(svg).toContain('1.234 dari 5.678 balita diukur');
    expect(svg).toContain('Prevalensi stunting');
    expect(svg).toContain('Agustus 2025');
    expect(svg).toContain('Sumber: e-PPGBM');
    expect(svg).toContain('DATA SINTETIS');
    expect(svg).toContain('font-family="Inter"');
  });
  it('English numbers in English; INTERNAL instead of the demo mark; a hidden figure says so', () => {
    const en = kartuSvg({ ...base, lang: 'en', demo: false });
    expect(en).toContain('21.7%');
    expect(en).toContain('1,234 of 5,678 children measured');
    expect(en).not.toContain('SYNTHETIC');
    expect(kartuSvg({ ...base, internal: true })).toContain('INTERNAL');
    const hidden = kartuTeks({ ...base, prevalensi: null, stunting: null, diukur: null, ditekan: true });
    expect(hidden.angka).toBe('disembunyikan');
    expect(hidden.penyebut).toMatch(/aturan privasi/);
    // 6 of 15 measured published, the row marked for another count: too few for a rate, not hidden, not "no report"
    const few = kartuTeks({ ...base, prevalensi: null, stunting: 6, diukur: 15, ditekan: true });
    expect(few.angka).toBe('–');
    expect(few.penyebut).toBe('terlalu sedikit balita diukur untuk angka prevalensi (15 diukur)');
    const none = kartuTeks({ ...base, prevalensi: null, stunting: null, diukur: null });
    expect(none.angka).toBe('–');
    expect(none.penyebut).toMatch(/tidak ada laporan/);
    expect(kartuSvg({ ...base, nama: 'Desa <A & B>' })).toContain('Desa &lt;A &amp; B&gt;');
  });
});

describe('kartuPng', () => {
  it('is a 1200×630 PNG, the same bytes every time, small enough for ~300 cards in the budget', () => {
    const svg = kartuSvg(base);
    const a = kartuPng(svg, null);
    const b = kartuPng(svg, null);
    expect(pngSize(a)).toEqual({ width: 1200, height: 630 });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(a.length).toBeLessThan(KARTU_BUDGET / 300);
    expect(Buffer.from(kartuPng(kartuSvg({ ...base, nama: 'Kota Samarinda' }), null)).equals(Buffer.from(a))).toBe(false);
  });
  it('is cached by content: the second call reads the file the first wrote', () => {
    const svg = kartuSvg({ ...base, nama: 'Kota Bontang' });
    const first = kartuPng(svg, tmp);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.png'))).toHaveLength(1);
    expect(Buffer.from(kartuPng(svg, tmp)).equals(Buffer.from(first))).toBe(true);
  });
});

describe('pruneKartuCache', () => {
  it('after a build keeps the cards it published and those used recently; removes the rest, and only the cache\'s own files', () => {
    const cache = mkdtempSync(join(tmp, 'cache-'));
    const dist = mkdtempSync(join(tmp, 'dist-'));
    mkdirSync(join(dist, 'og', 'id'), { recursive: true });
    const png = (nama: string) => kartuPng(kartuSvg({ ...base, nama }), cache);
    writeFileSync(join(dist, 'og', 'id', '64.png'), png('Kalimantan Timur')); // published by this build
    png('Kota Balikpapan'); // drawn by an earlier build, not published now
    png('Kota Tarakan'); // not published now, but used by another build an hour ago
    const entries = () => readdirSync(cache).sort();
    const [a, b, c] = entries();
    expect([a, b, c].every((f) => /^[0-9a-f]{32}\.png$/.test(f!))).toBe(true);
    const old = new Date(Date.now() - KARTU_CACHE_GRACE_MS - 60_000);
    const hourAgo = new Date(Date.now() - 3_600_000);
    const published = kartuPng(kartuSvg({ ...base, nama: 'Kalimantan Timur' }), cache); // a cache hit marks it used
    const byName = (n: string) => entries().find((f) => Buffer.from(kartuPng(kartuSvg({ ...base, nama: n }), null)).equals(readFileSync(join(cache, f))))!;
    const [pub, stale, recent] = [byName('Kalimantan Timur'), byName('Kota Balikpapan'), byName('Kota Tarakan')];
    expect(Buffer.from(published).equals(readFileSync(join(cache, pub)))).toBe(true);
    utimesSync(join(cache, pub), old, old); // published now, even if its mark is old
    utimesSync(join(cache, stale), old, old);
    utimesSync(join(cache, recent), hourAgo, hourAgo);
    // files the cache does not own stay, whatever their age
    for (const other of ['README', 'notes.png', `${'a'.repeat(31)}.png`]) {
      writeFileSync(join(cache, other), 'x');
      utimesSync(join(cache, other), old, old);
    }
    const tmpOld = `${'b'.repeat(32)}.png.tmp`;
    writeFileSync(join(cache, tmpOld), 'x');
    utimesSync(join(cache, tmpOld), old, old);
    expect(pruneKartuCache(dist, cache)).toEqual({ kept: 2, removed: 2, bytes: expect.any(Number) });
    expect(entries()).toEqual([pub, recent, 'README', 'notes.png', `${'a'.repeat(31)}.png`].sort());
    expect(existsSync(join(cache, stale))).toBe(false);
    // a missing cache folder is nothing to prune
    expect(pruneKartuCache(dist, join(tmp, 'none'))).toEqual({ kept: 0, removed: 0, bytes: 0 });
  });
});

describe('encodePalettePng', () => {
  it('keeps every pixel of an image with few colours (palette index per pixel, no loss)', () => {
    const w = 7;
    const h = 5;
    const rgba = new Uint8Array(w * h * 4);
    const colours = [[255, 255, 255], [0, 90, 102], [27, 31, 36], [255, 241, 191]];
    for (let i = 0; i < w * h; i++) rgba.set([...colours[(i * 7) % 4]!, 255], i * 4);
    const png = encodePalettePng(rgba, w, h);
    expect(pngSize(png)).toEqual({ width: w, height: h });
    // walk the chunks: PLTE and IDAT
    let at = 8;
    let plte: Uint8Array = new Uint8Array(0);
    const idat: Buffer[] = [];
    while (at < png.length) {
      const len = png.readUInt32BE(at);
      const type = png.subarray(at + 4, at + 8).toString('ascii');
      const data = png.subarray(at + 8, at + 8 + len);
      if (type === 'PLTE') plte = data;
      if (type === 'IDAT') idat.push(data);
      at += 12 + len;
    }
    const raw = inflateSync(Buffer.concat(idat));
    for (let y = 0; y < h; y++) {
      expect(raw[y * (w + 1)]).toBe(0);
      for (let x = 0; x < w; x++) {
        const i = raw[y * (w + 1) + 1 + x]!;
        expect([...plte.subarray(i * 3, i * 3 + 3)]).toEqual([...rgba.subarray((y * w + x) * 4, (y * w + x) * 4 + 3)]);
      }
    }
  });
});
