import { describe, expect, it } from 'vitest';
import {
  formatNumber, formatPercent, formatPercentPoints, formatPeriod, isMissing, localePath, MISSING,
  normalizeBase, otherLang, splitLocalePath, t, toHtml,
} from '../../src/lib/i18n.ts';
import { id } from '../../src/i18n/id.ts';
import { en } from '../../src/i18n/en.ts';
import { readFileSync } from 'node:fs';
import { alatEn } from '../../src/i18n/alat.en.ts';
import { alatId } from '../../src/i18n/alat.id.ts';
import { bagikanEn } from '../../src/i18n/bagikan.en.ts';
import { bagikanId } from '../../src/i18n/bagikan.id.ts';
import { bandingEn } from '../../src/i18n/banding.en.ts';
import { bandingId } from '../../src/i18n/banding.id.ts';
import { kontenEn } from '../../src/i18n/konten.en.ts';
import { kontenId } from '../../src/i18n/konten.id.ts';

describe('dictionaries', () => {
  it('have the same keys and no empty strings', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const dict of [id, en]) for (const [k, v] of Object.entries(dict)) expect(v.trim(), k).not.toBe('');
  });
  it('define each key in one place (a key in two parts: the later silently wins)', () => {
    const own = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s+'([\w.]+)':/gm)].map((m) => m[1]!);
    for (const [lang, parts] of [
      ['id', { konten: kontenId, banding: bandingId, alat: alatId, bagikan: bagikanId, main: Object.fromEntries(own('src/i18n/id.ts').map((k) => [k, ''])) }],
      ['en', { konten: kontenEn, banding: bandingEn, alat: alatEn, bagikan: bagikanEn, main: Object.fromEntries(own('src/i18n/en.ts').map((k) => [k, ''])) }],
    ] as const) {
      const where = new Map<string, string[]>();
      for (const [part, dict] of Object.entries(parts)) for (const k of Object.keys(dict)) where.set(k, [...(where.get(k) ?? []), part]);
      expect([...where].filter(([, p]) => p.length > 1).map(([k, p]) => `${lang} ${k}: ${p.join(', ')}`)).toEqual([]);
    }
  });

  it('t fills placeholders and leaves unknown ones', () => {
    expect(t('id', 'nav.ringkasan')).toBe('Ringkasan');
    expect(t('en', 'nav.ringkasan')).toBe('Overview');
    expect(t('id', 'format.semester', { n: 2, year: 2023 })).toBe('Semester 2 2023');
    expect(t('en', 'format.semester', { n: 2 })).toBe('Semester 2 {year}');
  });
});

describe('numbers', () => {
  it('uses decimal comma and dot thousands in Indonesian, en-GB in English', () => {
    expect(formatNumber('id', 1234)).toBe('1.234');
    expect(formatNumber('en', 1234)).toBe('1,234');
    expect(formatNumber('id', 1234567.84)).toBe('1.234.567,8');
    expect(formatNumber('id', 12.34, { digits: 2 })).toBe('12,34');
    expect(formatNumber('id', 0)).toBe('0');
    expect(formatPercent('id', 12.34)).toBe('12,3%');
    expect(formatPercent('en', 12.34)).toBe('12.3%');
    expect(formatPercent('id', 20)).toBe('20,0%');
    expect(formatPercent('id', 0)).toBe('0,0%');
    expect(formatPercent('en', 7.25, { digits: 0 })).toBe('7%');
    expect(formatNumber('en', 3, { signed: true })).toBe('+3');
    expect(formatPercentPoints('id', -1.25)).toBe('-1,3 poin persen');
    expect(formatPercentPoints('en', 2)).toBe('+2.0 percentage points');
  });

  it('formats missing values as a dash, never as 0', () => {
    for (const v of [null, undefined, NaN]) {
      expect(isMissing(v)).toBe(true);
      expect(formatNumber('id', v)).toBe(MISSING);
      expect(formatPercent('en', v)).toBe(MISSING);
      expect(formatPercentPoints('id', v)).toBe(MISSING);
    }
    expect(isMissing(0)).toBe(false);
    expect(MISSING).toBe('–');
  });

  it('gives the dash an accessible label in HTML', () => {
    const html = toHtml('id', formatPercent('id', null));
    expect(html).toContain('aria-hidden="true">–<');
    expect(html).toContain('<span class="sr-only">tidak ada data</span>');
    expect(toHtml('en', MISSING)).toContain('no data');
    expect(toHtml('id', '<b>1</b>')).toBe('&lt;b&gt;1&lt;/b&gt;');
  });

  it('marks the Indonesian terms that English text quotes in brackets lang="id" (English pages only)', () => {
    expect(toHtml('en', 'UKUR: Simultaneous measurement drive (intervensi serentak)')).toBe('UKUR: Simultaneous measurement drive (<span lang="id">intervensi serentak</span>)');
    expect(toHtml('en', '◆ = priority (lokus) village')).toBe('◆ = priority (<span lang="id">lokus</span>) village');
    expect(toHtml('en', 'analysis of stunting measurements (Aksi 7)')).toBe('analysis of stunting measurements (<span lang="id">Aksi 7</span>)');
    expect(toHtml('en', 'Basis, in Indonesian (e.g. prevalensi tertinggi menurut SKI 2023: the highest)')).toContain('(e.g. <span lang="id">prevalensi tertinggi menurut SKI 2023</span>:');
    // only in brackets, and never on Indonesian pages (the whole page is Indonesian)
    expect(toHtml('en', 'lokus villages')).toBe('lokus villages');
    expect(toHtml('id', 'Pengukuran serentak (intervensi serentak)')).toBe('Pengukuran serentak (intervensi serentak)');
  });
});

describe('periods', () => {
  it('formats months, semesters, quarters and years', () => {
    expect(formatPeriod('id', '2024-02')).toBe('Februari 2024');
    expect(formatPeriod('en', '2024-02')).toBe('February 2024');
    expect(formatPeriod('id', '2024-08', { short: true })).toBe('Agu 2024');
    expect(formatPeriod('id', '2024-S1')).toBe('Semester 1 2024');
    expect(formatPeriod('en', '2023-S2')).toBe('Semester 2 2023');
    expect(formatPeriod('id', '2024-Q3')).toBe('Triwulan 3 2024');
    expect(formatPeriod('en', '2024-Q3')).toBe('Quarter 3 2024');
    expect(formatPeriod('id', '2024')).toBe('2024');
    expect(formatPeriod('id', null)).toBe(MISSING);
    expect(formatPeriod('id', '2024-13')).toBe('2024-13');
  });
});

describe('paths', () => {
  it('puts Indonesian at the root and English under /en/, respecting the base', () => {
    expect(localePath('id', '/')).toBe('/');
    expect(localePath('en', '/')).toBe('/en/');
    expect(localePath('id', '/dua-angka/')).toBe('/dua-angka/');
    expect(localePath('en', '/wilayah/64.08/', '/atlas-stunting')).toBe('/atlas-stunting/en/wilayah/64.08/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/a/b')).toBe('/a/b/');
    expect(otherLang('id')).toBe('en');
  });
  it('splits a pathname back into language and route', () => {
    expect(splitLocalePath('/en/cakupan/')).toEqual({ lang: 'en', path: '/cakupan/' });
    expect(splitLocalePath('/atlas/wilayah/64.08/', '/atlas/')).toEqual({ lang: 'id', path: '/wilayah/64.08/' });
    expect(splitLocalePath('/atlas/en/', '/atlas')).toEqual({ lang: 'en', path: '/' });
    expect(splitLocalePath('/entah/')).toEqual({ lang: 'id', path: '/entah/' });
  });
});
