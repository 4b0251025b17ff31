import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { petaRutinKabupaten, type PetaData, type RutinRow } from '../../src/components/halaman/peta.ts';
import { kelasRutin, lokatorSvg, petaSvg, type PetaArea } from '../../src/maps/peta.ts';
import { kelasNilai, labelKelas, skalaKuantil, skalaWho } from '../../src/maps/skala.ts';
import { DEFAULT_PROVINCE } from '../../src/lib/province.ts';

const topo = (rel: string) => JSON.parse(readFileSync(`public/batas/${rel}`, 'utf8')) as Topology;
const PALET = ['#a', '#b', '#c', '#d', '#e'];
const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
const parse = (html: string) => {
  const d = doc();
  d.body.innerHTML = html;
  return d;
};

describe('colour classes', () => {
  it('WHO/UNICEF thresholds: 2.5 is the second class, 30 the last; labels in both languages', () => {
    const s = skalaWho(PALET);
    expect([0, 2.49, 2.5, 9.99, 10, 19.9, 20, 29.9, 30, 55].map((v) => kelasNilai(s, v))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(labelKelas('id', s, 1)).toBe('2,5–< 10 %');
    expect(labelKelas('en', s, 4)).toBe('≥ 30 %');
  });

  it('quantiles cut the values shown into five classes (fewer when values repeat)', () => {
    const s = skalaKuantil([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null], PALET);
    expect(s.batas).toEqual([2.8, 4.6, 6.4, 8.2]);
    expect(skalaKuantil([5, 5, 5, 5], PALET).batas).toEqual([5]);
  });

  it('a routine figure is a value, or no report / suppressed / too few measured — never 0', () => {
    expect(kelasRutin(undefined)).toBe('tanpa_laporan');
    expect(kelasRutin({ prevalensi: 12, ditekan: true, diukur: 40 })).toBeNull();
    expect(kelasRutin({ prevalensi: null, ditekan: true, diukur: 18, stunting: null })).toBe('ditekan');
    expect(kelasRutin({ prevalensi: null, ditekan: false, diukur: 12, stunting: 0 })).toBe('terlalu_sedikit');
    expect(kelasRutin({ prevalensi: null, ditekan: false, diukur: null, stunting: null })).toBe('tanpa_laporan');
    // a row marked for another hidden count, stunted / measured published (6 / 15): too few measured, not hidden
    expect(kelasRutin({ prevalensi: null, ditekan: true, diukur: 15, stunting: 6 })).toBe('terlalu_sedikit');
    expect(kelasRutin({ prevalensi: null, ditekan: true, diukur: 15, stunting: null })).toBe('ditekan');
    expect(kelasRutin({ prevalensi: null, ditekan: true, diukur: 15 })).toBe('ditekan');
  });
});

describe('petaSvg on the shipped boundaries', () => {
  const bontang = topo('64/desa/64.74.json');
  const areas: PetaArea[] = ['64.74.01.1001', '64.74.01.1002'].map((kode, i) => ({ kode, nama: `K${i}`, nilai: i ? null : 23.1, khusus: i ? 'ditekan' : undefined, href: i ? null : `/wilayah/${kode}/`, info: ['x'] }));
  const svg = petaSvg({ lang: 'id', topology: bontang, areas, skala: skalaWho(PALET), width: 400, label: 'Bontang', uid: 'u', garisKelompok: 8 });
  const d = parse(svg);

  it('draws one path per village, every one drawable, within the view box', () => {
    const paths = [...d.querySelectorAll('path.area')];
    expect(paths.length).toBe(15);
    for (const p of paths) expect(p.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    const [, , w, h] = d.querySelector('svg')!.getAttribute('viewBox')!.split(' ').map(Number);
    expect(w).toBe(400);
    expect(h).toBeLessThanOrEqual(440);
  });

  it('colours values, patterns the rest, links areas with a profile and makes the others focusable', () => {
    const a = d.querySelector('[data-kode="64.74.01.1001"]')!;
    expect(a.getAttribute('fill')).toBe('#d');
    expect(a.parentElement!.tagName.toLowerCase()).toBe('a');
    const s = d.querySelector('[data-kode="64.74.01.1002"]')!;
    expect(s.getAttribute('fill')).toBe('url(#u-dt)');
    expect(s.getAttribute('tabindex')).toBe('0');
    // areas without a figure at all say "no report"
    expect(d.querySelector('[data-kode="64.74.03.1003"]')!.getAttribute('class')).toContain('k-tanpa_laporan');
    expect(d.querySelectorAll('pattern').length).toBe(3);
    expect(d.querySelector('path.garis-kelompok')!.getAttribute('d')!.length).toBeGreaterThan(20);
  });

  it('a locator highlights the one village among its regency\'s districts', () => {
    const l = parse(lokatorSvg({ lang: 'en', desa: bontang, kode: '64.74.02.1003', nama: 'Berbas Pantai', width: 300, label: 'where' }));
    expect(l.querySelectorAll('path.konteks').length).toBe(3);
    expect(l.querySelectorAll('path.area.sorot').length).toBe(1);
    expect(l.querySelector('path.konteks-induk')).not.toBeNull();
  });
});

describe('a province without boundaries', () => {
  it('gets a schematic tile map of its regencies, labelled as schematic', () => {
    const rows: RutinRow[] = [
      { kode_wilayah: '65.01', nama_wilayah: 'Kabupaten Malinau', sasaran: 100, diukur: 80, stunting: 20, prevalensi: 25, cakupan: 80, ditekan: false },
      { kode_wilayah: '65.71', nama_wilayah: 'Kota Tarakan', sasaran: null, diukur: null, stunting: null, prevalensi: null, cakupan: null, ditekan: false, dilaporkan: false },
    ];
    const data: PetaData = { topo: null, attribution: null };
    const html = petaRutinKabupaten({ lang: 'en', document: doc(), base: '/', width: 600, province: { ...DEFAULT_PROVINCE, kode: '65' } }, data, rows, '2025-08');
    const d = parse(html);
    expect(d.querySelector('svg.peta-skematik')!.getAttribute('aria-label')).toContain('Schematic map');
    expect(d.querySelectorAll('rect.area').length).toBe(2);
    expect(d.querySelector('.peta-catatan')!.textContent).toContain('not boundaries');
    expect(d.querySelector('[data-kode="65.71"]')!.getAttribute('class')).toContain('k-tanpa_laporan');
  });
});
